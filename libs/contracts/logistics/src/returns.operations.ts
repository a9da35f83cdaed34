import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { pageOf, PageQuery } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { CreateReturnDto, ReturnDetailView, ReturnFilter, ReturnStatusDto, ReturnView } from './returns.dto';
import { LogisticsSubjects } from './subjects';

export class ReturnRef {
  @IsUUID() returnId: string;
}
export class CreateReturnRequest {
  @ValidateNested() @Type(() => CreateReturnDto) body: CreateReturnDto;
}
export class ReturnStatusRequest extends ReturnRef {
  @ValidateNested() @Type(() => ReturnStatusDto) body: ReturnStatusDto;
}
export class ReturnListQuery extends IntersectionType(ReturnFilter, PageQuery) {}

/**
 * Returns (RMAs) of delivered order items. Buyers open them for their own orders (another buyer's is
 * 404); support staff approve, receive and complete them; a completed return is refunded by orders
 * and its resellable items restocked by catalog.
 */
export const ReturnCreate = operation({
  subject: LogisticsSubjects.ReturnCreate,
  request: CreateReturnRequest,
  response: ReturnDetailView,
  permissions: ['returns:create'],
  http: {
    method: 'POST',
    path: 'returns',
    body: CreateReturnDto,
    summary: "Open a return of delivered items of one's order, within the return window (409 outside it or above the delivered quantity)",
  },
});

export const ReturnList = operation({
  subject: LogisticsSubjects.ReturnList,
  request: ReturnListQuery,
  response: pageOf(ReturnView),
  permissions: ['returns:read'],
  http: { method: 'GET', path: 'returns', query: ReturnListQuery, summary: 'Returns the caller may see, newest first; cursor pagination' },
});

export const ReturnGet = operation({
  subject: LogisticsSubjects.ReturnGet,
  request: ReturnRef,
  response: ReturnDetailView,
  permissions: ['returns:read'],
  http: { method: 'GET', path: 'returns/:returnId', summary: 'One return with its items and status history' },
});

export const ReturnStatusChange = operation({
  subject: LogisticsSubjects.ReturnStatusChange,
  request: ReturnStatusRequest,
  response: ReturnDetailView,
  permissions: ['returns:update'],
  http: {
    method: 'POST',
    path: 'returns/:returnId/status',
    body: ReturnStatusDto,
    status: 200,
    summary: 'Move a return: REQUESTED -> APPROVED | REJECTED -> SHIPPED -> RECEIVED -> PROCESSING -> COMPLETED (others 409)',
  },
});

export const ReturnOperations = [ReturnCreate, ReturnList, ReturnGet, ReturnStatusChange];

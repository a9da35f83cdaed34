import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { DeletedView, pageOf, PageQuery } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { CreateRoutingRuleDto, RoutingRuleFilter, RoutingRuleView, UpdateRoutingRuleDto } from './routing-rules.dto';
import { FulfillmentSubjects } from './subjects';

export class RoutingRuleRef {
  @IsUUID() routingRuleId: string;
}
export class CreateRoutingRuleRequest {
  @ValidateNested() @Type(() => CreateRoutingRuleDto) body: CreateRoutingRuleDto;
}
export class UpdateRoutingRuleRequest extends RoutingRuleRef {
  @ValidateNested() @Type(() => UpdateRoutingRuleDto) body: UpdateRoutingRuleDto;
}
export class RoutingRuleListQuery extends IntersectionType(RoutingRuleFilter, PageQuery) {}

/** Routing rules are data: tried in priority order (ties by creation), each with filters, a sort and a fallback. */
export const RoutingRuleList = operation({
  subject: FulfillmentSubjects.RoutingRuleList,
  request: RoutingRuleListQuery,
  response: pageOf(RoutingRuleView),
  permissions: ['factories:read'],
  http: { method: 'GET', path: 'routing-rules', query: RoutingRuleListQuery, summary: 'Routing rules in the order routing tries them' },
});

export const RoutingRuleGet = operation({
  subject: FulfillmentSubjects.RoutingRuleGet,
  request: RoutingRuleRef,
  response: RoutingRuleView,
  permissions: ['factories:read'],
  http: { method: 'GET', path: 'routing-rules/:routingRuleId' },
});

export const RoutingRuleCreate = operation({
  subject: FulfillmentSubjects.RoutingRuleCreate,
  request: CreateRoutingRuleRequest,
  response: RoutingRuleView,
  permissions: ['factories:create'],
  http: { method: 'POST', path: 'routing-rules', body: CreateRoutingRuleDto, summary: 'Add a routing rule' },
});

export const RoutingRuleUpdate = operation({
  subject: FulfillmentSubjects.RoutingRuleUpdate,
  request: UpdateRoutingRuleRequest,
  response: RoutingRuleView,
  permissions: ['factories:update'],
  http: {
    method: 'PATCH',
    path: 'routing-rules/:routingRuleId',
    body: UpdateRoutingRuleDto,
    summary: 'Change a routing rule; filters and sort, when given, replace the stored ones',
  },
});

export const RoutingRuleDelete = operation({
  subject: FulfillmentSubjects.RoutingRuleDelete,
  request: RoutingRuleRef,
  response: DeletedView,
  permissions: ['factories:delete'],
  http: { method: 'DELETE', path: 'routing-rules/:routingRuleId', summary: 'Delete a routing rule' },
});

export const RoutingRuleOperations = [RoutingRuleList, RoutingRuleGet, RoutingRuleCreate, RoutingRuleUpdate, RoutingRuleDelete];

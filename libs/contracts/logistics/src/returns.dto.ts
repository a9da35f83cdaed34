import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const RETURN_STATUSES = ['REQUESTED', 'APPROVED', 'SHIPPED', 'RECEIVED', 'PROCESSING', 'COMPLETED', 'REJECTED'] as const;
export type ReturnStatusName = (typeof RETURN_STATUSES)[number];
/** Where a return may be moved through the API (REQUESTED is where every return starts). */
export const RETURN_TARGETS = ['APPROVED', 'REJECTED', 'SHIPPED', 'RECEIVED', 'PROCESSING', 'COMPLETED'] as const;
export type ReturnTarget = (typeof RETURN_TARGETS)[number];
export const RETURN_REASONS = ['DEFECTIVE', 'WRONG_ITEM', 'NOT_AS_DESCRIBED', 'DAMAGED', 'NO_LONGER_NEEDED', 'OTHER'] as const;
export type ReturnReasonName = (typeof RETURN_REASONS)[number];

const MONEY = /^\d{1,10}(\.\d{1,2})?$/;

export class ReturnItemInput {
  @ApiProperty({ description: "A delivered item of the order (orders' order item id)" }) @IsUUID() orderItemId: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(100000) quantity: number;
}

export class CreateReturnDto {
  @ApiProperty() @IsUUID() orderId: string;
  @ApiProperty({ type: [ReturnItemInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ReturnItemInput)
  items: ReturnItemInput[];
  @ApiProperty({ enum: RETURN_REASONS }) @IsIn(RETURN_REASONS) reason: ReturnReasonName;
  @ApiPropertyOptional({ type: [String], description: 'Photo URLs (http or https)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { each: true })
  photos?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) customerNotes?: string;
  @ApiPropertyOptional({ description: 'The support ticket the return comes from (the same customer and order)' })
  @IsOptional()
  @IsUUID()
  ticketId?: string;
}

/** A return opened from a ticket: the ticket names the order. */
export class TicketReturnDto {
  @ApiProperty({ type: [ReturnItemInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ReturnItemInput)
  items: ReturnItemInput[];
  @ApiProperty({ enum: RETURN_REASONS }) @IsIn(RETURN_REASONS) reason: ReturnReasonName;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { each: true })
  photos?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) customerNotes?: string;
}

export class ReturnItemCondition {
  @ApiProperty() @IsUUID() returnItemId: string;
  @ApiProperty({ description: 'Goes back to stock when the return completes' }) @IsBoolean() resellable: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) condition?: string;
}

export class ReturnStatusDto {
  @ApiProperty({
    enum: RETURN_TARGETS,
    description: 'REQUESTED -> APPROVED | REJECTED; APPROVED -> SHIPPED -> RECEIVED -> PROCESSING -> COMPLETED',
  })
  @IsIn(RETURN_TARGETS)
  status: ReturnTarget;
  @ApiPropertyOptional({ description: 'Refund for the return (decimal string); set on approval or later, before COMPLETED' })
  @IsOptional()
  @Matches(MONEY, { message: 'refundAmount must be a decimal amount with at most 2 decimals' })
  refundAmount?: string;
  @ApiPropertyOptional({ type: [ReturnItemCondition], description: 'Resellable flag and condition per item (on RECEIVED or PROCESSING)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ReturnItemCondition)
  items?: ReturnItemCondition[];
  @ApiPropertyOptional({ description: 'The return parcel (on SHIPPED)' }) @IsOptional() @IsString() @MaxLength(100) trackingNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ReturnFilter {
  @ApiPropertyOptional() @IsOptional() @IsUUID() orderId?: string;
  @ApiPropertyOptional({ enum: RETURN_STATUSES }) @IsOptional() @IsIn(RETURN_STATUSES) status?: ReturnStatusName;
}

export class ReturnItemView {
  @ApiProperty() id: string;
  @ApiProperty() orderItemId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) productId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) systemVariantId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sku: string | null;
  @ApiProperty() quantity: number;
  @ApiProperty() resellable: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) condition: string | null;
}

export class ReturnStatusHistoryView {
  @ApiPropertyOptional({ enum: RETURN_STATUSES, nullable: true }) fromStatus: ReturnStatusName | null;
  @ApiProperty({ enum: RETURN_STATUSES }) toStatus: ReturnStatusName;
  @ApiPropertyOptional({ nullable: true, type: String }) actorId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty() at: string;
}

export class ReturnView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'RMA-20261202-7K2M9QXA' }) rmaNumber: string;
  @ApiProperty() orderId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) userId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) ticketId: string | null;
  @ApiProperty({ enum: RETURN_REASONS }) reason: ReturnReasonName;
  @ApiProperty({ enum: RETURN_STATUSES }) status: ReturnStatusName;
  @ApiProperty({ type: [String] }) photos: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) customerNotes: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '19.99' }) refundAmount: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) trackingNumber: string | null;
  @ApiProperty({ description: 'Last day a return of these items could be opened' }) returnWindowEndsAt: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ReturnDetailView extends ReturnView {
  @ApiProperty({ type: [ReturnItemView] }) items: ReturnItemView[];
  @ApiProperty({ type: [ReturnStatusHistoryView] }) statusHistory: ReturnStatusHistoryView[];
}

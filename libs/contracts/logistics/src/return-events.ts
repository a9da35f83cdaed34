import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNumberString,
  IsOptional,
  IsString,
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';
import { RETURN_REASONS, ReturnReasonName } from './returns.dto';
import { LogisticsEvents } from './subjects';

/** One returned line; productId/systemVariantId come from orders' placed event, so catalog can restock without asking. */
export class ReturnCompletedItem {
  @IsUUID() returnItemId: string;
  @IsUUID() orderItemId: string;
  @IsOptional() @IsUUID() productId?: string | null;
  @IsOptional() @IsUUID() systemVariantId?: string | null;
  @IsOptional() @IsString() sku?: string | null;
  @IsInt() @Min(1) quantity: number;
  /** Goes back on the shelf (catalog adds it to stock); otherwise written off. */
  @IsBoolean() resellable: boolean;
}

export class ReturnCompletedPayload {
  @IsUUID() returnId: string;
  @IsString() rmaNumber: string;
  @IsUUID() orderId: string;
  @IsOptional() @IsString() userId?: string | null;
  @IsOptional() @IsUUID() storeId?: string | null;
  @IsOptional() @IsUUID() teamId?: string | null;
  @IsIn(RETURN_REASONS) reason: ReturnReasonName;
  /** Decimal as a string; "0.00" when nothing is refunded. */
  @IsNumberString() refundAmount: string;
  @IsOptional() @IsString() actorId?: string | null;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ReturnCompletedItem) items: ReturnCompletedItem[];
  @IsDateString() completedAt: string;
}

export const ReturnCompleted = { subject: LogisticsEvents.ReturnCompleted, payload: ReturnCompletedPayload, version: 1 } as const;

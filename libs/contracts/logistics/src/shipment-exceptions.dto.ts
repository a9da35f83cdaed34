import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { LogisticsEvents } from './subjects';

export const SHIPMENT_EXCEPTION_TYPES = ['ADDRESS_PROBLEM', 'DELAY', 'DAMAGE', 'LOST', 'CUSTOMS', 'FAILED_ATTEMPT', 'OTHER'] as const;
export type ShipmentExceptionTypeName = (typeof SHIPMENT_EXCEPTION_TYPES)[number];
export const SHIPMENT_EXCEPTION_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type ShipmentExceptionSeverityName = (typeof SHIPMENT_EXCEPTION_SEVERITIES)[number];

export class RaiseShipmentExceptionDto {
  @ApiProperty({ enum: SHIPMENT_EXCEPTION_TYPES }) @IsIn(SHIPMENT_EXCEPTION_TYPES) type: ShipmentExceptionTypeName;
  @ApiPropertyOptional({ enum: SHIPMENT_EXCEPTION_SEVERITIES, default: 'MEDIUM' })
  @IsOptional()
  @IsIn(SHIPMENT_EXCEPTION_SEVERITIES)
  severity?: ShipmentExceptionSeverityName;
  @ApiProperty({ example: 'Parcel crushed at the hub' }) @IsString() @MinLength(1) @MaxLength(1000) description: string;
}

export class ResolveShipmentExceptionDto {
  @ApiProperty({ example: 'Reshipped with a new label' }) @IsString() @MinLength(1) @MaxLength(1000) resolution: string;
}

export class ShipmentExceptionView {
  @ApiProperty() id: string;
  @ApiProperty() shipmentId: string;
  @ApiProperty({ enum: SHIPMENT_EXCEPTION_TYPES }) type: ShipmentExceptionTypeName;
  @ApiProperty({ enum: SHIPMENT_EXCEPTION_SEVERITIES }) severity: ShipmentExceptionSeverityName;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'CARRIER (from a tracking event) or STAFF' }) source: string;
  @ApiPropertyOptional({ nullable: true }) trackingEventId: string | null;
  @ApiPropertyOptional({ nullable: true }) resolution: string | null;
  @ApiPropertyOptional({ nullable: true }) resolvedAt: string | null;
  @ApiProperty() createdAt: string;
}

/** An exception raised or resolved; alerting notifies. The owners travel with it, like the status events. */
export class ShipmentExceptionEventPayload {
  @IsUUID() exceptionId: string;
  @IsUUID() shipmentId: string;
  @IsUUID() orderId: string;
  @IsOptional() @IsString() userId?: string | null;
  @IsOptional() @IsUUID() teamId?: string | null;
  @IsOptional() @IsUUID() storeId?: string | null;
  @IsIn(SHIPMENT_EXCEPTION_TYPES) type: ShipmentExceptionTypeName;
  @IsIn(SHIPMENT_EXCEPTION_SEVERITIES) severity: ShipmentExceptionSeverityName;
  @IsString() description: string;
  @IsString() source: string;
  @IsOptional() @IsString() carrier?: string | null;
  @IsOptional() @IsString() trackingNumber?: string | null;
  @IsOptional() @IsString() resolution?: string | null;
  @IsOptional() @IsDateString() resolvedAt?: string | null;
  @IsDateString() occurredAt: string;
}

export const ShipmentExceptionRaised = {
  subject: LogisticsEvents.ShipmentExceptionRaised,
  payload: ShipmentExceptionEventPayload,
  version: 1,
} as const;
export const ShipmentExceptionResolved = {
  subject: LogisticsEvents.ShipmentExceptionResolved,
  payload: ShipmentExceptionEventPayload,
  version: 1,
} as const;

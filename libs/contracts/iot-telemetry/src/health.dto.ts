import { PageQuery } from '@suite/contracts/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsDateString, IsIn, IsInt, IsNumber, IsObject, IsOptional, Max, Min } from 'class-validator';
import { DEVICE_HEALTH_STATUSES, DeviceHealthStatusName } from './bridge';

/** POST /devices/:id/health: a health record by an operator or an app (devices report theirs on the bridge). */
export class RecordHealthDto {
  @ApiPropertyOptional({ enum: DEVICE_HEALTH_STATUSES, description: 'derived from the metrics when absent (see health-status.ts)' })
  @IsOptional()
  @IsIn(DEVICE_HEALTH_STATUSES)
  status?: DeviceHealthStatusName;
  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: '%' }) @IsOptional() @IsNumber() @Min(0) @Max(100) cpuUsage?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: '%' }) @IsOptional() @IsNumber() @Min(0) @Max(100) memoryUsage?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: '%' }) @IsOptional() @IsNumber() @Min(0) @Max(100) diskUsage?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: '%' }) @IsOptional() @IsNumber() @Min(0) @Max(100) batteryLevel?: number;
  @ApiPropertyOptional({ description: 'device temperature, C' }) @IsOptional() @IsNumber() @Min(-100) @Max(300) temperature?: number;
  @ApiPropertyOptional({ description: 'ms' }) @IsOptional() @IsInt() @Min(0) @Max(3_600_000) networkLatency?: number;
  @ApiPropertyOptional({ description: 'seconds' }) @IsOptional() @IsInt() @Min(0) @Max(2_000_000_000) uptime?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(2_000_000_000) errorCount?: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() metadata?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'when it was measured (ISO 8601); now by default' }) @IsOptional() @IsDateString() timestamp?: string;
}

/** Cursor and limit from PageQuery, plus the filters. */
export class HealthListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DEVICE_HEALTH_STATUSES }) @IsOptional() @IsIn(DEVICE_HEALTH_STATUSES) status?: DeviceHealthStatusName;
  @ApiPropertyOptional({ description: 'inclusive (ISO 8601)' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ description: 'exclusive (ISO 8601)' }) @IsOptional() @IsDateString() to?: string;
}

export class DeviceHealthView {
  @ApiProperty() id: string;
  @ApiProperty() deviceId: string;
  @ApiProperty() timestamp: string;
  @ApiProperty({ enum: DEVICE_HEALTH_STATUSES }) status: string;
  @ApiPropertyOptional({ nullable: true }) cpuUsage: number | null;
  @ApiPropertyOptional({ nullable: true }) memoryUsage: number | null;
  @ApiPropertyOptional({ nullable: true }) diskUsage: number | null;
  @ApiPropertyOptional({ nullable: true }) temperature: number | null;
  @ApiPropertyOptional({ nullable: true }) batteryLevel: number | null;
  @ApiPropertyOptional({ nullable: true }) networkLatency: number | null;
  @ApiPropertyOptional({ nullable: true }) uptime: number | null;
  @ApiProperty() errorCount: number;
  @ApiPropertyOptional({ nullable: true }) metadata: unknown;
  @ApiProperty() createdAt: string;
}

/** Payload of IotTelemetryEvents.DeviceOnline. */
export interface DeviceOnlineEvent {
  deviceId: string;
  serialNumber: string;
  userId: string | null;
  /** the lastSeen that brought it online */
  at: string;
}

/** Payload of IotTelemetryEvents.DeviceOffline. */
export interface DeviceOfflineEvent {
  deviceId: string;
  serialNumber: string;
  userId: string | null;
  lastSeen: string | null;
  heartbeatTimeoutSeconds: number;
  at: string;
}

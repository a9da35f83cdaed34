import { PageQuery } from '@suite/contracts/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const DEVICE_TYPES = [
  'MUSHROOM_CHAMBER',
  'ENVIRONMENTAL_SENSOR',
  'IRRIGATION_SYSTEM',
  'HVAC_CONTROLLER',
  'CAMERA',
  'pH_SENSOR',
  'HUMIDITY_CONTROLLER',
] as const;
export type DeviceTypeName = (typeof DEVICE_TYPES)[number];
export const DEVICE_STATUSES = ['ONLINE', 'OFFLINE', 'MAINTENANCE', 'ERROR'] as const;
export type DeviceStatusName = (typeof DEVICE_STATUSES)[number];
/** ONLINE/OFFLINE/ERROR follow from what the device sends; an owner may only take it into maintenance and back. */
export const OWNER_SETTABLE_STATUSES = ['MAINTENANCE', 'OFFLINE'] as const;

/**
 * Serials and sensor names become a NATS subject token (iot.dev.<serial>.telemetry) and an MQTT topic level
 * (mash/<serial>/telemetry): no dots, slashes, wildcards or spaces.
 */
export const BRIDGE_NAME = /^[A-Za-z0-9_-]{3,64}$/;
export const SENSOR_NAME = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_SENSORS_PER_DEVICE = 50;

/** Query strings arrive as text: `?isActive=false` must mean false, not a truthy string. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** stored value = raw * scale + offset */
export class CalibrationDto {
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsNumber() scale?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsNumber() offset?: number;
}

export class CreateSensorDto {
  @ApiProperty({ example: 'temperature' }) @IsString() @Length(1, 64) type: string;
  @ApiProperty({ example: 'temp-1', description: 'unique per device; how the device names it in its readings' })
  @IsString()
  @Matches(SENSOR_NAME, { message: 'name must be 1-64 letters, digits, _ or -' })
  name: string;
  @ApiProperty({ example: 'C' }) @IsString() @Length(1, 32) unit: string;
  @ApiPropertyOptional({ description: 'readings below are kept with quality OUT_OF_RANGE' }) @IsOptional() @IsNumber() minValue?: number;
  @ApiPropertyOptional({ description: 'must be >= minValue' }) @IsOptional() @IsNumber() maxValue?: number;
  @ApiPropertyOptional({ type: CalibrationDto }) @IsOptional() @ValidateNested() @Type(() => CalibrationDto) calibration?: CalibrationDto;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() isActive?: boolean;
}

export class UpdateSensorDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) type?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(SENSOR_NAME, { message: 'name must be 1-64 letters, digits, _ or -' })
  name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 32) unit?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber() minValue?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() maxValue?: number;
  @ApiPropertyOptional({ type: CalibrationDto }) @IsOptional() @ValidateNested() @Type(() => CalibrationDto) calibration?: CalibrationDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isActive?: boolean;
}

export class SensorView {
  @ApiProperty() id: string;
  @ApiProperty() deviceId: string;
  @ApiProperty() type: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiPropertyOptional({ nullable: true }) minValue: number | null;
  @ApiPropertyOptional({ nullable: true }) maxValue: number | null;
  @ApiPropertyOptional({ type: CalibrationDto, nullable: true }) calibration: CalibrationDto | null;
  @ApiProperty() isActive: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class CreateDeviceDto {
  @ApiProperty() @IsString() @Length(1, 200) name: string;
  @ApiProperty({ enum: DEVICE_TYPES }) @IsIn(DEVICE_TYPES) type: DeviceTypeName;
  @ApiProperty({ example: 'CH-0001', description: 'unique; 3-64 letters, digits, _ or - (a NATS subject token and an MQTT topic level)' })
  @IsString()
  @Matches(BRIDGE_NAME, { message: 'serialNumber must be 3-64 letters, digits, _ or -' })
  serialNumber: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) location?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) firmware?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) ipAddress?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) macAddress?: string;
  @ApiPropertyOptional({ minimum: 10, maximum: 86400, default: 120 })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(86400)
  heartbeatTimeoutSeconds?: number;
  @ApiPropertyOptional({ type: [CreateSensorDto], maxItems: MAX_SENSORS_PER_DEVICE })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SENSORS_PER_DEVICE)
  @ValidateNested({ each: true })
  @Type(() => CreateSensorDto)
  sensors?: CreateSensorDto[];
}

export class UpdateDeviceDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ enum: DEVICE_TYPES }) @IsOptional() @IsIn(DEVICE_TYPES) type?: DeviceTypeName;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) location?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) firmware?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) ipAddress?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) macAddress?: string;
  @ApiPropertyOptional({ minimum: 10, maximum: 86400 }) @IsOptional() @IsInt() @Min(10) @Max(86400) heartbeatTimeoutSeconds?: number;
  @ApiPropertyOptional({
    enum: OWNER_SETTABLE_STATUSES,
    description: 'MAINTENANCE, or OFFLINE to leave maintenance (ONLINE follows from the next reading)',
  })
  @IsOptional()
  @IsIn(OWNER_SETTABLE_STATUSES)
  status?: (typeof OWNER_SETTABLE_STATUSES)[number];
  @ApiPropertyOptional({ description: 'false: the bridge refuses its readings' }) @IsOptional() @IsBoolean() isActive?: boolean;
}

/** Cursor and limit from PageQuery, plus the filters. */
export class DeviceListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DEVICE_STATUSES }) @IsOptional() @IsIn(DEVICE_STATUSES) status?: DeviceStatusName;
  @ApiPropertyOptional({ enum: DEVICE_TYPES }) @IsOptional() @IsIn(DEVICE_TYPES) type?: DeviceTypeName;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() isActive?: boolean;
}

export class DeviceView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: DEVICE_TYPES }) type: string;
  @ApiProperty() serialNumber: string;
  @ApiProperty({ enum: DEVICE_STATUSES }) status: string;
  @ApiPropertyOptional({ nullable: true }) userId: string | null;
  @ApiPropertyOptional({ nullable: true }) location: string | null;
  @ApiPropertyOptional({ nullable: true }) description: string | null;
  @ApiPropertyOptional({ nullable: true }) firmware: string | null;
  @ApiPropertyOptional({ nullable: true }) ipAddress: string | null;
  @ApiPropertyOptional({ nullable: true }) macAddress: string | null;
  @ApiPropertyOptional({ nullable: true }) lastSeen: string | null;
  @ApiProperty() isActive: boolean;
  @ApiProperty() heartbeatTimeoutSeconds: number;
  @ApiProperty({ description: 'first characters of the credential, to tell credentials apart' }) credentialPrefix: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class DeviceWithSensorsView extends DeviceView {
  @ApiProperty({ type: [SensorView] }) sensors: SensorView[];
}

export class RegisteredDeviceView extends DeviceWithSensorsView {
  @ApiProperty({ description: 'the bridge credential (dk_...): shown this once, only its sha256 is kept' }) credential: string;
}

export class DeviceCredentialView {
  @ApiProperty({ description: 'the new bridge credential, shown this once; the previous one stops working' }) credential: string;
  @ApiProperty() credentialPrefix: string;
}

/** NATS request shapes (gateway -> service). */
export class DeviceRef {
  @IsUUID() deviceId: string;
}
export class SensorRef extends DeviceRef {
  @IsUUID() sensorId: string;
}

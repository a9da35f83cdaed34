import { PageQuery } from '@suite/contracts/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';

/** pending -> sent -> acknowledged, or failed, or timeout (the watchdog, once timeoutSeconds have passed unanswered). */
export const COMMAND_STATUSES = ['pending', 'sent', 'acknowledged', 'failed', 'timeout'] as const;
export type CommandStatusName = (typeof COMMAND_STATUSES)[number];
export const COMMAND_TRANSPORTS = ['nats', 'mqtt'] as const;
/** RESTART, UPDATE_CONFIG, UPDATE_FIRMWARE, CALIBRATE, SET_TARGET, ...: devices define their own, so only the shape is checked. */
export const COMMAND_NAME = /^[A-Z][A-Z0-9_]{1,63}$/;
export const MAX_COMMAND_PARAMETERS_BYTES = 16 * 1024;
export const DEFAULT_COMMAND_TIMEOUT_SECONDS = 30;

/** A device gets its parameters in one NATS/MQTT message: keep them far below the brokers' payload limits. */
const MaxJsonBytes = (max: number) =>
  ValidateBy({
    name: 'maxJsonBytes',
    validator: {
      validate: (value: unknown) => value === undefined || Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8') <= max,
      defaultMessage: (args) => `${args?.property ?? 'value'} must be at most ${max} bytes of JSON`,
    },
  });

export class SendCommandDto {
  @ApiProperty({ example: 'RESTART', description: 'upper case, digits and _, 2-64 characters' })
  @IsString()
  @Matches(COMMAND_NAME, {
    message: 'command must be 2-64 upper-case letters, digits or _, starting with a letter (RESTART, UPDATE_CONFIG, ...)',
  })
  command: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: `at most ${MAX_COMMAND_PARAMETERS_BYTES} bytes of JSON` })
  @IsOptional()
  @IsObject()
  @MaxJsonBytes(MAX_COMMAND_PARAMETERS_BYTES)
  parameters?: Record<string, unknown>;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 3600,
    default: DEFAULT_COMMAND_TIMEOUT_SECONDS,
    description: 'unanswered after this long -> timeout',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3600)
  timeoutSeconds?: number;
}

/** Cursor and limit from PageQuery, plus the filters. */
export class CommandListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COMMAND_STATUSES }) @IsOptional() @IsIn(COMMAND_STATUSES) status?: CommandStatusName;
}

export class CommandView {
  @ApiProperty() id: string;
  @ApiProperty() deviceId: string;
  @ApiProperty() command: string;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true }) parameters: Record<string, unknown> | null;
  @ApiProperty({ enum: COMMAND_STATUSES }) status: string;
  @ApiPropertyOptional({ nullable: true, description: "the device's answer, or why the command failed" }) response: unknown;
  @ApiPropertyOptional({ nullable: true }) requestedBy: string | null;
  @ApiPropertyOptional({ nullable: true, enum: COMMAND_TRANSPORTS }) transport: string | null;
  @ApiProperty() timeoutSeconds: number;
  @ApiProperty() sentAt: string;
  @ApiPropertyOptional({ nullable: true }) acknowledgedAt: string | null;
}

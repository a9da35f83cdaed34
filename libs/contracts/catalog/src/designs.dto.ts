import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export const DESIGN_STATUSES = ['DRAFT', 'REVIEW', 'APPROVED', 'ARCHIVED'] as const;
export type DesignStatus = (typeof DESIGN_STATUSES)[number];
/** Workflow actions, each a POST /designs/:id/<action>. */
export const DESIGN_ACTIONS = ['submit', 'approve', 'reject', 'archive'] as const;
export type DesignAction = (typeof DESIGN_ACTIONS)[number];

export class CreateDesignDto {
  @ApiProperty({ description: "One of the caller's teams" }) @IsUUID() teamId: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiProperty({ description: 'URL or storage key of the artwork; the same artwork cannot be uploaded twice' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  artworkUrl: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) designer?: string;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(100000) version?: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

/** Content fields change only while DRAFT; isAutoFulfillmentReady may be set true only on an APPROVED design. */
export class UpdateDesignDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) artworkUrl?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) designer?: string;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(100000) version?: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() metadata?: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isAutoFulfillmentReady?: boolean;
}

/** Combined with PageQuery (platform) by the gateway and the service: contracts do not depend on the platform. */
export class DesignFilter {
  @ApiPropertyOptional({ enum: DESIGN_STATUSES }) @IsOptional() @IsIn(DESIGN_STATUSES) status?: DesignStatus;
}

export class RejectDesignDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) reason: string;
}

export class DesignView {
  @ApiProperty() id: string;
  @ApiProperty() teamId: string;
  @ApiProperty() sellerId: string;
  @ApiProperty() name: string;
  @ApiProperty() artworkUrl: string;
  @ApiProperty() fingerprint: string;
  @ApiProperty({ enum: DESIGN_STATUSES }) status: DesignStatus;
  @ApiPropertyOptional({ nullable: true }) rejectionReason: string | null;
  @ApiProperty() isAutoFulfillmentReady: boolean;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiPropertyOptional({ nullable: true }) designer: string | null;
  @ApiProperty() version: number;
  @ApiPropertyOptional({ nullable: true }) metadata: unknown;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

/** Payload of CatalogEvents.DesignApproved. */
export interface DesignApprovedEvent {
  designId: string;
  teamId: string;
  fingerprint: string;
  approvedBy: string | null;
}

export class LinkProductDesignDto {
  @ApiProperty() @IsUUID() designId: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Where and how the design is printed' })
  @IsOptional()
  @IsObject()
  placementSettings?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'Make this the product default (the previous default is unset)' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class ProductDesignView {
  @ApiProperty() id: string;
  @ApiProperty() productId: string;
  @ApiProperty() designId: string;
  @ApiPropertyOptional({ nullable: true }) placementSettings: unknown;
  @ApiProperty() isDefault: boolean;
  @ApiProperty() createdAt: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { SUPPLIER_TYPES, SupplierType } from './factories.dto';

export const ROUTING_SORTS = ['PRIMARY_FIRST', 'LOWEST_PRICE', 'SHORTEST_LEAD_TIME', 'BEST_QUALITY'] as const;
export type RoutingSort = (typeof ROUTING_SORTS)[number];
export const ROUTING_FALLBACKS = ['NEXT_RULE', 'HOLD', 'MANUAL_QUEUE'] as const;
export type RoutingFallback = (typeof ROUTING_FALLBACKS)[number];

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const MAX_LIST = 250;

/** Which orders and factories a rule applies to; every key is optional and an absent key does not narrow. Unknown keys are refused. */
export class RoutingFiltersDto {
  @ApiPropertyOptional({ type: [String], example: ['US', 'CA'], description: 'Destination countries, ISO 3166-1 alpha-2' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsISO31661Alpha2({ each: true, message: 'each value in countries must be an ISO 3166-1 alpha-2 code such as US' })
  countries?: string[];
  @ApiPropertyOptional({ type: [String], description: "Catalog's store ids" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsUUID('all', { each: true })
  storeIds?: string[];
  @ApiPropertyOptional({ type: [String], example: ['DTG'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  printMethods?: string[];
  @ApiPropertyOptional({ enum: SUPPLIER_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(SUPPLIER_TYPES, { each: true })
  supplierTypes?: SupplierType[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsUUID('all', { each: true })
  factoryIds?: string[];
  @ApiPropertyOptional({ minimum: 0, maximum: 5 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(5)
  minQualityRating?: number;
}

class RoutingRuleFields {
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() isActive?: boolean;
  @ApiPropertyOptional({ type: RoutingFiltersDto, default: {} })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RoutingFiltersDto)
  filters?: RoutingFiltersDto;
  @ApiPropertyOptional({ enum: ROUTING_SORTS, isArray: true, description: 'Applied in order; ties of one key fall to the next' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ROUTING_SORTS, { each: true })
  sort?: RoutingSort[];
  @ApiPropertyOptional({ enum: ROUTING_FALLBACKS, default: 'NEXT_RULE', description: 'What happens when no factory fits' })
  @IsOptional()
  @IsIn(ROUTING_FALLBACKS)
  fallback?: RoutingFallback;
}

export class CreateRoutingRuleDto extends RoutingRuleFields {
  @ApiProperty({ example: 'US orders: cheapest DTG printer' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiProperty({ description: 'Lower runs first; equal priorities run in creation order' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  priority: number;
}

export class UpdateRoutingRuleDto extends RoutingRuleFields {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(1_000_000) priority?: number;
}

export class RoutingRuleFilter {
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() isActive?: boolean;
}

export class RoutingFiltersView {
  @ApiPropertyOptional({ type: [String] }) countries?: string[];
  @ApiPropertyOptional({ type: [String] }) storeIds?: string[];
  @ApiPropertyOptional({ type: [String] }) printMethods?: string[];
  @ApiPropertyOptional({ enum: SUPPLIER_TYPES, isArray: true }) supplierTypes?: SupplierType[];
  @ApiPropertyOptional({ type: [String] }) factoryIds?: string[];
  @ApiPropertyOptional() minQualityRating?: number;
}

export class RoutingRuleView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() priority: number;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ type: RoutingFiltersView }) filters: RoutingFiltersView;
  @ApiProperty({ enum: ROUTING_SORTS, isArray: true }) sort: RoutingSort[];
  @ApiProperty({ enum: ROUTING_FALLBACKS }) fallback: RoutingFallback;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

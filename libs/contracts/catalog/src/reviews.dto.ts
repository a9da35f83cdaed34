import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CreateReviewDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) rating: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) body?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUrl({ require_protocol: true }, { each: true })
  photos?: string[];
}

/** The selling team's one public answer to a review. */
export class ReviewResponseDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) response: string;
}

export class ReviewView {
  @ApiProperty() id: string;
  @ApiProperty() productId: string;
  @ApiProperty() userId: string;
  @ApiProperty() rating: number;
  @ApiPropertyOptional({ nullable: true }) title: string | null;
  @ApiPropertyOptional({ nullable: true }) body: string | null;
  @ApiProperty({ type: [String] }) photos: string[];
  @ApiProperty({ description: 'The orders service confirmed the reviewer bought the product' }) verified: boolean;
  @ApiPropertyOptional({ nullable: true }) response: string | null;
  @ApiPropertyOptional({ nullable: true }) respondedAt: string | null;
  @ApiProperty() createdAt: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PublicConfigEntry {
  @ApiProperty({ example: 'site.currency' })
  key: string;

  @ApiProperty({ example: 'PHP', description: 'Any JSON value' })
  value: unknown;

  @ApiPropertyOptional({ nullable: true })
  description: string | null;

  @ApiPropertyOptional({ nullable: true })
  category: string | null;
}

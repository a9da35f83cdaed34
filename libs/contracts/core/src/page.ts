import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { Class } from './operation';

export const DEFAULT_PAGE_LIMIT = 20;
/** The hard maximum: no caller can ask for more rows than this in one page. */
export const MAX_PAGE_LIMIT = 100;

/** Query parameters of every list: an opaque cursor from the previous page and a capped limit. */
export class PageQuery {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page; omit for the first page', maxLength: 512 })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a cursor returned by a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ description: 'Rows per page', minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit?: number;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

const pages = new Map<Class, Class>();

/**
 * The documented class of one page of `item`s, for a list operation's `response`:
 * `response: pageOf(ProductView)` answers a Page<ProductView> and OpenAPI shows `ProductViewPage`.
 */
export function pageOf<T>(item: Class<T>): Class<Page<T>> {
  let page = pages.get(item);
  if (!page) {
    class ItemPage {
      items: T[];
      nextCursor: string | null;
    }
    ApiProperty({ type: [item] })(ItemPage.prototype, 'items');
    ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` to get the next page; null on the last page' })(
      ItemPage.prototype,
      'nextCursor',
    );
    Object.defineProperty(ItemPage, 'name', { value: `${item.name}Page` });
    pages.set(item, ItemPage);
    page = ItemPage;
  }
  return page as Class<Page<T>>;
}

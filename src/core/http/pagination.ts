import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `?page=&limit=` on every list; extend it with the list's own filters. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;
}

/**
 * How many items come before the page. A function, not an accessor on the DTO: an accessor's name would be a
 * property the query could name (`?skip=`), and class-transformer fails on assigning to it.
 */
export const itemsBefore = (query: PageQueryDto): number => (query.page - 1) * query.limit;

export class PageMetaDto {
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty({ description: 'Items matching the filters, across all pages' }) total: number;
}

export interface Page<T> extends PageMetaDto {
  items: T[];
}

export function toPage<T>(items: T[], total: number, query: PageQueryDto): Page<T> {
  return { items, total, page: query.page, limit: query.limit };
}

type Constructor<T> = new (...args: never[]) => T;

/** A named page class per item type, so the OpenAPI document shows the real item schema. */
export function PageOf<T>(item: Constructor<T>): Constructor<Page<T>> {
  class PageOfItem extends PageMetaDto {
    @ApiProperty({ type: item, isArray: true })
    items: T[];
  }
  Object.defineProperty(PageOfItem, 'name', { value: `${item.name.replace(/Dto$/, '')}PageDto` });
  return PageOfItem;
}

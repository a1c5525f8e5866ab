import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';
import { Page } from './pagination.dto';

/**
 * Builds the class of one page of a list, `{ items, total, limit, offset }`. Name it by
 * extending it, so that the OpenAPI document gets a schema per item type:
 * `export class ContactPageResponse extends PageResponse(ContactResponse) {}`. With two item
 * types an item is one of them (a case, or a case redacted for a reader outside its department),
 * and the controller names them in `@ApiExtraModels` so that their schemas are in the document.
 */
export function PageResponse<Item>(...itemTypes: [Type<Item>, ...Type<Item>[]]): Type<Page<Item>> {
  const items: ApiPropertyOptions =
    itemTypes.length === 1
      ? { type: [itemTypes[0]] }
      : { type: 'array', items: { oneOf: itemTypes.map((type) => ({ $ref: getSchemaPath(type) })) } };

  class PageOfItems {
    @ApiProperty({ ...items, description: 'This page of the list, in the list order' })
    items: Item[];

    @ApiProperty({ description: 'How many there are in the whole list', example: 120 })
    total: number;

    @ApiProperty({ description: 'The most items a page holds, as asked (default 50)', example: 50 })
    limit: number;

    @ApiProperty({ description: 'How many items of the list come before this page', example: 0 })
    offset: number;
  }
  return PageOfItems;
}

/** A page of views as a page of responses, each item mapped. */
export function toPageResponse<View, Item>(page: Page<View>, toItem: (view: View) => Item): Page<Item> {
  return { items: page.items.map((view) => toItem(view)), total: page.total, limit: page.limit, offset: page.offset };
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CatalogEntryView } from '../catalog-entry.view';
import { CASE_KINDS, PRIORITIES } from '../catalog.types';

class CatalogNamesResponse {
  @ApiProperty({ example: 'Gatubelysning ur funktion' })
  sv: string;

  @ApiProperty({ example: 'Street light out of order' })
  en: string;

  @ApiPropertyOptional({ description: 'Left out when there is no Danish name', example: 'Gadelys ude af drift' })
  da?: string;
}

/** A type of matter in the service catalog: who handles it and how urgent it is by default. */
export class CatalogEntryResponse {
  @ApiProperty({ example: 'street_light' })
  code: string;

  @ApiProperty({ type: CatalogNamesResponse, description: 'The name in Swedish, English and (where given) Danish' })
  name: CatalogNamesResponse;

  @ApiProperty({ enum: CASE_KINDS })
  kind: string;

  @ApiProperty({ description: 'The department that handles it', example: 'TEK' })
  departmentCode: string;

  @ApiProperty({ description: 'The service center finishes it itself, without routing' })
  handledByServiceCenter: boolean;

  @ApiProperty({ enum: PRIORITIES, description: 'The default priority of its cases' })
  priority: string;

  @ApiProperty({ type: [String], description: 'Words that point triage to it', example: ['gatlampa', 'streetlight'] })
  keywords: string[];

  @ApiProperty({ description: 'Its cases are confidential to the handling department' })
  confidential: boolean;

  @ApiProperty({ description: 'false: no longer offered for new cases' })
  active: boolean;
}

export function toCatalogEntryResponse(entry: CatalogEntryView): CatalogEntryResponse {
  return {
    code: entry.code,
    name: entry.name,
    kind: entry.kind,
    departmentCode: entry.departmentCode,
    handledByServiceCenter: entry.handledByServiceCenter,
    priority: entry.priority,
    keywords: entry.keywords,
    confidential: entry.confidential,
    active: entry.active,
  };
}

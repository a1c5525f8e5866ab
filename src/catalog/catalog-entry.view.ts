import { CaseKind, Priority } from './catalog.types';
import { CatalogEntry } from './entities/catalog-entry.entity';

/** A catalog entry as the API shows it (the shape is a contract with outside clients). */
export interface CatalogEntryView {
  code: string;
  name: { sv: string; en: string; da?: string };
  kind: CaseKind;
  departmentCode: string;
  handledByServiceCenter: boolean;
  priority: Priority;
  keywords: string[];
  confidential: boolean;
  active: boolean;
}

export function toCatalogEntryView(entry: CatalogEntry): CatalogEntryView {
  return {
    code: entry.code,
    name: { sv: entry.nameSv, en: entry.nameEn, ...(entry.nameDa ? { da: entry.nameDa } : {}) },
    kind: entry.kind,
    departmentCode: entry.departmentCode,
    handledByServiceCenter: entry.handledByServiceCenter,
    priority: entry.priority,
    keywords: entry.keywords,
    confidential: entry.confidential,
    active: entry.active,
  };
}

import { CitizenView } from '../citizens/citizens.service';
import { allowedActions } from './case-lifecycle';
import { Case } from './entities/case.entity';

/** A case as staff who may read it see it. */
export interface CaseView {
  id: string;
  reference: string;
  status: string;
  allowedActions: string[];
  catalogCode: string | null;
  departmentCode: string | null;
  priority: string;
  channel: string;
  description: string;
  /** Null when there is none, or when the reader may not see personal data (then `citizenWithheld`). */
  citizen: CitizenView | null;
  /** The case has a citizen whose personal data the reader may not see. */
  citizenWithheld: boolean;
  location: { address: string | null; postalCode: string | null; lat: number | null; lng: number | null } | null;
  contactId: string | null;
  confidential: boolean;
  assigneeId: string | null;
  duplicateOfId: string | null;
  likelyDuplicateOfId: string | null;
  receivedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  reopenCount: number;
  returnCount: number;
  source: string;
  updatedAt: Date;
}

/** What everyone else sees of a confidential case: that it exists and where it stands. */
export interface RedactedCaseView {
  id: string;
  reference: string;
  status: string;
  departmentCode: string | null;
  confidential: true;
  redacted: true;
  receivedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
}

/** `citizen`: the citizen as the reader may see them, or 'withheld' when they may not see personal data. */
export function toCaseView(row: Case, citizen: CitizenView | null | 'withheld'): CaseView {
  const hasLocation = row.address !== null || row.postalCode !== null || row.lat !== null || row.lng !== null;
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    allowedActions: allowedActions(row.status),
    catalogCode: row.catalogCode,
    departmentCode: row.departmentCode,
    priority: row.priority,
    channel: row.channel,
    description: row.description,
    citizen: citizen === 'withheld' ? null : citizen,
    citizenWithheld: citizen === 'withheld',
    location: hasLocation ? { address: row.address, postalCode: row.postalCode, lat: row.lat, lng: row.lng } : null,
    contactId: row.contactId,
    confidential: row.confidential,
    assigneeId: row.assigneeId,
    duplicateOfId: row.duplicateOfId,
    likelyDuplicateOfId: row.likelyDuplicateOfId ?? null,
    receivedAt: row.receivedAt,
    firstResponseAt: row.firstResponseAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    reopenCount: row.reopenCount,
    returnCount: row.returnCount,
    source: row.source,
    updatedAt: row.updatedAt,
  };
}

export function toRedactedCaseView(row: Case): RedactedCaseView {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    departmentCode: row.departmentCode,
    confidential: true,
    redacted: true,
    receivedAt: row.receivedAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
  };
}

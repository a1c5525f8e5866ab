import { CaseRecord } from '../cases/case-record';
import { DueState } from './due-state';

/** One line of an inbox: enough to choose a case; the whole case is one click (GET /cases/{id}) away. */
export interface InboxItem {
  id: string;
  reference: string;
  status: string;
  priority: string;
  /** Null for a confidential case the reader may not read. */
  catalogCode: string | null;
  departmentCode: string | null;
  /** Null for a confidential case the reader may not read. */
  description: string | null;
  address: string | null;
  postalCode: string | null;
  confidential: boolean;
  redacted: boolean;
  assigneeId: string | null;
  receivedAt: Date;
  /** When the case is due under its service target; null until due times exist. */
  dueAt: Date | null;
  /** Where the case stands against its due time (due-state.ts); null without a due time. */
  dueState: DueState | null;
  returnCount: number;
  reopenCount: number;
}

export function toInboxItem(
  row: CaseRecord,
  readable: boolean,
  dueAt: Date | null,
  dueState: DueState | null,
): InboxItem {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    priority: row.priority,
    catalogCode: readable ? row.catalogCode : null,
    departmentCode: row.departmentCode,
    description: readable ? row.description : null,
    address: readable ? row.address : null,
    postalCode: readable ? row.postalCode : null,
    confidential: row.confidential,
    redacted: !readable,
    assigneeId: row.assigneeId,
    receivedAt: row.receivedAt,
    dueAt,
    dueState,
    returnCount: row.returnCount,
    reopenCount: row.reopenCount,
  };
}

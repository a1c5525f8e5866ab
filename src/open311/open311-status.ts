import type { CaseStatus } from '../cases/case-lifecycle';

/**
 * GeoReport v2 knows two statuses of a service request, `open` and `closed`. A case is closed
 * for the citizen once the work is done: resolved, closed, or a repeat of another case (whose
 * own status then tells the rest).
 */
export function open311Status(status: CaseStatus): 'open' | 'closed' {
  return status === 'resolved' || status === 'closed' || status === 'duplicate' ? 'closed' : 'open';
}

/**
 * The status of an update in FixMyStreet's `servicerequestupdates` (its Open311 update
 * extension, which names these in upper case): what the citizen's app shows beside the update.
 */
export function updateStatus(status: CaseStatus): string {
  switch (status) {
    case 'in_progress':
    case 'waiting':
      return 'IN_PROGRESS';
    case 'returned':
      return 'INTERNAL_REFERRAL';
    case 'resolved':
      return 'FIXED';
    case 'closed':
      return 'CLOSED';
    case 'duplicate':
      return 'DUPLICATE';
    default:
      return 'OPEN';
  }
}

/**
 * What a status change means to the citizen, in plain Swedish (the municipality's language):
 * the text of an update that carries no reply. Staff's reasons stay inside: they are written
 * for colleagues, and may name people.
 */
export function statusNote(status: CaseStatus, departmentName: string | null): string {
  const department = departmentName ?? 'kommunen';
  switch (status) {
    case 'new':
      return 'Vi har tagit emot ärendet.';
    case 'triaged':
      return 'Vi har tagit emot ärendet och bedömt vad det gäller.';
    case 'routed':
      return `Ärendet har skickats till ${department}.`;
    case 'in_progress':
      return `Ärendet hanteras av ${department}.`;
    case 'waiting':
      return 'Ärendet väntar på besked från någon annan innan arbetet kan fortsätta.';
    case 'returned':
      return 'Ärendet lämnas över till rätt förvaltning.';
    case 'resolved':
      return 'Ärendet är åtgärdat.';
    case 'closed':
      return 'Ärendet är avslutat.';
    case 'duplicate':
      return 'Samma sak var redan anmäld; den anmälan hanteras.';
    case 'reopened':
      return 'Ärendet har öppnats igen.';
  }
}

import { CaseStatus } from '../cases/case-lifecycle';

/**
 * What a department inbox holds.
 *
 * A department's inbox holds its cases that wait for someone to pick them up: routed to
 * it (also by transfer from another department) and reopened ones (a resolved case the
 * citizen came back about goes back to the department that resolved it).
 *
 * The service center's own inbox holds, besides cases routed to it, everything that is
 * still the service center's to deal with, whatever the department: cases returned by a
 * department (wrong department), cases waiting for a person to triage them, and triaged
 * cases of types the service center finishes itself.
 *
 * Who may look at which inbox is the access policy's to say (AccessPolicy.inboxRefusal).
 */
export const CLAIMABLE_STATUSES: readonly CaseStatus[] = ['routed', 'reopened'];
export const AT_SERVICE_CENTER_STATUSES: readonly CaseStatus[] = ['new', 'triaged', 'returned'];

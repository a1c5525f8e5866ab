export const CASE_KINDS = ['fault_report', 'complaint', 'question', 'errand', 'feedback', 'callback'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** Ordered from least to most urgent; the order is used to sort inboxes. */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

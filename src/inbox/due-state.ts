/**
 * Where a case stands against its due time, as an inbox shows it: `breached` once the due time
 * has passed (or the breach check has recorded it), `warning` once the warning check has recorded
 * that most of the target's time is used (SERVICE_TARGET_WARNING_SHARE), else `ok`; null when no
 * service target sets a due time. While a case waits its clock stops and the due time moves on
 * when it resumes, so the state of a waiting case is the one it had when it began to wait.
 */
export type DueState = 'ok' | 'warning' | 'breached';

export const DUE_STATES: readonly DueState[] = ['ok', 'warning', 'breached'];

export function dueStateOf(
  due: { dueAt: Date | null; warnedAt: Date | null; breachedAt: Date | null; pausedAt: Date | null },
  now: Date,
): DueState | null {
  if (!due.dueAt) return null;
  const at = due.pausedAt ?? now;
  if (due.breachedAt || at.getTime() >= due.dueAt.getTime()) return 'breached';
  if (due.warnedAt) return 'warning';
  return 'ok';
}

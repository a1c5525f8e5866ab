/**
 * Counts things that had to be done by a deadline: a first response, a resolution, an e-mail
 * answer, a callback. Each is
 * - met: done at or before the deadline,
 * - late: done after it,
 * - missed: not done, and the deadline has passed at the time of the report,
 * - pending: not done, and the deadline is still ahead; left out of the share, because it can
 *   still go either way and counting it either way would bend the figure.
 */
export class DeadlineTally {
  met = 0;
  late = 0;
  missed = 0;
  pending = 0;

  static sum(tallies: Iterable<DeadlineTally>): DeadlineTally {
    const total = new DeadlineTally();
    for (const tally of tallies) {
      total.met += tally.met;
      total.late += tally.late;
      total.missed += tally.missed;
      total.pending += tally.pending;
    }
    return total;
  }

  add(doneMs: number | null, dueMs: number, nowMs: number): void {
    if (doneMs !== null) {
      if (doneMs <= dueMs) this.met++;
      else this.late++;
    } else if (nowMs > dueMs) this.missed++;
    else this.pending++;
  }

  /** Adds items already sorted, e.g. counted in SQL. */
  addCounts(met: number, late: number, missed: number, pending: number): void {
    this.met += met;
    this.late += late;
    this.missed += missed;
    this.pending += pending;
  }

  /** The number the share is based on: everything whose outcome is known. */
  get measured(): number {
    return this.met + this.late + this.missed;
  }
}

/** Runs one read-only SQL statement on the app's database and answers its rows. */
export type ReadQuery = (sql: string) => Promise<Array<Record<string, unknown>>>;

/**
 * What refused requests must not leave behind, checked in the database after a fuzz run:
 * - every year's case reference serials run 1, 2, ... up to the year's counter, without a gap
 *   or a repeat (a rolled-back intake gives its serial back);
 * - every case has its `created` timeline event (no case row without its history).
 * Answers one line per problem found; none when all hold.
 */
export async function integrityProblems(query: ReadQuery): Promise<string[]> {
  const problems: string[] = [];
  const serialsByYear = new Map<number, number[]>();
  for (const { reference } of await query('SELECT reference FROM cases')) {
    const match = /^(\d{4})-(\d+)$/.exec(String(reference));
    if (!match) {
      problems.push(`case reference ${String(reference)} is not YEAR-SERIAL`);
      continue;
    }
    const serials = serialsByYear.get(Number(match[1])) ?? [];
    serials.push(Number(match[2]));
    serialsByYear.set(Number(match[1]), serials);
  }
  const counters = new Map(
    (await query('SELECT year, last_value FROM reference_counters')).map((row) => [
      Number(row.year),
      Number(row.last_value),
    ]),
  );
  for (const year of new Set([...serialsByYear.keys(), ...counters.keys()])) {
    const serials = (serialsByYear.get(year) ?? []).sort((a, b) => a - b);
    const last = counters.get(year) ?? 0;
    const expected = Array.from({ length: last }, (_, index) => index + 1);
    if (serials.join(',') !== expected.join(','))
      problems.push(
        `${year}: ${serials.length} case references up to ${serials.at(-1) ?? 0}, counter at ${last}: not 1..${last} without gaps`,
      );
  }
  const withoutCreated = await query(
    "SELECT c.reference FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'created')",
  );
  for (const { reference } of withoutCreated) problems.push(`case ${String(reference)} has no created event`);
  return problems;
}

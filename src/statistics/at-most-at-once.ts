/**
 * Runs tasks with at most `atOnce` of them under way at a time, each started in the order given
 * as a place frees, and answers their results in the order of the tasks (a tuple of tasks gives a
 * tuple of results).
 *
 * A task that fails stops the others from starting another task; every task already under way is
 * waited for before a failure is thrown (that of the first lane to fail, in the order the lanes
 * were started, when several do), so that nothing goes on reading (or holds a connection) for a
 * caller that has already failed. `atOnce` below 1, or not a number, counts as 1.
 */
export async function atMostAtOnce<Results extends readonly unknown[] | []>(
  tasks: { readonly [K in keyof Results]: () => Promise<Results[K]> },
  atOnce: number,
): Promise<Results> {
  const list = tasks as ReadonlyArray<() => Promise<unknown>>;
  const results: unknown[] = new Array(list.length);
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (next < list.length && !failed) {
      const index = next++;
      try {
        results[index] = await list[index]();
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const lanes = await Promise.allSettled(
    Array.from({ length: Math.min(atOnce >= 1 ? Math.floor(atOnce) : 1, list.length) }, () => lane()),
  );
  const failure = lanes.find((settled) => settled.status === 'rejected');
  if (failure) throw failure.reason;
  return results as unknown as Results;
}

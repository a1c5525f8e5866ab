import { OrderStatisticsThread, VALUES_SELECTED_ON_THE_EVENT_LOOP } from './order-statistics-thread';
import { medianOfSorted, nearestRankPercentileOfSorted, ValueList } from './percentiles';

describe('order statistics in a worker thread', () => {
  const thread = new OrderStatisticsThread();
  afterAll(() => thread.onModuleDestroy());

  /** Working minutes with many ties, from a small deterministic generator so that a failure repeats. */
  function workingMinutes(count: number, seed: number): Float64Array {
    let state = seed;
    return Float64Array.from({ length: count }, () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return (state % 40_000) / 4;
    });
  }

  const sortedDefinitions = (values: Float64Array) => {
    const sorted = Float64Array.from(values).sort();
    return { median: medianOfSorted(sorted), p90: nearestRankPercentileOfSorted(sorted, 90) };
  };

  /** A ValueList of the values, added a day's worth at a time as the cases report adds them. */
  function listOf(values: Float64Array): ValueList {
    const list = new ValueList();
    for (let from = 0; from < values.length; from += 997) list.pushAll(values.subarray(from, from + 997));
    return list;
  }

  it.each([
    ['an even count', VALUES_SELECTED_ON_THE_EVENT_LOOP * 2],
    ['an odd count', VALUES_SELECTED_ON_THE_EVENT_LOOP * 2 + 1],
    ['a count of several blocks', 2_500_001],
  ])('answers the sorted definitions for a long list of %s, selected in the worker', async (_, count) => {
    const values = workingMinutes(count, count);
    const expected = sortedDefinitions(values);
    const list = listOf(values);
    const blocks = list.contents();
    await expect(thread.medianAndP90(list)).resolves.toEqual(expected);
    // The values went to the worker rather than being copied for it.
    expect(blocks.every((block) => block.length === 0)).toBe(true);
  });

  it('answers a list selected on the event loop as the worker would, and nulls for none', async () => {
    const values = workingMinutes(VALUES_SELECTED_ON_THE_EVENT_LOOP, 11);
    const expected = sortedDefinitions(values);
    const list = listOf(values);
    await expect(thread.medianAndP90(list)).resolves.toEqual(expected);
    expect(list.contents()[0].length).toBeGreaterThan(0);
    await expect(thread.medianAndP90(listOf(Float64Array.from([10, 1, 4, 2])))).resolves.toEqual({
      median: 3,
      p90: 10,
    });
    await expect(thread.medianAndP90(new ValueList())).resolves.toEqual({ median: null, p90: null });
  });

  it('answers requests sent together, spread over its workers, each with its own figures', async () => {
    const lists = [3, 5, 9, 14, 20, 27, 35].map((seed) =>
      workingMinutes(VALUES_SELECTED_ON_THE_EVENT_LOOP + seed, seed),
    );
    const expected = lists.map(sortedDefinitions);
    await expect(Promise.all(lists.map((values) => thread.medianAndP90(listOf(values))))).resolves.toEqual(expected);
  });
});

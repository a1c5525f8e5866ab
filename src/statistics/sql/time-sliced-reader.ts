/**
 * Reads the rows of a long period in time slices, handing each slice to the caller and letting
 * other requests run in between.
 *
 * better-sqlite3 answers synchronously: one query over a year of a million cases would hold the
 * event loop, and with it every other request, for seconds. Slices of a few tens of thousands
 * of rows keep each pause short and the memory bounded on both databases; the slice length
 * adapts to how dense the data is. Slices are half-open [start, end) on the instant column, so
 * every row is read exactly once.
 *
 * A slice may also be an aggregate over its rows (counts in SQL): rowCountOf then says how many
 * rows it stood for, so that the slice length still aims at the same work per slice.
 */
const MS_PER_DAY = 86_400_000;
const FIRST_SLICE_MS = 7 * MS_PER_DAY;
const SHORTEST_SLICE_MS = 60 * 60_000;
const LONGEST_SLICE_MS = 184 * MS_PER_DAY;
const ROWS_PER_SLICE = 10_000;
const MOST_GROWTH_PER_SLICE = 4;

export async function readInTimeSlices<Slice>(
  fromMs: number,
  toMs: number,
  readSlice: (sliceFrom: Date, sliceTo: Date) => Promise<Slice>,
  onRows: (rows: Slice) => void,
  rowCountOf: (slice: Slice) => number = (slice) => (Array.isArray(slice) ? slice.length : 0),
): Promise<void> {
  let sliceMs = FIRST_SLICE_MS;
  for (let startMs = fromMs; startMs < toMs;) {
    const endMs = Math.min(toMs, startMs + sliceMs);
    const rows = await readSlice(new Date(startMs), new Date(endMs));
    onRows(rows);
    // Aim the next slice at ROWS_PER_SLICE rows, assuming the density stays about the same.
    const scale = Math.min(MOST_GROWTH_PER_SLICE, ROWS_PER_SLICE / Math.max(1, rowCountOf(rows)));
    sliceMs = Math.min(LONGEST_SLICE_MS, Math.max(SHORTEST_SLICE_MS, sliceMs * scale));
    startMs = endMs;
    await letOthersRun();
  }
}

/** Lets other requests run (a turn of the event loop) before going on. */
export function letOthersRun(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

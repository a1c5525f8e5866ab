import { setFlagsFromString } from 'node:v8';

/**
 * After a full collection V8 lets the old generation grow to this many percent above what the
 * collection left before it collects again (V8's `--heap-growing-percent`; the next limit is the
 * live size x (1 + percent / 100)).
 *
 * Left to itself, on a machine with memory to spare V8 picks a factor of up to 4: the app holds
 * about 65-75 MB after a collection, and under a steady stream of cases the garbage of the
 * requests (logger children, routers, parsed bodies) piled up to 185 MB of old generation before
 * the first full collection, a peak RSS of 320-400 MB. At 50 % the old generation is collected at
 * about 110 MB: peak RSS 243 against 342 MB at 16 requests in flight, at 0.98x the cases a second
 * and 1.04x the CPU per case (bench/intake-vs-bare.mjs, docs/performance.md). The heap's limit is
 * not changed: a large report may still use what it needs, collected more often on its way.
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Sets V8's heap growing factor for this process (its worker threads too) to HEAP_GROWING_PERCENT,
 * unless the process was started with `--heap-growing-percent` of its own. V8 reads the flag at
 * each full collection, so setting it once at start takes effect from the first.
 */
export function limitHeapGrowth(): void {
  if (process.execArgv.some((argument) => argument.startsWith('--heap-growing-percent'))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { WorkerThread, answeringWorkerSource } from '../common/worker-thread';
import { joined, MedianAndP90, medianAndP90InPlace, medianOfThree, nearestRank, selectInPlace } from './percentiles';

/**
 * Up to this many values, selection on the event loop takes a millisecond or two: less than
 * handing the values to the worker and back.
 */
export const VALUES_SELECTED_ON_THE_EVENT_LOOP = 50_000;

/**
 * The worker's code: the selection functions of percentiles.ts themselves, written out from their
 * compiled form, answering { buffers, lengths } (the blocks of one list) with { median, p90 }.
 */
const WORKER_SOURCE = answeringWorkerSource(
  [nearestRank, medianOfThree, selectInPlace, medianAndP90InPlace, joined].map(String).join('\n'),
  `({ buffers, lengths }) =>
    medianAndP90InPlace(joined(buffers.map((buffer, index) => new Float64Array(buffer, 0, lengths[index]))))`,
);

/**
 * Median and 90th percentile of long lists of values (a year's working times to resolution:
 * about 900,000 values at a million cases, nine million at ten) in a worker thread, so that a
 * report's selection does not hold the event loop, and every other request, for tens to hundreds
 * of milliseconds. The figures are those of medianAndP90InPlace (percentiles.ts): the worker runs
 * the same functions.
 *
 * A long list's memory is handed to the worker, not copied: the values given are the caller's no
 * more. Short lists are selected on the event loop.
 */
@Injectable()
export class OrderStatisticsThread implements OnModuleDestroy {
  private readonly thread = new WorkerThread('the order statistics thread', WORKER_SOURCE);

  /**
   * Median and 90th percentile of the values of all the blocks together, in their unit; nulls for
   * none (definitions in percentiles.ts). Reorders the values; a long list's blocks are handed to
   * the worker (their buffers detached here), and joined there.
   */
  medianAndP90(blocks: readonly Float64Array[]): Promise<MedianAndP90> {
    const count = blocks.reduce((sum, block) => sum + block.length, 0);
    if (count <= VALUES_SELECTED_ON_THE_EVENT_LOOP) return Promise.resolve(medianAndP90InPlace(joined(blocks)));
    // A block must own its buffer from the start (ValueList's do); any other is copied, so that
    // nothing else the buffer holds is taken away.
    const seen = new Set<ArrayBufferLike>();
    const own = blocks.map((block) => {
      const mine = block.byteOffset === 0 && !seen.has(block.buffer) ? block : block.slice();
      seen.add(mine.buffer);
      return mine;
    });
    const buffers = own.map((block) => block.buffer as ArrayBuffer);
    return this.thread.request<MedianAndP90>({ buffers, lengths: own.map((block) => block.length) }, buffers);
  }

  onModuleDestroy(): Promise<void> {
    return this.thread.close();
  }
}

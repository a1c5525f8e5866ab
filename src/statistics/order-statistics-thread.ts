import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { WorkerThread, answeringWorkerSource } from '../common/worker-thread';
import { MedianAndP90, medianAndP90InPlace, medianOfThree, nearestRank, selectInPlace } from './percentiles';

/**
 * Up to this many values, selection on the event loop takes a millisecond or two: less than
 * handing the values to the worker and back.
 */
export const VALUES_SELECTED_ON_THE_EVENT_LOOP = 50_000;

/**
 * The worker's code: the selection functions of percentiles.ts themselves, written out from their
 * compiled form, answering { buffer, length } with { median, p90 }.
 */
const WORKER_SOURCE = answeringWorkerSource(
  [nearestRank, medianOfThree, selectInPlace, medianAndP90InPlace].map(String).join('\n'),
  '({ buffer, length }) => medianAndP90InPlace(new Float64Array(buffer, 0, length))',
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
   * Median and 90th percentile of the values, in their unit; nulls for none (definitions in
   * percentiles.ts). Reorders the values, and detaches their buffer when the list was long.
   */
  medianAndP90(values: Float64Array): Promise<MedianAndP90> {
    if (values.length <= VALUES_SELECTED_ON_THE_EVENT_LOOP) return Promise.resolve(medianAndP90InPlace(values));
    // A view into a larger buffer is copied, so that nothing else the buffer holds is taken away.
    const own = values.byteOffset === 0 ? values : values.slice();
    const buffer = own.buffer as ArrayBuffer;
    return this.thread.request<MedianAndP90>({ buffer, length: own.length }, [buffer]);
  }

  onModuleDestroy(): Promise<void> {
    return this.thread.close();
  }
}

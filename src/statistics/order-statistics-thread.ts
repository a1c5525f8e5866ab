import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { WorkerThreads, answeringWorkerSource } from '../common/worker-thread';
import {
  joined,
  MedianAndP90,
  medianAndP90InPlace,
  medianOfThree,
  nearestRank,
  selectInPlace,
  ValueList,
} from './percentiles';

/**
 * Up to this many values, selection on the event loop takes a millisecond or two: less than
 * handing the values to the worker and back.
 */
export const VALUES_SELECTED_ON_THE_EVENT_LOOP = 50_000;

/**
 * The worker's code: the selection functions of percentiles.ts themselves, written out from their
 * compiled form, answering { buffers, lengths } (the blocks of one list) with { median, p90 }.
 * The functions must be self-contained: code instrumented inside their bodies (a coverage run)
 * would refer to what the worker does not have.
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
 * A long list's memory is handed to the worker, not copied: the list given is the caller's no
 * more. Short lists are selected on the event loop. There are two workers (one on a single-core
 * machine), and a list goes to the one with fewer waiting: a report's groups (a year by month is
 * thirteen lists, the total among them) are selected side by side.
 */
@Injectable()
export class OrderStatisticsThread implements OnModuleDestroy {
  private readonly threads = new WorkerThreads('order statistics thread', WORKER_SOURCE);

  /**
   * Median and 90th percentile of the list's values, in their unit; nulls for none (definitions
   * in percentiles.ts). Takes the list over: a long list's blocks are handed to the worker (their
   * buffers detached here, which only a ValueList's own blocks may be) and joined there.
   */
  medianAndP90(list: ValueList): Promise<MedianAndP90> {
    if (list.length <= VALUES_SELECTED_ON_THE_EVENT_LOOP) return Promise.resolve(list.medianAndP90());
    const blocks = list.contents();
    const buffers = blocks.map((block) => block.buffer as ArrayBuffer);
    return this.threads.request<MedianAndP90>({ buffers, lengths: blocks.map((block) => block.length) }, buffers);
  }

  onModuleDestroy(): Promise<void> {
    return this.threads.close();
  }
}

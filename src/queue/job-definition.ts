import type { OutboxJob } from './outbox.service';
import { JobNameOf, QueueName } from './queue-names';

/** A job's address: its queue and one of the job names that queue carries (`QUEUES` in queue-names.ts). */
export type JobAddress = { [Q in QueueName]: { queue: Q; name: JobNameOf<Q> } }[QueueName];

/**
 * One kind of background job: the queue it runs on, its name, and the shape of its payload.
 * Producers build their outbox entries from it (`outboxJob`), and the one handler of the job
 * declares it with `@OnJob(definition)`, so both sides agree on the payload's type.
 */
export class JobDefinition<TPayload extends object> {
  /** Never set: it only carries the payload's type. */
  declare readonly payloadType?: TPayload;

  constructor(
    readonly queue: QueueName,
    readonly name: string,
  ) {}

  /**
   * The outbox entry for one job of this kind. `key` says what the job is about (e.g.
   * `route:<caseId>`): the queue holds one job per key. `delayMs`: run no sooner than this
   * many milliseconds after the transaction commits.
   */
  outboxJob(key: string, payload: TPayload, delayMs?: number): OutboxJob {
    return { queue: this.queue, jobName: this.name, key, payload, delayMs };
  }
}

/**
 * Defines a job, e.g. `defineJob<RouteCaseJobData>({ queue: 'routing', name: 'route-case' })`.
 * The name must be one the queue lists in `QUEUES`.
 */
export function defineJob<TPayload extends object>(address: JobAddress): JobDefinition<TPayload> {
  return new JobDefinition<TPayload>(address.queue, address.name);
}

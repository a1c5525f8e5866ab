/** A queue: how many of its jobs one process runs at once, and the names of the jobs it carries. */
export interface QueueDefinition {
  readonly concurrency: number;
  readonly jobs: readonly string[];
}

/**
 * The queues of the application and the jobs each carries. Health and metrics report on
 * each queue, and the dashboard shows them. A new kind of background work adds its queue
 * or its job here, defines the job with `defineJob` in a `<name>.job.ts` file and handles it
 * there with `@OnJob`; the job registry refuses to start while the three do not match.
 *
 * Job names are stored with every queued job (in Redis too): renaming one strands the jobs
 * already queued under the old name.
 */
export const QUEUES = {
  routing: { concurrency: 4, jobs: ['route-case'] },
  notifications: { concurrency: 4, jobs: ['send-notification'] },
  // A slow receiver holds a worker up to the delivery timeout; several at once keep the others moving.
  webhooks: { concurrency: 8, jobs: ['deliver-webhook'] },
  'service-targets': { concurrency: 4, jobs: ['case-target-check', 'callback-target-check'] },
  register: { concurrency: 2, jobs: ['publish-register-entry'] },
  // One retention run at a time: it works through the due cases one transaction each.
  retention: { concurrency: 1, jobs: ['retention-run'] },
  // E-mail to the service center, filed as contacts and cases (src/inbound-email).
  'inbound-email': { concurrency: 2, jobs: ['file-inbound-email'] },
} as const satisfies Record<string, QueueDefinition>;

export type QueueName = keyof typeof QUEUES;
export const QUEUE_NAMES = Object.keys(QUEUES) as readonly QueueName[];

/** The names of the jobs a queue carries, e.g. `JobNameOf<'routing'>` is `'route-case'`. */
export type JobNameOf<Q extends QueueName> = (typeof QUEUES)[Q]['jobs'][number];

/** Some or all of the queues, with their jobs: what a job registry checks the handlers against. */
export type QueueCatalog = { readonly [Q in QueueName]?: QueueDefinition };

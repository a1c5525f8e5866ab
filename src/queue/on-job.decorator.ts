import { JobDefinition } from './job-definition';
import { QueueJob } from './message-queue';

const ON_JOB = 'onewayin:on-job';

/** A method that runs one job; it throws to have the job tried again. */
export type JobHandlerMethod<TPayload extends object> = (job: QueueJob<TPayload>) => Promise<void>;

/**
 * Marks a method of a provider as the handler of a job:
 *
 * ```ts
 * @OnJob(ROUTE_CASE_JOB)
 * async run(job: QueueJob<RouteCaseJobData>): Promise<void> { ... }
 * ```
 *
 * The job registry finds it at start-up (in every module the process loads) and runs it for
 * every job of that name on that queue. A job has exactly one handler.
 */
export function OnJob<TPayload extends object>(definition: JobDefinition<TPayload>) {
  return <M extends JobHandlerMethod<TPayload>>(
    _target: object,
    _method: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    Reflect.defineMetadata(ON_JOB, definition, descriptor.value as object);
  };
}

/** The job a method handles, if it is marked with `@OnJob`. */
export function handledJob(method: unknown): JobDefinition<object> | undefined {
  if (typeof method !== 'function') return undefined;
  return Reflect.getMetadata(ON_JOB, method) as JobDefinition<object> | undefined;
}

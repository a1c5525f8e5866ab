import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import { BullMqQueueDriver } from '../src/queue/bullmq-queue.driver';
import { InProcessQueueDriver } from '../src/queue/in-process-queue.driver';
import { JobOutcome, MessageQueue, QueueJob } from '../src/queue/message-queue';
import { eventually } from './support/eventually';

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/**
 * One contract, both drivers: what producers and processors may count on whichever
 * driver runs. BullMQ runs on the real Redis, under a key prefix of this test's own.
 */
describe.each([
  ['in-process', () => ({ queue: new InProcessQueueDriver(), prefix: null as string | null })],
  [
    'bullmq',
    () => {
      const prefix = `onewayin-contract-${process.pid}-${randomBytes(4).toString('hex')}`;
      return { queue: new BullMqQueueDriver(REDIS_URL, prefix, true), prefix };
    },
  ],
])('the %s queue driver', (_name, make) => {
  let queue: MessageQueue;
  let prefix: string | null;
  let outcomes: JobOutcome[];

  // The drivers log retries and failures; here the outcomes are looked at instead.
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => {
    Logger.overrideLogger(['log', 'error', 'warn']);
  });

  beforeEach(async () => {
    ({ queue, prefix } = make());
    outcomes = [];
    queue.onOutcome((outcome) => outcomes.push(outcome));
    await eventually(async () => ((await queue.isAvailable()) ? true : undefined), 'the queue to be available');
  });

  afterEach(async () => {
    await queue.close();
    if (prefix) await deleteKeys(prefix);
  });

  it('runs a job once although it is added twice under one key, and refuses the key again once the job is done', async () => {
    const seen: Array<QueueJob<unknown>> = [];
    queue.work('routing', async (job) => void seen.push(job), { concurrency: 2 });
    await queue.add('routing', 'route-case', { caseId: 'c1' }, { jobId: 'route:c1' });
    await queue.add('routing', 'route-case', { caseId: 'c1', again: true }, { jobId: 'route:c1' });
    await eventually(async () => (outcomes.length === 1 ? true : undefined), 'the job to complete');
    await queue.add('routing', 'route-case', { caseId: 'c1', later: true }, { jobId: 'route:c1' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen).toEqual([{ id: 'route:c1', name: 'route-case', data: { caseId: 'c1' }, attemptsMade: 0 }]);
    expect(await queue.counts('routing')).toMatchObject({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: 1 });
  });

  it('holds a delayed job back until its time', async () => {
    const ranAfterMs: number[] = [];
    const added = Date.now();
    queue.work('service-targets', async () => void ranAfterMs.push(Date.now() - added));
    await queue.add('service-targets', 'escalate', {}, { jobId: 'escalate:c1', delayMs: 600 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ranAfterMs).toEqual([]);
    expect((await queue.counts('service-targets')).delayed).toBe(1);
    await eventually(async () => (ranAfterMs.length ? true : undefined), 'the delayed job');
    expect(ranAfterMs[0]).toBeGreaterThanOrEqual(600);
  });

  it('retries a failing job with backoff and then keeps it as failed, with its reason', async () => {
    const triedAt: number[] = [];
    queue.work('webhooks', async () => {
      triedAt.push(Date.now());
      throw new Error('receiver answered 503');
    });
    await queue.add(
      'webhooks',
      'deliver',
      { hook: 'h1' },
      { jobId: 'webhook:h1', attempts: 3, backoff: { type: 'exponential', delayMs: 100 } },
    );
    await eventually(
      async () => ((await queue.counts('webhooks')).failed === 1 ? true : undefined),
      'the job to fail for good',
    );
    expect(triedAt).toHaveLength(3);
    expect(triedAt[1] - triedAt[0]).toBeGreaterThanOrEqual(100);
    expect(triedAt[2] - triedAt[1]).toBeGreaterThanOrEqual(200);
    expect(outcomes.map((outcome) => [outcome.result, outcome.attemptsMade])).toEqual([
      ['retrying', 1],
      ['retrying', 2],
      ['failed', 3],
    ]);
    const [failed] = await queue.failedJobs('webhooks');
    expect(failed).toMatchObject({
      id: 'webhook:h1',
      name: 'deliver',
      data: { hook: 'h1' },
      attemptsMade: 3,
      failedReason: 'receiver answered 503',
    });
    expect(failed.failedAt).toEqual(expect.any(String));
  });

  it('says whether it holds a job under a key: delayed, completed and kept, not once removed or never added', async () => {
    queue.work('routing', async () => undefined);
    await queue.add('routing', 'route-case', { caseId: 'c3' }, { jobId: 'route:c3' });
    await queue.add('service-targets', 'escalate', {}, { jobId: 'escalate:c3', delayMs: 60_000 });
    await eventually(async () => (outcomes.length === 1 ? true : undefined), 'the routing job to complete');
    expect(await queue.holds('routing', 'route:c3')).toBe(true);
    expect(await queue.holds('service-targets', 'escalate:c3')).toBe(true);
    expect(await queue.holds('routing', 'route:never-added')).toBe(false);
    expect(await queue.remove('service-targets', 'escalate:c3')).toBe(true);
    expect(await queue.holds('service-targets', 'escalate:c3')).toBe(false);
  });

  it('removes a delayed job so that it can be planned anew', async () => {
    const ran: unknown[] = [];
    queue.work('service-targets', async (job) => void ran.push(job.data));
    await queue.add('service-targets', 'escalate', { plan: 1 }, { jobId: 'escalate:c2', delayMs: 60_000 });
    expect(await queue.remove('service-targets', 'escalate:c2')).toBe(true);
    expect(await queue.remove('service-targets', 'escalate:c2')).toBe(false);
    await queue.add('service-targets', 'escalate', { plan: 2 }, { jobId: 'escalate:c2', delayMs: 50 });
    await eventually(async () => (ran.length ? true : undefined), 'the re-planned job');
    expect(ran).toEqual([{ plan: 2 }]);
  });
});

async function deleteKeys(prefix: string): Promise<void> {
  const redis = new IORedis(REDIS_URL);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}

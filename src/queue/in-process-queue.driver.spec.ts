import { InProcessQueueDriver } from './in-process-queue.driver';
import { JobOutcome, QueueJob } from './message-queue';

describe('InProcessQueueDriver', () => {
  let queue: InProcessQueueDriver;
  let outcomes: JobOutcome[];

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-01-12T08:00:00Z') });
    queue = new InProcessQueueDriver();
    outcomes = [];
    queue.onOutcome((outcome) => outcomes.push(outcome));
    // The driver logs retries and failures; the tests look at the outcomes instead.
    jest
      .spyOn((queue as unknown as { logger: { warn: () => void } }).logger, 'warn')
      .mockImplementation(() => undefined);
    jest
      .spyOn((queue as unknown as { logger: { error: () => void } }).logger, 'error')
      .mockImplementation(() => undefined);
  });

  afterEach(async () => {
    await queue.close();
    jest.useRealTimers();
  });

  it('runs a job with its name and data, once', async () => {
    const seen: Array<QueueJob<unknown>> = [];
    queue.work('routing', async (job) => void seen.push(job));
    await queue.add('routing', 'route-case', { caseId: 'c1' }, { jobId: 'route:c1' });
    await jest.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([{ id: 'route:c1', name: 'route-case', data: { caseId: 'c1' }, attemptsMade: 0 }]);
    expect(await queue.counts('routing')).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: 1 });
  });

  it('has room for 1000 jobs waiting per queue, whatever waits delayed or to retry, and room again as they run', async () => {
    expect(queue.roomFor('notifications')).toBe(1000);
    await queue.add('notifications', 'send-notification', { n: -1 }, { delayMs: 60_000 });
    expect(queue.roomFor('notifications')).toBe(1000);
    for (let n = 0; n < 1000; n++) await queue.add('notifications', 'send-notification', { n });
    expect(queue.roomFor('notifications')).toBe(0);
    expect(queue.roomFor('routing')).toBe(1000);
    queue.work('notifications', async () => undefined);
    await jest.advanceTimersByTimeAsync(0);
    expect(queue.roomFor('notifications')).toBe(1000);
  });

  it('keeps jobs added before the processor registers, and runs them in the order they came', async () => {
    await queue.add('routing', 'route-case', { n: 1 });
    await queue.add('routing', 'route-case', { n: 2 });
    expect((await queue.counts('routing')).waiting).toBe(2);
    const order: unknown[] = [];
    queue.work('routing', async (job) => void order.push(job.data));
    await jest.advanceTimersByTimeAsync(0);
    expect(order).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('does not run a delayed job before its time, and runs it when the time comes', async () => {
    const ranAt: number[] = [];
    queue.work('service-targets', async () => void ranAt.push(Date.now()));
    await queue.add('service-targets', 'escalate', {}, { jobId: 'escalate:c1', delayMs: 60_000 });
    await jest.advanceTimersByTimeAsync(59_999);
    expect(ranAt).toEqual([]);
    expect((await queue.counts('service-targets')).delayed).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(ranAt).toEqual([Date.parse('2026-01-12T08:01:00Z')]);
  });

  it('does not add a second job with a key it still holds: waiting, active or recently completed', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    queue.work('routing', () => {
      runs += 1;
      return new Promise<void>((resolve) => (release = resolve));
    });
    await queue.add('routing', 'route-case', { first: true }, { jobId: 'route:c1' });
    await queue.add('routing', 'route-case', { first: false }, { jobId: 'route:c1' });
    await jest.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
    await queue.add('routing', 'route-case', {}, { jobId: 'route:c1' }); // while active
    release();
    await jest.advanceTimersByTimeAsync(0);
    await queue.add('routing', 'route-case', {}, { jobId: 'route:c1' }); // completed a moment ago
    await jest.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
    expect((await queue.counts('routing')).completed).toBe(1);
  });

  it('takes the same key again once the completed job is no longer kept (an hour)', async () => {
    let runs = 0;
    queue.work('routing', async () => void (runs += 1));
    await queue.add('routing', 'route-case', {}, { jobId: 'route:c1' });
    await jest.advanceTimersByTimeAsync(3600_001);
    await queue.add('routing', 'route-case', {}, { jobId: 'route:c1' });
    await jest.advanceTimersByTimeAsync(0);
    expect(runs).toBe(2);
  });

  it('retries a failing job with exponential backoff, then keeps it as failed with its reason', async () => {
    const triedAt: number[] = [];
    queue.work('webhooks', async () => {
      triedAt.push(Date.now());
      throw new Error('receiver answered 503');
    });
    const start = Date.now();
    await queue.add(
      'webhooks',
      'deliver',
      { hook: 1 },
      { jobId: 'webhook:1', attempts: 4, backoff: { type: 'exponential', delayMs: 1000 } },
    );
    await jest.advanceTimersByTimeAsync(10_000);
    expect(triedAt.map((at) => at - start)).toEqual([0, 1000, 3000, 7000]);
    expect(outcomes.map((o) => o.result)).toEqual(['retrying', 'retrying', 'retrying', 'failed']);
    expect(await queue.counts('webhooks')).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 1, completed: 0 });
    const [failed] = await queue.failedJobs('webhooks');
    expect(failed).toEqual({
      id: 'webhook:1',
      name: 'deliver',
      data: { hook: 1 },
      attemptsMade: 4,
      failedReason: 'receiver answered 503',
      failedAt: '2026-01-12T08:00:07.000Z',
    });
  });

  it('retries with a fixed backoff and succeeds on a later attempt', async () => {
    const attempts: number[] = [];
    queue.work('notifications', async (job) => {
      attempts.push(job.attemptsMade);
      if (job.attemptsMade < 2) throw new Error('smtp down');
    });
    await queue.add('notifications', 'mail', {}, { attempts: 5, backoff: { type: 'fixed', delayMs: 500 } });
    await jest.advanceTimersByTimeAsync(499);
    expect(attempts).toEqual([0]);
    await jest.advanceTimersByTimeAsync(501);
    expect(attempts).toEqual([0, 1, 2]);
    expect(await queue.counts('notifications')).toMatchObject({ completed: 1, failed: 0, delayed: 0 });
  });

  it('runs no more jobs at once than the concurrency allows', async () => {
    let running = 0;
    let most = 0;
    queue.work(
      'routing',
      async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 100));
        running -= 1;
      },
      { concurrency: 3 },
    );
    for (let n = 0; n < 10; n += 1) await queue.add('routing', 'route-case', { n });
    await jest.advanceTimersByTimeAsync(1000);
    expect(most).toBe(3);
    expect((await queue.counts('routing')).completed).toBe(10);
  });

  it('removes a waiting or delayed job so that it can be planned again, but not a running one', async () => {
    await queue.add('service-targets', 'escalate', {}, { jobId: 'escalate:c1', delayMs: 60_000 });
    expect(await queue.remove('service-targets', 'escalate:c1')).toBe(true);
    expect(await queue.remove('service-targets', 'escalate:c1')).toBe(false);
    const ran: unknown[] = [];
    queue.work('service-targets', async (job) => void ran.push(job.data));
    await queue.add('service-targets', 'escalate', { replanned: true }, { jobId: 'escalate:c1', delayMs: 1000 });
    await jest.advanceTimersByTimeAsync(60_000);
    expect(ran).toEqual([{ replanned: true }]);
  });

  it('keeps at most 1000 finished jobs however many it ran, so it does not grow with the process lifetime', async () => {
    const ran: string[] = [];
    queue.work('routing', async (job) => void ran.push(job.id), { concurrency: 8 });
    for (let n = 0; n < 2500; n += 1) await queue.add('routing', 'route-case', {}, { jobId: `route:c${n}` });
    await jest.advanceTimersByTimeAsync(0);
    expect(ran).toHaveLength(2500);
    expect(await queue.counts('routing')).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: 1000 });
    // The newest 1000 still refuse their keys; an older one is let go and taken again.
    await queue.add('routing', 'route-case', {}, { jobId: 'route:c2499' });
    await queue.add('routing', 'route-case', {}, { jobId: 'route:c0' });
    await jest.advanceTimersByTimeAsync(0);
    expect(ran.slice(2500)).toEqual(['route:c0']);
  });

  it('refuses a key that is only a number', async () => {
    await expect(queue.add('routing', 'route-case', {}, { jobId: '42' })).rejects.toThrow(
      'A job key says what the job is about',
    );
  });

  it('waits out a delay longer than the longest timer in steps, without running early or spinning', async () => {
    const ran: unknown[] = [];
    queue.work('service-targets', async (job) => void ran.push(job.data));
    const thirtyDaysMs = 30 * 24 * 3600_000;
    await queue.add('service-targets', 'case-target-check', { check: 'breach' }, { delayMs: thirtyDaysMs });
    // Well past the first timer (2^31 - 1 ms) and short of the delay: still waiting, one timer pending.
    await jest.advanceTimersByTimeAsync(25 * 24 * 3600_000);
    expect(ran).toEqual([]);
    expect(jest.getTimerCount()).toBe(1);
    await jest.advanceTimersByTimeAsync(5 * 24 * 3600_000);
    expect(ran).toEqual([{ check: 'breach' }]);
  });
});

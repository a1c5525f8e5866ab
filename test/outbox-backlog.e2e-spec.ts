import { DataSource } from 'typeorm';
import { OutboxMessage } from '../src/queue/entities/outbox-message.entity';
import { OutboxService } from '../src/queue/outbox.service';
import { statementsDuring } from './support/statements';
import { createTestApp, TestApp } from './support/test-app';

const DAY_MS = 24 * 3_600_000;

/**
 * The backlog every health check and metrics scrape reads: the jobs due and not handed to the
 * queue, the oldest of them, the delayed jobs waiting for their time. The rows here are not the
 * relay's to take yet (available a day ahead), so they stay as written while the test reads.
 */
describe('the outbox backlog', () => {
  let t: TestApp;
  let outbox: OutboxService;
  let dataSource: DataSource;
  beforeAll(async () => {
    t = await createTestApp();
    outbox = t.app.get(OutboxService);
    dataSource = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const row = (key: string, createdAgoMs: number, runAfterMs: number | null, dispatched = false) => {
    const now = Date.now();
    return {
      queue: 'service-targets',
      jobName: 'case-target-check',
      jobKey: `backlog-test:${key}`,
      payload: { caseId: key },
      createdAt: new Date(now - createdAgoMs),
      runAfter: runAfterMs === null ? null : new Date(now + runAfterMs),
      availableAt: new Date(now + DAY_MS),
      dispatchedAt: dispatched ? new Date(now) : null,
      attempts: 0,
      lastError: null,
    };
  };

  it('counts the jobs due, with or without a delay, the oldest by when it fell due, and the delayed ones apart', async () => {
    const before = await outbox.backlog();
    expect(before.pending).toBe(0);
    await dataSource.manager.insert(OutboxMessage, [
      // Written a minute ago to run at once: due for 60 s.
      row('now', 60_000, null),
      // Written two minutes ago to run after a delay that ended 90 s ago: due for 90 s.
      row('due', 120_000, -90_000),
      // Delayed a day and an hour: waiting for its time, not a backlog.
      row('ahead', 0, DAY_MS),
      row('further-ahead', 0, DAY_MS + 3_600_000),
      // Handed over: in neither count, however old.
      row('dispatched', 600_000, null, true),
    ]);
    const after = await outbox.backlog();
    expect(after.pending).toBe(2);
    expect(after.scheduled - before.scheduled).toBe(2);
    expect(after.oldestPendingSeconds).toBeGreaterThanOrEqual(90);
    expect(after.oldestPendingSeconds).toBeLessThan(100);
  });

  it('reads every figure from the index on (dispatched_at, run_after, created_at) on SQLite, no row of the outbox', async () => {
    if (process.env.TEST_DATABASE !== 'sqlite') return;
    const sent = await statementsDuring(dataSource, () => outbox.backlog());
    const plans = await Promise.all(
      sent.map(async ({ query, parameters }) => {
        const steps = await dataSource.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${query}`, parameters);
        return steps.map((step) => step.detail).join('; ');
      }),
    );
    expect(plans).toHaveLength(3);
    for (const plan of plans)
      expect(plan).toMatch(/^SEARCH o USING COVERING INDEX IDX_outbox_backlog \(dispatched_at=\? AND run_after/);
  });
});

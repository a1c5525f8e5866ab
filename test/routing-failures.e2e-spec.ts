import { CaseTriager, TriageSuggestion } from '../src/routing/case-triager';
import { ApiClient } from './support/api-client';
import { eventually } from './support/eventually';
import { createTestApp, TestApp } from './support/test-app';

/** A classifier that is down: every call fails, as a remote one would while its service is away. */
class UnreachableTriager extends CaseTriager {
  calls = 0;

  async suggest(): Promise<TriageSuggestion | null> {
    this.calls += 1;
    throw new Error('classifier unreachable');
  }
}

/** What the queue dashboard answers: the in-process driver's own page, or bull-board's API on BullMQ. */
interface InProcessDashboard {
  failedJobs: Record<string, Array<Record<string, unknown>>>;
}
interface BullBoardQueues {
  queues: Array<{ name: string; counts: { failed: number }; jobs: Array<{ failedReason: string; attempts: number }> }>;
}

describe.each(['in-process', 'bullmq'] as const)('a routing job that keeps failing (%s queue)', (queue) => {
  let t: TestApp;
  const triager = new UnreachableTriager();

  beforeAll(async () => {
    t = await createTestApp({
      runJobs: true,
      queue,
      env: { JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: '50' },
      overrides: [{ provide: CaseTriager, useValue: triager }],
    });
  });
  afterAll(() => t.close());

  it('is tried the configured number of times with backoff, then shown as failed in /health, /metrics and the failed jobs', async () => {
    const [agent, admin] = await ApiClient.loginAll(t, 'agent@demo.local', 'admin@demo.local');
    const nobody = ApiClient.anonymous(t);
    const created = await agent.createCase({ description: 'Något med vägen' });

    const health = await eventually(async () => {
      const answer = await nobody.health();
      return answer.queue.queues.routing.failed === 1 ? answer : undefined;
    }, 'the job to fail for good');
    expect(health.queue.queues.routing).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 1 });
    expect(health.queue.outbox.pending).toBe(0);
    expect(triager.calls).toBe(3);

    const metrics = await nobody.metrics();
    expect(metrics).toContain('onewayin_queue_jobs{queue="routing",state="failed"} 1');
    expect(metrics).toContain('onewayin_queue_job_outcomes_total{queue="routing",outcome="retrying"} 2');
    expect(metrics).toContain('onewayin_queue_job_outcomes_total{queue="routing",outcome="failed"} 1');

    if (queue === 'in-process') {
      const dashboard = await admin.send<InProcessDashboard>('get', '/admin/queues');
      expect(dashboard.failedJobs.routing).toEqual([
        {
          id: `route:${created.id}`,
          name: 'route-case',
          data: { caseId: created.id },
          attemptsMade: 3,
          failedReason: 'classifier unreachable',
          failedAt: expect.any(String),
        },
      ]);
    } else {
      const failed = await admin.send<BullBoardQueues>('get', '/admin/queues/api/queues', {
        query: { activeQueue: 'routing', status: 'failed' },
      });
      const routing = failed.queues.find((entry) => entry.name === 'routing');
      expect(routing?.counts.failed).toBe(1);
      expect(routing?.jobs.map((job) => [job.failedReason, job.attempts])).toEqual([['classifier unreachable', 3]]);
    }
    // The case itself is untouched: it waits, as a case nobody could triage.
    expect((await admin.getCase(created.id)).status).toBe('new');
  });
});

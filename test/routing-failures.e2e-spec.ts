import { CaseTriager, TriageSuggestion } from '../src/routing/case-triager';
import { eventually } from './support/eventually';
import { bearer, createTestApp, TestApp } from './support/test-app';

/** A classifier that is down: every call fails, as a remote one would while its service is away. */
class UnreachableTriager extends CaseTriager {
  calls = 0;

  async suggest(): Promise<TriageSuggestion | null> {
    this.calls += 1;
    throw new Error('classifier unreachable');
  }
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
    const agent = await t.login('agent@demo.local');
    const admin = await t.login('admin@demo.local');
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set(bearer(agent))
      .send({ description: 'Något med vägen' })
      .expect(201);

    const health = await eventually(async () => {
      const answer = await t.http().get('/health').expect(200);
      return answer.body.queue.queues.routing.failed === 1 ? answer.body : undefined;
    }, 'the job to fail for good');
    expect(health.queue.queues.routing).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 1 });
    expect(health.queue.outbox.pending).toBe(0);
    expect(triager.calls).toBe(3);

    const metrics = (await t.http().get('/metrics').expect(200)).text;
    expect(metrics).toContain('onewayin_queue_jobs{queue="routing",state="failed"} 1');
    expect(metrics).toContain('onewayin_queue_job_outcomes_total{queue="routing",outcome="retrying"} 2');
    expect(metrics).toContain('onewayin_queue_job_outcomes_total{queue="routing",outcome="failed"} 1');

    if (queue === 'in-process') {
      const dashboard = await t.http().get('/admin/queues').set(bearer(admin)).expect(200);
      expect(dashboard.body.failedJobs.routing).toEqual([
        {
          id: `route:${created.body.id}`,
          name: 'route-case',
          data: { caseId: created.body.id },
          attemptsMade: 3,
          failedReason: 'classifier unreachable',
          failedAt: expect.any(String),
        },
      ]);
    } else {
      const failed = await t
        .http()
        .get('/admin/queues/api/queues?activeQueue=routing&status=failed')
        .set(bearer(admin))
        .expect(200);
      const routing = failed.body.queues.find((entry: { name: string }) => entry.name === 'routing');
      expect(routing.counts.failed).toBe(1);
      expect(
        routing.jobs.map((job: { failedReason: string; attempts: number }) => [job.failedReason, job.attempts]),
      ).toEqual([['classifier unreachable', 3]]);
    }
    // The case itself is untouched: it waits, as a case nobody could triage.
    const found = await t.http().get(`/api/v1/cases/${created.body.id}`).set(bearer(admin)).expect(200);
    expect(found.body.status).toBe('new');
  });
});

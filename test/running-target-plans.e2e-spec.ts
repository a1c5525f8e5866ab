import { DataSource } from 'typeorm';
import { CaseRecordsService } from '../src/cases/case-records.service';
import { ApiClient } from './support/api-client';
import { statementsDuring } from './support/statements';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The cases whose service-target plan still has a check to run, walked in batches by id: what
 * the service-target reconciler offers again at start and every five minutes. A case whose
 * measures are all met, breached or paused, or that is closed or a duplicate, is left out; the walk reads through
 * the partial index of running plans, not every open case.
 */
describe(`running service-target plans (${process.env.TEST_DATABASE})`, () => {
  let t: TestApp;
  let db: DataSource;
  let ids: string[];

  beforeAll(async () => {
    // Monday 2 March 2026, 10:00 in Stockholm.
    t = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
    db = t.app.get(DataSource);
    const [agent] = await ApiClient.loginAll(t, 'agent@demo.local');
    ids = [];
    for (let i = 0; i < 9; i++) {
      ids.push((await agent.createCase({ description: `Gatlampan ${i} är släckt`, catalogCode: 'street_light' })).id);
    }
  });
  afterAll(() => t.close());

  /** Every running plan, read `batch` at a time as the reconciler does. */
  const walk = async (batch: number): Promise<string[]> => {
    const records = t.app.get(CaseRecordsService);
    const found: string[] = [];
    for (let afterId: string | null = null; ;) {
      const cases = await records.runningTargetPlans(afterId, batch);
      found.push(...cases.map((record) => record.id));
      if (cases.length < batch) return found;
      afterId = cases[cases.length - 1].id;
    }
  };
  const set = (id: string, assignments: string) => db.query(`UPDATE cases SET ${assignments} WHERE id = '${id}'`);

  it('walks every case with a measure running, in batches, by id, each once', async () => {
    expect(await walk(2)).toEqual([...ids].sort());
    expect(await walk(100)).toEqual([...ids].sort());
  });

  it('leaves out a case whose measures are met, breached or paused, or that is closed or a duplicate', async () => {
    const [responded, bothBreached, paused, closed, resolvedAfterResponse, responseBreachedOnly, duplicate] = ids;
    const at = "'2026-03-02 09:30:00.000'";
    await set(responded, `first_response_at = ${at}`);
    await set(bothBreached, `first_response_breached_at = ${at}, resolution_breached_at = ${at}`);
    await set(paused, `target_paused_at = ${at}`);
    await set(closed, `status = 'closed'`);
    await set(resolvedAfterResponse, `first_response_at = ${at}, resolved_at = ${at}`);
    await set(responseBreachedOnly, `first_response_breached_at = ${at}`);
    // Marked a duplicate, a case keeps its due times but no check runs for it.
    await set(duplicate, `status = 'duplicate'`);
    // Responded or with its first response breached, a case's resolution still runs.
    const running = ids.filter((id) => ![bothBreached, paused, closed, resolvedAfterResponse, duplicate].includes(id));
    expect(await walk(2)).toEqual(running.sort());
  });

  it('reads the running plans through their partial index on SQLite, not every open case', async () => {
    if (process.env.TEST_DATABASE !== 'sqlite') return;
    const queries = await statementsDuring(db, () => t.app.get(CaseRecordsService).runningTargetPlans(null, 200));
    const walked = queries.find(({ query }) => query.includes('"target_plan_version" > 0'));
    const plan = await db.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${walked!.query}`, walked!.parameters);
    expect(plan.map((step) => step.detail)).toEqual(['SEARCH c USING INDEX IDX_cases_running_target_plans (id>?)']);
  });
});

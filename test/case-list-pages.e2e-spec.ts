import { DataSource } from 'typeorm';
import { ApiClient } from './support/api-client';
import { statementsDuring } from './support/statements';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The case list (`GET /api/v1/cases`) gives its page newest first, cases received at the same
 * instant in order of id, and counts every case the filter finds. It takes the page's ids first
 * and then reads those cases alone; on SQLite the ids of open cases are picked from the index of
 * open cases by status, and those of a department from the index of its cases by status, both of
 * which hold the time of receipt and the id, and sorted with nothing else, not with every case's
 * row (docs/performance.md).
 */
describe(`the case list, page by page (${process.env.TEST_DATABASE})`, () => {
  let t: TestApp;
  let agent: ApiClient;
  let manager: ApiClient;
  const postgres = process.env.TEST_DATABASE === 'postgres';
  /** The open cases made here, in the order the list gives them. */
  let expected: string[];
  let resolved: string[];

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-05-04T08:15:00Z' });
    [agent, manager] = await ApiClient.loginAll(t, 'agent@demo.local', 'manager@demo.local');
    // Two batches of four, each received at one instant (the clock stands still between them).
    const batches: string[][] = [];
    for (const hour of [0, 1]) {
      if (hour > 0) t.advanceMinutes(60);
      const batch: string[] = [];
      for (let index = 0; index < 4; index++)
        batch.push((await agent.createCase({ description: `Hål i vägen ${hour}.${index}`, channel: 'phone' })).id);
      batches.push(batch);
    }
    resolved = [batches[0][1], batches[1][2]];
    for (const id of resolved) await agent.act(id, 'resolve', { reason: 'Svar givet i telefon' });
    const open = (batch: string[]) => batch.filter((id) => !resolved.includes(id)).sort();
    expected = [...open(batches[1]), ...open(batches[0])];
  });
  afterAll(() => t?.close());

  /** The list's ids restricted to the cases made here, in the list's order. */
  const ours = (ids: string[]) => ids.filter((id) => expected.includes(id) || resolved.includes(id));

  it('gives the open cases newest first and those received together by id, page after page, and counts them all', async () => {
    const whole = await manager.listCases({ open: 'true', limit: 100 });
    expect(ours(whole.items.map((item) => item.id))).toEqual(expected);
    expect(whole.total).toBe(whole.items.length);
    const pages: string[] = [];
    for (let offset = 0; offset < whole.total; offset += 3) {
      const page = await manager.listCases({ open: 'true', limit: 3, offset });
      expect(page).toMatchObject({ total: whole.total, limit: 3, offset });
      expect(page.items.length).toBeLessThanOrEqual(3);
      pages.push(...page.items.map((item) => item.id));
    }
    expect(pages).toEqual(whole.items.map((item) => item.id));
    // Every case, the resolved ones too, without the open filter; a page past the end is empty.
    const all = await manager.listCases({ limit: 100 });
    expect(ours(all.items.map((item) => item.id)).filter((id) => resolved.includes(id))).toHaveLength(2);
    expect((await manager.listCases({ open: 'true', limit: 3, offset: whole.total })).items).toEqual([]);
  });

  /** The plan of the statement that picks the page's ids, as SQLite makes it. */
  async function pagePlan(ask: () => Promise<unknown>): Promise<string[]> {
    const dataSource = t.app.get(DataSource);
    const sent = await statementsDuring(dataSource, ask);
    const pageOfIds = sent.filter(({ query }) => /ORDER BY/i.test(query) && /LIMIT/i.test(query));
    expect(pageOfIds).toHaveLength(1);
    const [{ query, parameters }] = pageOfIds;
    const plan = await dataSource.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${query}`, parameters);
    return plan.map((step) => step.detail);
  }

  (postgres ? it.skip : it)('takes the page of open cases from the index of open cases alone (SQLite)', async () => {
    expect(await pagePlan(async () => await manager.listCases({ open: 'true', limit: 3 }))).toContainEqual(
      expect.stringMatching(/^SEARCH c USING COVERING INDEX IDX_cases_open_by_status \(status=\?\)$/),
    );
  });

  (postgres ? it.skip : it)(
    "takes the page of a department's cases from the index of its cases alone (SQLite)",
    async () => {
      expect(await pagePlan(async () => await manager.listCases({ departmentCode: 'TEK', limit: 3 }))).toContainEqual(
        expect.stringMatching(/^SEARCH c USING COVERING INDEX IDX_cases_department_status \(department_code=\?\)$/),
      );
    },
  );
});

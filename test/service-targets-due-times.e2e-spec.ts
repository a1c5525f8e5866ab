import { DataSource } from 'typeorm';
import { ApiClient } from './support/api-client';
import { CaseAction, CaseActionBody, NewCase } from './support/api-types';
import { statementsDuring } from './support/statements';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Due times on cases, worked out by hand on the default calendar: Mon-Fri 08:00-16:30
 * Europe/Stockholm with Swedish holidays, 510 open minutes a day. In May 2026 Stockholm is
 * UTC+2: 10:00 local is 08:00Z and the 16:30 close is 14:30Z. Monday 4 May starts a full week;
 * Thursday 14 May is Ascension Day. The seeded policies apply (see the migration).
 */
describe('service-target due times on cases', () => {
  let t: TestApp;
  let agent: ApiClient;
  let handler: ApiClient;
  let manager: ApiClient;

  const MONDAY_10 = '2026-05-04T08:00:00Z';
  const createCase = async (body: Partial<NewCase>) =>
    (await agent.createCase({ description: 'Ärende', channel: 'web', ...body })).id;
  const act = (staff: ApiClient, id: string, action: CaseAction, body: CaseActionBody = {}) =>
    staff.act(id, action, body);
  const plan = (id: string) => agent.serviceTargetPlan(id);

  beforeAll(async () => {
    t = await createTestApp({ now: MONDAY_10 });
    [agent, handler, manager] = await ApiClient.loginAll(
      t,
      'agent@demo.local',
      'handler@demo.local',
      'manager@demo.local',
    );
  });
  beforeEach(() => t.setNow(MONDAY_10));
  afterAll(() => t.close());

  it('plans the due times at intake from the most specific policy', async () => {
    // An e-mailed question: kind + channel gives 1 working day to the first response (Tuesday's
    // close), the kind 2 working days to the resolution (Wednesday's close). The warning comes at
    // 80 % of the 390 + 510 minutes to Tuesday's close: 720 minutes, Tuesday 13:30 local.
    const question = await plan(await createCase({ catalogCode: 'general_information', channel: 'email' }));
    expect(question).toMatchObject({
      status: 'triaged',
      planVersion: 1,
      clockStartedAt: '2026-05-04T08:00:00.000Z',
      pausedAt: null,
      pausedWorkingMinutes: 0,
    });
    expect(question.firstResponse).toMatchObject({
      state: 'running',
      dueAt: '2026-05-05T14:30:00.000Z',
      warningAt: '2026-05-05T11:30:00.000Z',
      warnedAt: null,
    });
    expect(question.resolution).toMatchObject({ state: 'running', dueAt: '2026-05-06T14:30:00.000Z' });

    // A pothole: the fault report's 1 working day to the first response, its own 5 to the
    // resolution: Tue 1, Wed 2, Thu 3, Fri 4, Mon 11 May 5.
    const pothole = await plan(await createCase({ catalogCode: 'pothole' }));
    expect([pothole.firstResponse.dueAt, pothole.resolution.dueAt]).toEqual([
      '2026-05-05T14:30:00.000Z',
      '2026-05-11T14:30:00.000Z',
    ]);

    // A street light, 10 working days: ... Wed 13 is 7, Ascension Day is closed, Fri 15 8, Mon 18 9, Tue 19 10.
    expect((await plan(await createCase({ catalogCode: 'street_light' }))).resolution.dueAt).toBe(
      '2026-05-19T14:30:00.000Z',
    );

    // An urgent pothole is faster: 2 working hours (12:00 local) and the next working day's close.
    const urgent = await plan(await createCase({ catalogCode: 'pothole', priority: 'urgent' }));
    expect([urgent.firstResponse.dueAt, urgent.resolution.dueAt]).toEqual([
      '2026-05-04T10:00:00.000Z',
      '2026-05-05T14:30:00.000Z',
    ]);

    // No type yet: the default, 2 working days and 20. Counting 20 from Monday 4 May skips
    // Ascension Day and lands on Tuesday 2 June (Whit Monday is a working day in Sweden).
    const untyped = await plan(await createCase({ channel: 'phone' }));
    expect([untyped.firstResponse.dueAt, untyped.resolution.dueAt]).toEqual([
      '2026-05-06T14:30:00.000Z',
      '2026-06-02T14:30:00.000Z',
    ]);
  });

  it("stores the first plan with the case's own row, and queues its checks under the plan's version", async () => {
    const db = t.app.get(DataSource);
    let id = '';
    const statements = await statementsDuring(db, async () => {
      id = await createCase({ catalogCode: 'pothole' });
    });
    const intake = statements.map(({ query }) => query).filter((sql) => /^\s*(INSERT INTO|UPDATE) "cases"/.test(sql));
    expect(
      intake.filter((sql) => sql.includes('"first_response_due_at"') || sql.includes('"target_plan_version"')),
    ).toEqual([expect.stringMatching(/^\s*INSERT INTO "cases"/)]);
    expect(await plan(id)).toMatchObject({ planVersion: 1, clockStartedAt: MONDAY_10.replace('Z', '.000Z') });
    const keys = await db.query<Array<{ job_key: string }>>(
      `SELECT job_key FROM outbox WHERE job_key LIKE 'sla-%:${id}:%' ORDER BY job_key`,
    );
    expect(keys).toHaveLength(4);
    for (const { job_key } of keys)
      expect(job_key).toMatch(new RegExp(`^sla-(warn|breach):${id}:(first_response|resolution):1$`));
  });

  it('re-plans from receipt when triage sets the type or the priority, and not when nothing changes', async () => {
    const id = await createCase({ channel: 'phone' });
    t.advanceMinutes(60);
    await act(agent, id, 'triage', { catalogCode: 'pothole' });
    expect(await plan(id)).toMatchObject({
      planVersion: 2,
      firstResponse: { dueAt: '2026-05-05T14:30:00.000Z' },
      resolution: { dueAt: '2026-05-11T14:30:00.000Z' },
    });
    await act(agent, id, 'triage', { catalogCode: 'pothole', priority: 'urgent' });
    expect(await plan(id)).toMatchObject({
      planVersion: 3,
      firstResponse: { dueAt: '2026-05-04T10:00:00.000Z' },
      resolution: { dueAt: '2026-05-05T14:30:00.000Z' },
    });
    await act(agent, id, 'triage', { catalogCode: 'pothole', priority: 'urgent' });
    expect((await plan(id)).planVersion).toBe(3);
  });

  it('stops the clock while the case waits and moves the due times by the working time waited', async () => {
    const id = await createCase({ catalogCode: 'pothole', citizen: { email: 'vagn.gren@example.se' } });
    t.advanceMinutes(60);
    await act(agent, id, 'wait', { reason: 'Väntar på foto från medborgaren' });
    const paused = await plan(id);
    expect(paused).toMatchObject({ pausedAt: '2026-05-04T09:00:00.000Z', planVersion: 2 });
    expect(paused.firstResponse).toMatchObject({ state: 'paused', dueAt: '2026-05-05T14:30:00.000Z', warningAt: null });

    // Waited Monday 11:00-16:30 (330) and Tuesday 08:00-11:00 (180): 510 working minutes, one
    // working day. Tuesday 16:30 moves to Wednesday 16:30, Monday 11 May to Tuesday 12 May. The
    // first-response warning keeps its place: 720 of the 900 minutes allowed, Wednesday 13:30.
    t.setNow('2026-05-05T09:00:00Z');
    await act(agent, id, 'resume');
    const resumed = await plan(id);
    expect(resumed).toMatchObject({ pausedAt: null, pausedWorkingMinutes: 510, planVersion: 3 });
    expect(resumed.firstResponse).toMatchObject({
      state: 'running',
      dueAt: '2026-05-06T14:30:00.000Z',
      warningAt: '2026-05-06T11:30:00.000Z',
    });
    expect(resumed.resolution.dueAt).toBe('2026-05-12T14:30:00.000Z');

    // The first response is given; a second wait, over a weekend, moves only the resolution:
    // Friday 15:00-16:30 (90) and Monday 08:00-09:00 (60), so Tuesday 12 May 16:30 + 150 minutes
    // is Wednesday 13 May 10:30 local.
    await agent.reply(id, 'Tack, vi har fått bilden.');
    t.setNow('2026-05-08T13:00:00Z');
    await act(agent, id, 'wait', { reason: 'Väntar på grävtillstånd' });
    t.setNow('2026-05-11T07:00:00Z');
    await act(agent, id, 'resume');
    const again = await plan(id);
    expect(again).toMatchObject({ pausedWorkingMinutes: 660, planVersion: 5 });
    expect(again.firstResponse).toMatchObject({
      state: 'met',
      dueAt: '2026-05-06T14:30:00.000Z',
      doneAt: '2026-05-05T09:00:00.000Z',
    });
    expect(again.resolution).toMatchObject({ state: 'running', dueAt: '2026-05-13T08:30:00.000Z' });
  });

  it('breaches a target already overdue when the case starts waiting, and lists it for its department', async () => {
    const id = await createCase({ catalogCode: 'pothole' });
    // No check ran (the queue is held in this test); Wednesday 09:00 local is past Tuesday's close.
    t.setNow('2026-05-06T07:00:00Z');
    await act(agent, id, 'wait', { reason: 'Väntar på entreprenör' });
    const waiting = await plan(id);
    expect(waiting.firstResponse).toMatchObject({
      state: 'missed',
      dueAt: '2026-05-05T14:30:00.000Z',
      breachedAt: '2026-05-06T07:00:00.000Z',
    });
    expect(waiting.resolution.state).toBe('paused');

    const timeline = await manager.timeline(id);
    const breach = timeline.find((event) => event.type === 'notice' && event.topic === 'service_target');
    expect(breach).toMatchObject({
      actorId: null,
      at: '2026-05-06T07:00:00.000Z',
      data: { check: 'breach', measure: 'first_response', dueAt: '2026-05-05T14:30:00.000Z' },
    });

    const alerts = await manager.alerts({ departmentCode: 'TEK' });
    expect(alerts.items.filter((alert) => alert.caseId === id)).toEqual([
      expect.objectContaining({
        kind: 'breach',
        measure: 'first_response',
        departmentCode: 'TEK',
        dueAt: '2026-05-05T14:30:00.000Z',
        raisedAt: '2026-05-06T07:00:00.000Z',
        acknowledgedAt: null,
      }),
    ]);
    const [alert] = alerts.items.filter((item) => item.caseId === id);
    const acknowledged = await manager.acknowledgeAlert(alert.id);
    expect(acknowledged).toMatchObject({ acknowledgedAt: '2026-05-06T07:00:00.000Z' });

    const ownList = await handler.breaches();
    expect(ownList.items.find((item) => item.caseId === id)).toMatchObject({
      departmentCode: 'TEK',
      catalogCode: 'pothole',
      firstResponseDueAt: '2026-05-05T14:30:00.000Z',
      firstResponseBreachedAt: '2026-05-06T07:00:00.000Z',
      resolutionBreachedAt: null,
    });
    const handlerVa = await ApiClient.login(t, 'handler.va@demo.local');
    await handlerVa.breaches({ departmentCode: 'TEK' }).expectStatus(403);
    const managerList = await manager.breaches({ departmentCode: 'TEK' });
    expect(managerList.items.map((item) => item.caseId)).toContain(id);

    // Resuming Wednesday 10:00 moves the resolution by the 60 minutes waited (Monday 11 May 16:30 to Tuesday
    // 09:00 local), not the breached first response.
    t.setNow('2026-05-06T08:00:00Z');
    await act(agent, id, 'resume');
    const resumed = await plan(id);
    expect(resumed.firstResponse).toMatchObject({ state: 'missed', dueAt: '2026-05-05T14:30:00.000Z' });
    expect(resumed.resolution).toMatchObject({ state: 'running', dueAt: '2026-05-12T07:00:00.000Z' });
  });

  it('starts a new resolution clock when a resolved case is reopened', async () => {
    const id = await createCase({ catalogCode: 'pothole' });
    t.advanceMinutes(30);
    await act(agent, id, 'resolve', { reason: 'Lagat direkt' });
    const resolved = await plan(id);
    expect(resolved.firstResponse).toMatchObject({ state: 'met', doneAt: '2026-05-04T08:30:00.000Z' });
    expect(resolved.resolution).toMatchObject({ state: 'met', dueAt: '2026-05-11T14:30:00.000Z' });
    // Reopened Wednesday 14:00 local: 5 working days is Thu 1, Fri 2, Mon 3, Tue 4, Wed 13 May 5.
    t.setNow('2026-05-06T12:00:00Z');
    await act(agent, id, 'reopen', { reason: 'Hålet är tillbaka' });
    const reopened = await plan(id);
    expect(reopened).toMatchObject({ status: 'reopened', clockStartedAt: '2026-05-06T12:00:00.000Z' });
    expect(reopened.resolution).toMatchObject({ state: 'running', dueAt: '2026-05-13T14:30:00.000Z', doneAt: null });
    expect(reopened.firstResponse).toMatchObject({ state: 'met', dueAt: '2026-05-05T14:30:00.000Z' });
  });

  it('puts the case due first on top of the department inbox', async () => {
    const streetLight = await createCase({ catalogCode: 'street_light' });
    t.advanceMinutes(5);
    const pothole = await createCase({ catalogCode: 'pothole' });
    for (const id of [streetLight, pothole]) await act(agent, id, 'route');
    const inbox = await handler.inbox('TEK');
    const items = inbox.items.filter((item) => [streetLight, pothole].includes(item.id));
    expect(items.map((item) => [item.id, item.dueAt])).toEqual([
      [pothole, '2026-05-11T14:30:00.000Z'],
      [streetLight, '2026-05-19T14:30:00.000Z'],
    ]);
  });
});

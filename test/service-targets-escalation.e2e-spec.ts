import { MessageQueue } from '../src/queue/message-queue';
import { eventually } from './support/eventually';
import { bearer, createTestApp, TestApp } from './support/test-app';

interface Alert {
  id: number;
  kind: 'warning' | 'breach';
  measure: string;
  caseId: string | null;
  contactId: string | null;
  departmentCode: string;
  dueAt: string;
  raisedAt: string;
}

const DRILL = 'sla_drill';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (iso: string) => Date.parse(iso);

/**
 * The warning and breach checks run from the real queue, in-process and BullMQ on Redis, with
 * the system clock. The calendar is open around the clock, so working time is real time, and a
 * drill type has targets of 0.1 working minutes (6 seconds) with the warning at half of it.
 */
describe.each(['in-process', 'bullmq'] as const)('service-target warnings and breaches from the %s queue', (queue) => {
  let t: TestApp;
  let agent: string;
  let manager: string;

  const createCase = async () =>
    (
      await t
        .http()
        .post('/api/v1/cases')
        .set(bearer(agent))
        .send({ description: 'Övningsärende', catalogCode: DRILL, channel: 'web' })
        .expect(201)
    ).body.id as string;
  const plan = async (id: string) =>
    (await t.http().get(`/api/v1/service-targets/cases/${id}`).set(bearer(manager)).expect(200)).body;
  const alerts = async () =>
    (await t.http().get('/api/v1/service-targets/alerts').query({ limit: 500 }).set(bearer(manager)).expect(200)).body
      .items as Alert[];
  const alertsOf = async (key: 'caseId' | 'contactId', id: string) =>
    (await alerts()).filter((alert) => alert[key] === id).sort((a, b) => ms(a.raisedAt) - ms(b.raisedAt));
  const bothAlerts = (key: 'caseId' | 'contactId', id: string) =>
    eventually(
      async () => {
        const raised = await alertsOf(key, id);
        return raised.length === 2 ? raised : undefined;
      },
      `a warning and a breach for ${id}`,
      30_000,
      100,
    );
  const delayedChecks = async () => (await t.app.get(MessageQueue).counts('service-targets')).delayed;

  beforeAll(async () => {
    t = await createTestApp({ runJobs: true, queue, env: { SERVICE_TARGET_WARNING_SHARE: '0.5' } });
    const admin = await t.login('admin@demo.local');
    [agent, manager] = await Promise.all(['agent@demo.local', 'manager@demo.local'].map((email) => t.login(email)));
    const allDay = [['00:00', '24:00']];
    const openingHours = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
    await t
      .http()
      .put('/api/v1/calendar')
      .set(bearer(admin))
      .send({ timeZone: 'Europe/Stockholm', openingHours, holidayCountry: null })
      .expect(200);
    await t
      .http()
      .post('/api/v1/catalog')
      .set(bearer(admin))
      .send({
        code: DRILL,
        name: { sv: 'Övning', en: 'Drill' },
        kind: 'errand',
        departmentCode: 'TEK',
        priority: 'normal',
        keywords: ['övning'],
      })
      .expect(201);
    const drill = { value: 0.1, unit: 'working_minutes' };
    await t
      .http()
      .post('/api/v1/service-targets/policies')
      .set(bearer(admin))
      .send({ catalogCode: DRILL, resolution: drill, callback: drill })
      .expect(201);
  });
  afterAll(() => t.close());

  it('raises a warning at half the time and a breach at the due time, and lists the breach', async () => {
    const id = await createCase();
    const planned = await plan(id);
    const startedAt = ms(planned.clockStartedAt);
    expect(ms(planned.resolution.dueAt) - startedAt).toBeGreaterThanOrEqual(6000);
    expect(ms(planned.resolution.dueAt) - startedAt).toBeLessThanOrEqual(6001);
    expect(ms(planned.resolution.warningAt) - startedAt).toBeGreaterThanOrEqual(3000);
    expect(ms(planned.resolution.warningAt) - startedAt).toBeLessThanOrEqual(3001);

    const [warning, breach] = await bothAlerts('caseId', id);
    expect(warning).toMatchObject({
      kind: 'warning',
      measure: 'resolution',
      departmentCode: 'TEK',
      dueAt: planned.resolution.dueAt,
    });
    expect(breach).toMatchObject({
      kind: 'breach',
      measure: 'resolution',
      departmentCode: 'TEK',
      dueAt: planned.resolution.dueAt,
    });
    expect(ms(warning.raisedAt)).toBeGreaterThanOrEqual(ms(planned.resolution.warningAt));
    expect(ms(warning.raisedAt)).toBeLessThan(ms(planned.resolution.dueAt));
    expect(ms(breach.raisedAt)).toBeGreaterThanOrEqual(ms(planned.resolution.dueAt));

    const breached = await plan(id);
    expect(breached.resolution).toMatchObject({
      state: 'missed',
      warnedAt: warning.raisedAt,
      breachedAt: breach.raisedAt,
    });
    const timeline = await t.http().get(`/api/v1/cases/${id}/timeline`).set(bearer(manager)).expect(200);
    expect(
      timeline.body.filter(
        (event: { type: string; topic: string | null }) => event.type === 'notice' && event.topic === 'service_target',
      ),
    ).toEqual([
      expect.objectContaining({
        at: breach.raisedAt,
        data: expect.objectContaining({ check: 'breach', measure: 'resolution', dueAt: planned.resolution.dueAt }),
      }),
    ]);
    const list = await t
      .http()
      .get('/api/v1/service-targets/breaches')
      .query({ departmentCode: 'TEK' })
      .set(bearer(manager))
      .expect(200);
    expect(list.body.items.find((item: { caseId: string }) => item.caseId === id)).toMatchObject({
      resolutionBreachedAt: breach.raisedAt,
    });
  });

  it('postpones the warning and the breach while the case waits, taking the old checks out of the queue', async () => {
    const before = await delayedChecks();
    const id = await createCase();
    // Four checks: warning and breach of the resolution (seconds away) and of the first response (days).
    await eventually(
      async () => ((await delayedChecks()) === before + 4 ? true : undefined),
      'the checks of the new case in the queue',
    );
    const planned = await plan(id);
    await t
      .http()
      .post(`/api/v1/cases/${id}/wait`)
      .set(bearer(agent))
      .send({ reason: 'Väntar på medborgaren' })
      .expect(200);
    await eventually(
      async () => ((await delayedChecks()) === before ? true : undefined),
      'the superseded checks removed from the queue',
    );

    // Past the first plan's due time nothing has fired: the clock stands still.
    await sleep(Math.max(0, ms(planned.resolution.dueAt) + 1000 - Date.now()));
    expect(await alertsOf('caseId', id)).toEqual([]);
    await t.http().post(`/api/v1/cases/${id}/resume`).set(bearer(agent)).send({}).expect(200);

    const resumed = await plan(id);
    const waitedMs = resumed.pausedWorkingMinutes * 60_000;
    const timeline = (await t.http().get(`/api/v1/cases/${id}/timeline`).set(bearer(manager)).expect(200))
      .body as Array<{ toStatus: string; fromStatus: string; at: string }>;
    const pausedAt = ms(timeline.find((event) => event.toStatus === 'waiting')!.at);
    const resumedAt = ms(timeline.find((event) => event.fromStatus === 'waiting')!.at);
    expect(Math.abs(waitedMs - (resumedAt - pausedAt))).toBeLessThanOrEqual(1);
    // The due time and the warning moved by exactly the time waited.
    expect(Math.abs(ms(resumed.resolution.dueAt) - ms(planned.resolution.dueAt) - waitedMs)).toBeLessThanOrEqual(2);
    expect(
      Math.abs(ms(resumed.resolution.warningAt) - ms(planned.resolution.warningAt) - waitedMs),
    ).toBeLessThanOrEqual(2);

    const [warning, breach] = await bothAlerts('caseId', id);
    expect(warning).toMatchObject({ kind: 'warning', dueAt: resumed.resolution.dueAt });
    expect(ms(warning.raisedAt)).toBeGreaterThanOrEqual(ms(resumed.resolution.warningAt));
    expect(breach).toMatchObject({ kind: 'breach', dueAt: resumed.resolution.dueAt });
    expect(ms(breach.raisedAt)).toBeGreaterThanOrEqual(ms(resumed.resolution.dueAt));
  });

  it('breaches a promised callback not made in time, and not one made in time', async () => {
    const promise = {
      channel: 'phone',
      catalogCode: DRILL,
      summary: 'Vill bli uppringd',
      outcome: 'callback_promised',
    };
    const late = (await t.http().post('/api/v1/contacts').set(bearer(agent)).send(promise).expect(201)).body
      .id as string;
    const kept = (await t.http().post('/api/v1/contacts').set(bearer(agent)).send(promise).expect(201)).body
      .id as string;
    await t.http().post(`/api/v1/contacts/${kept}/callback`).set(bearer(agent)).send({ reached: true }).expect(201);

    const [warning, breach] = await bothAlerts('contactId', late);
    expect(warning).toMatchObject({ kind: 'warning', measure: 'callback', departmentCode: 'SC' });
    expect(breach).toMatchObject({ kind: 'breach', measure: 'callback', departmentCode: 'SC' });
    await sleep(1000);
    expect(await alertsOf('contactId', kept)).toEqual([]);
    const owed = (await t.http().get('/api/v1/callbacks').query({ state: 'all' }).set(bearer(agent)).expect(200)).body
      .items as Array<{ contactId: string }>;
    expect(owed.find((item) => item.contactId === late)).toMatchObject({
      state: 'overdue',
      breachedAt: breach.raisedAt,
      warnedAt: warning.raisedAt,
    });
    expect(owed.find((item) => item.contactId === kept)).toMatchObject({ state: 'made', breachedAt: null });
  });
});

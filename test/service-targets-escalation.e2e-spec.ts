import { DataSource } from 'typeorm';
import { MessageQueue } from '../src/queue/message-queue';
import { ApiClient } from './support/api-client';
import { NewContact } from './support/api-types';
import { eventually } from './support/eventually';
import { createTestApp, TestApp } from './support/test-app';

const DRILL = 'sla_drill';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Milliseconds since the epoch; NaN for a time not set, which no comparison passes. */
const ms = (iso: string | null) => (iso === null ? Number.NaN : Date.parse(iso));

/**
 * The warning and breach checks run from the real queue, in-process and BullMQ on Redis, with
 * the system clock. The calendar is open around the clock, so working time is real time, and a
 * drill type has targets of 0.1 working minutes (6 seconds) with the warning at half of it.
 */
describe.each(['in-process', 'bullmq'] as const)('service-target warnings and breaches from the %s queue', (queue) => {
  let t: TestApp;
  let agent: ApiClient;
  let manager: ApiClient;

  const createCase = async () =>
    (await agent.createCase({ description: 'Övningsärende', catalogCode: DRILL, channel: 'web' })).id;
  const plan = (id: string) => manager.serviceTargetPlan(id);
  const alerts = async () => (await manager.alerts({ limit: 500 })).items;
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
  /** Checks planned and not yet run: delayed in the queue (nearly due), or waiting in the outbox for their time. */
  const waitingChecks = async () => {
    const [outbox] = await t.app
      .get(DataSource)
      .query<Array<{ waiting: number | string }>>(
        `SELECT COUNT(*) AS waiting FROM outbox WHERE dispatched_at IS NULL AND queue = 'service-targets'`,
      );
    return (await t.app.get(MessageQueue).counts('service-targets')).delayed + Number(outbox.waiting);
  };

  beforeAll(async () => {
    t = await createTestApp({ runJobs: true, queue, env: { SERVICE_TARGET_WARNING_SHARE: '0.5' } });
    const admin = await ApiClient.login(t, 'admin@demo.local');
    [agent, manager] = await ApiClient.loginAll(t, 'agent@demo.local', 'manager@demo.local');
    const allDay = [['00:00', '24:00']];
    const openingHours = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
    await admin.replaceCalendar({ timeZone: 'Europe/Stockholm', openingHours, holidayCountry: null });
    await admin.createCatalogEntry({
      code: DRILL,
      name: { sv: 'Övning', en: 'Drill' },
      kind: 'errand',
      departmentCode: 'TEK',
      priority: 'normal',
      keywords: ['övning'],
    });
    const drill = { value: 0.1, unit: 'working_minutes' };
    await admin.createServiceTargetPolicy({ catalogCode: DRILL, resolution: drill, callback: drill });
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
    const timeline = await manager.timeline(id);
    expect(timeline.filter((event) => event.type === 'notice' && event.topic === 'service_target')).toEqual([
      expect.objectContaining({
        at: breach.raisedAt,
        data: expect.objectContaining({ check: 'breach', measure: 'resolution', dueAt: planned.resolution.dueAt }),
      }),
    ]);
    const list = await manager.breaches({ departmentCode: 'TEK' });
    expect(list.items.find((item) => item.caseId === id)).toMatchObject({
      resolutionBreachedAt: breach.raisedAt,
    });
  });

  it('postpones the warning and the breach while the case waits, taking the old checks back', async () => {
    const before = await waitingChecks();
    const id = await createCase();
    // Four checks: warning and breach of the resolution (seconds away: in the queue) and of the
    // first response (days ahead: in the outbox until nearly due).
    await eventually(
      async () => ((await waitingChecks()) === before + 4 ? true : undefined),
      'the checks of the new case in the queue and the outbox',
    );
    const planned = await plan(id);
    await agent.act(id, 'wait', { reason: 'Väntar på medborgaren' });
    await eventually(
      async () => ((await waitingChecks()) === before ? true : undefined),
      'the superseded checks removed from the queue and the outbox',
    );

    // Past the first plan's due time nothing has fired: the clock stands still.
    await sleep(Math.max(0, ms(planned.resolution.dueAt) + 1000 - Date.now()));
    expect(await alertsOf('caseId', id)).toEqual([]);
    await agent.act(id, 'resume');

    const resumed = await plan(id);
    const waitedMs = resumed.pausedWorkingMinutes * 60_000;
    const timeline = await manager.timeline(id);
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
    const promise: NewContact = {
      channel: 'phone',
      catalogCode: DRILL,
      summary: 'Vill bli uppringd',
      outcome: 'callback_promised',
    };
    const late = (await agent.logContact(promise)).id;
    const kept = (await agent.logContact(promise)).id;
    await agent.recordCallback(kept, { reached: true });

    const [warning, breach] = await bothAlerts('contactId', late);
    expect(warning).toMatchObject({ kind: 'warning', measure: 'callback', departmentCode: 'SC' });
    expect(breach).toMatchObject({ kind: 'breach', measure: 'callback', departmentCode: 'SC' });
    await sleep(1000);
    expect(await alertsOf('contactId', kept)).toEqual([]);
    const owed = (await agent.callbacks({ state: 'all' })).items;
    expect(owed.find((item) => item.contactId === late)).toMatchObject({
      state: 'overdue',
      breachedAt: breach.raisedAt,
      warnedAt: warning.raisedAt,
    });
    expect(owed.find((item) => item.contactId === kept)).toMatchObject({ state: 'made', breachedAt: null });
  });
});

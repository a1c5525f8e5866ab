import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from './support/api-client';
import { eventually } from './support/eventually';
import { createTestApp, TestApp } from './support/test-app';

/** Monday 2 November 2026: the service center is open 08:00-16:30 Stockholm time (07:00-15:30 UTC). */
const MONDAY_09_00 = '2026-11-02T08:00:00Z';
const MONDAY_22_00 = '2026-11-02T21:00:00Z';

describe('urgent matters typed as free text are urgent in the inbox', () => {
  let t: TestApp;
  let agent: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({ now: MONDAY_09_00 });
    [agent, manager] = await ApiClient.loginAll(t, 'agent@demo.local', 'manager@demo.local');
  });
  afterAll(() => t.close());

  it('puts a smell of gas typed without a type first in the service center inbox, ahead of earlier complaints', async () => {
    const earlier = [
      'Personalen i receptionen var otrevlig mot mig när jag var där i fredags',
      'Jag undrar när biblioteket har öppet i jul',
      'Min granne har en hund som skäller hela dagarna',
      'Hur ansöker jag om parkeringstillstånd?',
      'Det är mycket skräp vid återvinningsstationen',
      'Kan någon ringa mig om min faktura?',
    ];
    for (const description of earlier) {
      await agent.createCase({ description, channel: 'web' });
      t.advanceMinutes(1);
    }
    const gas = await agent.createCase({ description: 'Det luktar gas vid lekplatsen på Björkvägen', channel: 'web' });

    const inbox = await agent.inbox('SC');
    expect(inbox.items.map((item) => [item.description, item.priority])).toEqual([
      ['Det luktar gas vid lekplatsen på Björkvägen', 'urgent'],
      ...earlier.map((description) => [description, 'normal']),
    ]);
    const [created] = await agent.timeline(gas.id);
    expect(created).toMatchObject({
      type: 'created',
      toStatus: 'new',
      data: { priority: 'urgent', requestedPriority: 'normal', priorityRules: ['gas_smell'] },
    });
    // In opening hours the agents see it themselves: nobody is called out.
    expect((await manager.alerts({ kind: 'on_call' })).items).toEqual([]);
  });

  it('raises the priority of a case registered with a catalog type, and never lowers it', async () => {
    const live = await agent.createCase({
      description: 'Lyktstolpen har vält och strömförande kablar ligger på trottoaren',
      catalogCode: 'street_light',
    });
    const denied = await agent.createCase({
      description: 'Det luktar inte gas, men lampan är trasig',
      catalogCode: 'street_light',
    });
    const high = await agent.createCase({
      description: 'Vattenläcka på Ekbacksvägen',
      catalogCode: 'street_light',
      priority: 'low',
    });
    expect((await agent.getCase(live.id)).priority).toBe('urgent');
    expect((await agent.getCase(denied.id)).priority).toBe('normal');
    expect((await agent.getCase(high.id)).priority).toBe('urgent');
    const [deniedCreated] = await agent.timeline(denied.id);
    expect(deniedCreated.data).toEqual({
      channel: 'phone',
      catalogCode: 'street_light',
      catalogSetBy: 'staff',
      priority: 'normal',
    });
    const [highCreated] = await agent.timeline(high.id);
    expect(highCreated.data).toMatchObject({
      priority: 'urgent',
      requestedPriority: 'low',
      priorityRules: ['water_leak'],
    });
  });

  it('keeps the priority the text calls for when an agent triages by hand, and says so on the timeline', async () => {
    const created = await agent.createCase({ description: 'Det lugter af gas i opgangen', channel: 'email' });
    const triaged = await agent.act(created.id, 'triage', { catalogCode: 'smoke_odour', priority: 'low' });
    expect(triaged).toMatchObject({ status: 'triaged', catalogCode: 'smoke_odour', priority: 'urgent' });
    const triage = (await agent.timeline(created.id)).find((event) => event.action === 'triage');
    expect(triage).toMatchObject({
      actorId: expect.any(String),
      data: {
        catalogCode: 'smoke_odour',
        catalogSetBy: 'staff',
        priority: 'urgent',
        requestedPriority: 'low',
        priorityRules: ['gas_smell'],
      },
    });
  });
});

describe('an urgent case out of opening hours alerts the on-call staff once', () => {
  const mailDir = mkdtempSync(join(tmpdir(), 'onewayin-on-call-'));
  let t: TestApp;
  let agent: ApiClient;
  let manager: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({
      now: MONDAY_22_00,
      runJobs: true,
      env: { ON_CALL_EMAIL: 'jour@norrvika.example', MAIL_DIR: mailDir },
    });
    [agent, manager, admin] = await ApiClient.loginAll(t, 'agent@demo.local', 'manager@demo.local', 'admin@demo.local');
  });
  afterAll(async () => {
    await t.close();
    rmSync(mailDir, { recursive: true, force: true });
  });

  const mailTo = (reference: string) => {
    const path = join(t.config.mailDir, `${reference}-on-call.eml`);
    return eventually(async () => (existsSync(path) ? readFileSync(path, 'utf8') : undefined), path);
  };
  const onCallAlerts = async (caseId: string) =>
    (await manager.alerts({ kind: 'on_call' })).items.filter((alert) => alert.caseId === caseId);

  it('raises a manager alert and e-mails the on-call address with the reference, type, priority and link, nothing personal', async () => {
    const created = await agent.createCase({
      description: 'Vattenledningen har brustit, vatten forsar ut på Storgatan 4',
      catalogCode: 'water_leak',
      citizen: { name: 'Karin Berg', email: 'karin@example.se', phone: '070-111 22 33' },
      location: { address: 'Storgatan 4' },
    });
    expect(await onCallAlerts(created.id)).toEqual([
      {
        id: expect.any(Number),
        alertKey: `on_call:case:${created.id}`,
        kind: 'on_call',
        measure: null,
        caseId: created.id,
        caseReference: created.reference,
        contactId: null,
        departmentCode: 'VA',
        dueAt: null,
        raisedAt: '2026-11-02T21:00:00.000Z',
        acknowledgedAt: null,
        acknowledgedById: null,
      },
    ]);

    const eml = (await mailTo(created.reference)).replace(/=\r\n/g, '');
    expect(eml).toMatch(/^To: jour@norrvika\.example\r$/m);
    expect(eml).toContain(created.reference);
    expect(eml).toContain('Typ: Vattenl');
    expect(eml).toContain(`/cases/${created.reference}`);
    for (const personal of ['Karin', 'karin@example.se', '070-111', '0701112233', '111 22 33', 'Storgatan', 'brustit'])
      expect(eml).not.toContain(personal);

    const sent = await eventually(async () => {
      const rows = (await agent.caseNotifications(created.id)).filter((row) => row.kind === 'on_call');
      return rows[0]?.status === 'sent' ? rows : undefined;
    }, 'the on-call alert to be sent');
    expect(sent).toMatchObject([{ kind: 'on_call', channel: 'email', recipient: 'j***@n***.example', status: 'sent' }]);
    const notices = (await agent.timeline(created.id)).filter((event) => event.type === 'notice');
    expect(notices.map((event) => [event.topic, event.reason])).toEqual(
      expect.arrayContaining([
        [
          'on_call',
          'Urgent case out of opening hours: the on-call staff are alerted by e-mail and the managers in their alert list',
        ],
        ['notification', 'On-call alert by e-mail sent to the on-call address'],
      ]),
    );
  });

  it('alerts once however often the case changes during the night', async () => {
    const created = await agent.createCase({
      description: 'Det luktar gas i trapphuset på Ringvägen 3',
      catalogCode: 'smoke_odour',
    });
    await eventually(async () => ((await agent.getCase(created.id)).status === 'routed' ? true : undefined), 'routing');
    await manager.act(created.id, 'claim');
    await manager.act(created.id, 'wait', { reason: 'Gasbolaget är på väg' });
    await manager.act(created.id, 'resume');
    await mailTo(created.reference);
    expect(await onCallAlerts(created.id)).toHaveLength(1);
    const onCall = (await admin.notifications({ limit: 200 })).items.filter(
      (row) => row.caseId === created.id && row.kind === 'on_call',
    );
    expect(onCall).toHaveLength(1);
    const notices = (await agent.timeline(created.id)).filter((event) => event.topic === 'on_call');
    expect(notices).toHaveLength(1);
  });

  it('alerts when a triage by hand makes a case that came in at night urgent, and not for a case that is not urgent', async () => {
    const created = await agent.createCase({ description: 'Kan någon titta på detta?', channel: 'email' });
    await eventually(async () => {
      const events = await agent.timeline(created.id);
      return events.some((event) => event.topic === 'triage') ? true : undefined;
    }, 'automatic triage to leave it for an agent');
    expect(await onCallAlerts(created.id)).toEqual([]);

    t.advanceMinutes(30);
    await agent.act(created.id, 'triage', { catalogCode: 'sewage_blockage', priority: 'urgent' });
    expect(await onCallAlerts(created.id)).toMatchObject([
      { kind: 'on_call', departmentCode: 'VA', raisedAt: '2026-11-02T21:30:00.000Z' },
    ]);
    await mailTo(created.reference);
  });

  it('does not name the type of a confidential case in the e-mail', async () => {
    const created = await agent.createCase({
      description: 'Min granne blir slagen av sin man, jag hör skrik',
      catalogCode: 'domestic_violence',
    });
    const eml = (await mailTo(created.reference)).replace(/=\r\n/g, '');
    expect(eml).toContain('Typ: Sekretess');
    expect(eml).not.toMatch(/Våld|V=C3=A5ld|granne|skrik/);
    expect(await onCallAlerts(created.id)).toMatchObject([{ kind: 'on_call', departmentCode: 'SOC' }]);
  });

  it('does not alert for an urgent case that came in while the service center was open', async () => {
    t.setNow('2026-11-03T09:00:00Z');
    const created = await agent.createCase({ description: 'Vattenläcka vid skolan', catalogCode: 'water_leak' });
    await eventually(async () => ((await agent.getCase(created.id)).status === 'routed' ? true : undefined), 'routing');
    expect(await onCallAlerts(created.id)).toEqual([]);
  });
});

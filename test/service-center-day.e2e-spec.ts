import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The service-center day as agents, handlers and managers live it: the service center's own
 * cases, a case made from a contact, a handler's own cases and hand-overs, cases by reference,
 * corrections, and the data that comes in (identity numbers, replies, addresses). Data is invented.
 */
describe('the service-center day works', () => {
  let t: TestApp;
  let agent: ApiClient;
  let tek: ApiClient;
  let admin: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    // Monday 30 November 2026, 10:00 in Stockholm (09:00 UTC).
    t = await createTestApp({ now: '2026-11-30T09:00:00Z' });
    [agent, tek, admin, manager] = await ApiClient.loginAll(
      t,
      'agent@demo.local',
      'handler@demo.local',
      'admin@demo.local',
      'manager@demo.local',
    );
  });
  afterAll(() => t.close());

  it("lets agents finish the service center's own cases: a complaint is claimed and resolved by an agent", async () => {
    const complaint = await agent.createCase({
      description: 'Klagomål på bemötandet i receptionen',
      catalogCode: 'general_complaint',
    });
    expect(await agent.act(complaint.id, 'route')).toMatchObject({ status: 'routed', departmentCode: 'SC' });
    expect(await agent.claimNext('SC')).toMatchObject({ id: complaint.id, status: 'in_progress' });
    expect(await agent.act(complaint.id, 'resolve', { reason: 'Vi har pratat med personalen' })).toMatchObject({
      status: 'resolved',
    });
  });

  it('keeps what the contact knew in a case made from it: the citizen, when they asked, and a link both ways', async () => {
    // The call began at 09:30 Stockholm (08:30 UTC); the case is typed in half an hour later.
    const contact = await agent.logContact({
      channel: 'phone',
      summary: 'Gatlampan på Ekvägen är släckt',
      outcome: 'case_created',
      startedAt: '2026-11-30T08:30:00Z',
      endedAt: '2026-11-30T08:34:00Z',
      citizen: { name: 'Oskar Ek', email: 'oskar.ek@example.se' },
    });
    const created = await agent.createCase({
      description: 'Gatlampan på Ekvägen är släckt',
      catalogCode: 'street_light',
      contactId: contact.id,
    });
    const registered = await agent.getCase(created.id);
    expect(registered).toMatchObject({
      receivedAt: '2026-11-30T08:30:00.000Z',
      contactId: contact.id,
      citizen: { name: 'Oskar Ek', email: 'oskar.ek@example.se' },
    });
    expect((await agent.contact(contact.id)).caseIds).toEqual([created.id]);
    expect((await admin.serviceTargetPlan(created.id)).clockStartedAt).toBe('2026-11-30T08:30:00.000Z');
    // The citizen's e-mail came from the contact, so the receipt goes out: o***@e***.se.
    expect((await admin.caseNotifications(created.id)).map((message) => [message.kind, message.recipient])).toEqual([
      ['receipt', expect.stringMatching(/^o\*+@e\*+\.se$/)],
    ]);
  });

  describe("a handler's own cases", () => {
    let colleague: ApiClient;
    let colleagueId: string;

    beforeAll(async () => {
      const created = await admin.createStaffUser({
        email: 'handler2.tek@demo.local',
        name: 'Hanna Teknik',
        password: 'demo-password',
        role: 'handler',
        departmentCodes: ['TEK'],
      });
      colleagueId = created.id;
      colleague = await ApiClient.login(t, 'handler2.tek@demo.local');
    });

    it('lists my cases, hands one back to the inbox, and gives one to a colleague of the department', async () => {
      const pothole = await agent.createCase({ description: 'Stort hål i vägen vid skolan', catalogCode: 'pothole' });
      await agent.act(pothole.id, 'route');
      await tek.act(pothole.id, 'claim');
      const mine = await tek.listCases({ assignee: 'me', open: 'true' });
      expect(mine.items.map((item) => item.id)).toContain(pothole.id);
      expect((await colleague.listCases({ assignee: 'me' })).items.map((item) => item.id)).not.toContain(pothole.id);

      expect(await tek.act(pothole.id, 'unclaim')).toMatchObject({ status: 'routed', assigneeId: null });
      expect(await tek.act(pothole.id, 'assign', { assigneeId: colleagueId })).toMatchObject({
        status: 'in_progress',
        assigneeId: colleagueId,
      });
      expect((await colleague.listCases({ assignee: 'me' })).items.map((item) => item.id)).toContain(pothole.id);
      const va = await ApiClient.login(t, 'handler.va@demo.local');
      const refused = await tek.act(pothole.id, 'assign', { assigneeId: (await va.me()).id }).expectStatus(400);
      expect(refused.body.message).toEqual(['assigneeId: no active staff member of TEK has that id']);
    });

    it('fetches a case by the reference number the citizen quotes', async () => {
      const lamp = await agent.createCase({ description: 'Lampan i tunneln är trasig', catalogCode: 'street_light' });
      expect(await agent.getCase(lamp.reference)).toMatchObject({ id: lamp.id, reference: lamp.reference });
      await agent.getCase('2026-999999').expectStatus(404);
    });
  });

  it('lets an agent correct a registered case, with the change on the timeline', async () => {
    const created = await agent.createCase({
      description: 'Gatlampan utanför Storgatan 12 är släckt',
      catalogCode: 'street_light',
      location: { address: 'Storgatan 12' },
      citizen: { name: 'Fel Namn' },
    });
    const corrected = await agent.correctCase(created.id, {
      description: 'Gatlampan utanför Storgatan 14 är släckt',
      location: { address: 'Storgatan 14' },
      citizen: { name: 'Rätt Namn', phone: '070-123 45 67' },
      reason: 'Fel husnummer och namn',
    });
    expect(corrected).toMatchObject({
      description: 'Gatlampan utanför Storgatan 14 är släckt',
      location: { address: 'Storgatan 14' },
      citizen: { name: 'Rätt Namn', phone: '070-123 45 67' },
    });
    const correction = (await agent.timeline(created.id)).find((event) => event.type === 'correction');
    expect(correction).toMatchObject({
      reason: 'Fel husnummer och namn',
      data: {
        fields: ['description', 'location', 'citizen'],
        previousDescription: 'Gatlampan utanför Storgatan 12 är släckt',
        previousLocation: { address: 'Storgatan 12', postalCode: null, lat: null, lng: null },
      },
    });
    expect(JSON.stringify(correction)).not.toContain('Fel Namn');
    const blank = await agent.correctCase(created.id, { description: '   ' }).expectStatus(400);
    expect(blank.body.message).toEqual(['description must say something, not only spaces']);
  });

  it('shows in the callback list whom to call', async () => {
    const contact = await agent.logContact({
      channel: 'phone',
      summary: 'Vill bli uppringd om sophämtningen',
      outcome: 'callback_promised',
      citizen: { name: 'Maja Sand', phone: '070-765 43 21' },
    });
    const owed = (await agent.callbacks({ state: 'open' })).items.find((item) => item.contactId === contact.id);
    expect(owed?.citizen).toMatchObject({ name: 'Maja Sand', phone: '070-765 43 21' });
  });

  it('reads 261231+9802 as a person born in 1926', async () => {
    // 100 this calendar year (folkbokföringslagen 18 §): "+", though the birthday is still to come.
    const created = await agent.createCase({
      description: 'Fråga om färdtjänst',
      citizen: { personalNumber: '261231+9802' },
    });
    expect((await agent.getCase(created.id)).citizen).toMatchObject({ hasPersonalNumber: true });
  });

  it('measures a reply with LIX as a reader counts its sentences', async () => {
    const created = await agent.createCase({ description: 'Fråga om blankett', catalogCode: 'general_information' });
    // Skriv "klart." | Sedan är du färdig. -> 6 words, 2 sentences, no word over six letters: LIX 3.
    const reply = await agent.reply(created.id, 'Skriv "klart." Sedan är du färdig.');
    expect(reply.data).toMatchObject({ lix: 3 });
  });

  it('does not take the same street and number in another town for the same address', async () => {
    const inTown = await agent.createCase({
      description: 'Potthål på Storgatan',
      catalogCode: 'pothole',
      location: { address: 'Storgatan 12, 931 31 Skellefteå' },
    });
    const byTheSea = await agent.createCase({
      description: 'Potthål på Storgatan',
      catalogCode: 'pothole',
      location: { address: 'Storgatan 12, 932 31 Skelleftehamn' },
    });
    expect((await agent.getCase(byTheSea.id)).likelyDuplicateOfId).toBeNull();
    const again = await agent.createCase({
      description: 'Hål i gatan',
      catalogCode: 'pothole',
      location: { address: 'storgatan 12, 93131 Skellefteå' },
    });
    expect((await agent.getCase(again.id)).likelyDuplicateOfId).toBe(inTown.id);
  });

  describe('files in the encoding Swedish offices produce', () => {
    const header = 'externalId;receivedAt;departmentCode;catalogCode;channel;description;status';

    it('imports a CSV saved by Excel as Windows-1252 when the charset says so, å ä ö intact', async () => {
      const file = Buffer.from(
        `${header}\r\nW-1;2024-03-05T08:00:00Z;TEK;street_light;phone;Släckt lampa på Åvägen;new\r\n`,
        'latin1',
      );
      const result = await admin
        .send<{ imported: number }>('post', '/api/v1/import/cases', {
          body: file,
          contentType: 'text/csv; charset=windows-1252',
        })
        .expectStatus(200);
      expect(result.body).toMatchObject({ imported: 1 });
      const found = await admin.listCases({ text: 'Åvägen' });
      expect(found.items.map((item) => ('description' in item ? item.description : null))).toEqual([
        'Släckt lampa på Åvägen',
      ]);
    });

    it('refuses a file that is not valid UTF-8 when no charset is declared, naming the line, and imports nothing', async () => {
      const file = Buffer.from(
        `${header}\r\nW-2;2024-03-05T08:00:00Z;TEK;pothole;phone;Hål på Ängsvägen;new\r\n`,
        'latin1',
      );
      const refused = await admin
        .send('post', '/api/v1/import/cases', { body: file, contentType: 'text/csv' })
        .expectStatus(400);
      expect(refused.body.message).toEqual([
        'line 2: is not valid UTF-8; save the file as UTF-8, or send Content-Type with the charset it was saved in (e.g. text/csv; charset=windows-1252)',
      ]);
      expect((await admin.listCases({ text: 'ngsv' })).total).toBe(0);
    });

    it('names the line a person sees, a quoted line break in a field counting once', async () => {
      // Lines 2-3: one record whose description runs over a CRLF; line 4: a record with an unknown channel.
      const file = [
        header,
        'Q-1;2024-03-05T08:00:00Z;TEK;pothole;phone;"Hål i vägen\r\nvid skolan";new',
        'Q-2;2024-03-05T08:00:00Z;TEK;pothole;pigeon;Hål;new',
        '',
      ].join('\r\n');
      expect(await admin.importCases(file, 'text/csv')).toEqual({
        imported: 0,
        rejectedCount: 1,
        rejected: [
          { line: 4, errors: ['channel: must be one of phone, visit, email, web, letter, social, app; got "pigeon"'] },
        ],
      });
    });
  });

  describe("one time rule: the municipality's local time unless the text says otherwise", () => {
    it('reads a start without a zone as Stockholm time, and refuses a contact that would last 31 hours', async () => {
      const contact = await agent.logContact({
        channel: 'visit',
        summary: 'Frågade om bygglov för altan',
        outcome: 'answered',
        startedAt: '2026-11-30 09:00',
        endedAt: '2026-11-30 09:12',
      });
      // 09:00 in Stockholm in November (winter time, UTC+1) is 08:00 UTC.
      expect(contact).toMatchObject({
        startedAt: '2026-11-30T08:00:00.000Z',
        endedAt: '2026-11-30T08:12:00.000Z',
        durationSeconds: 720,
      });

      // The day before by mistake: 09:00 on the 29th to 16:00 on the 30th.
      const before = (await agent.contacts({ limit: 1 })).total;
      const refused = await agent
        .logContact({
          channel: 'phone',
          summary: 'Frågade om sophämtning',
          outcome: 'answered',
          startedAt: '2026-11-29 09:00',
          endedAt: '2026-11-30 16:00',
        })
        .expectStatus(400);
      expect(refused.body.message).toEqual([
        'endedAt: a phone contact lasts at most 4 hours; check the dates, and give endedAt when logging it later',
      ]);
      expect((await agent.contacts({ limit: 1 })).total).toBe(before);
    });

    it('refuses a blank description, reply or summary, naming the field, and takes no reference number', async () => {
      const first = await agent.createCase({
        description: 'Ett träd har blåst omkull i Stadsparken',
        catalogCode: 'fallen_tree',
      });
      const blank = await agent.createCase({ description: ' \t\n ', catalogCode: 'fallen_tree' }).expectStatus(400);
      expect(blank.body.message).toEqual(['description must say something, not only spaces']);
      const next = await agent.createCase({ description: 'Nedblåst gren på gångvägen', catalogCode: 'fallen_tree' });
      const [year, number] = first.reference.split('-');
      expect(next.reference).toBe(`${year}-${String(Number(number) + 1).padStart(number.length, '0')}`);

      const reply = await agent.reply(first.id, '   ').expectStatus(400);
      expect(reply.body.message).toEqual(['body must say something, not only spaces']);
      const summary = await agent
        .logContact({ channel: 'phone', summary: '  ', outcome: 'answered', startedAt: '2026-11-30 09:30' })
        .expectStatus(400);
      expect(summary.body.message).toEqual(['summary must say something, not only spaces']);
    });

    it('reads from=2026-11-30&to=2026-12-01 as that one Stockholm day on cases, contacts, calls and statistics', async () => {
      // Half past midnight on Monday in Stockholm is still Sunday 23:30 in UTC.
      const night = await agent.logContact({
        channel: 'phone',
        summary: 'Vattenläcka i källaren på Tallvägen 3',
        outcome: 'case_created',
        startedAt: '2026-11-30 00:30',
        endedAt: '2026-11-30 00:40',
      });
      expect(night.startedAt).toBe('2026-11-29T23:30:00.000Z');
      const nightCase = await agent.createCase({
        description: 'Vattenläcka i källaren på Tallvägen 3',
        catalogCode: 'water_leak',
        contactId: night.id,
      });
      // A call record without a zone, as a Swedish telephony export writes it: 00:20 local.
      expect(
        await admin.storeCalls([
          {
            callId: 'night-1',
            startedAt: '2026-11-30 00:20',
            queue: 'main',
            waitSeconds: 40,
            outcome: 'answered',
            talkSeconds: 600,
            callbackRequested: false,
          },
        ]),
      ).toMatchObject({ stored: 1, rejectedCount: 0 });

      const monday = { from: '2026-11-30', to: '2026-12-01' };
      const sunday = { from: '2026-11-29', to: '2026-11-30' };
      expect((await agent.listCases({ ...monday, text: 'Tallvägen' })).items.map((item) => item.id)).toEqual([
        nightCase.id,
      ]);
      expect((await agent.listCases({ ...sunday, text: 'Tallvägen' })).total).toBe(0);
      expect((await agent.contacts(monday)).items.map((item) => item.id)).toContain(night.id);
      expect((await agent.contacts(sunday)).total).toBe(0);
      expect((await manager.calls(monday)).items.map((call) => call.callId)).toEqual(['night-1']);
      expect((await manager.calls(sunday)).total).toBe(0);

      const received = async (period: { from: string; to: string }) =>
        (await manager.statistics('cases', period)).rows.reduce((sum, row) => sum + row.received, 0);
      const calls = async (period: { from: string; to: string }) =>
        (await manager.statistics('phone', period)).rows.reduce((sum, row) => sum + row.calls, 0);
      expect(await received(sunday)).toBe(0);
      expect(await received(monday)).toBe((await agent.listCases({ ...monday, limit: 1 })).total);
      expect(await calls(sunday)).toBe(0);
      expect(await calls(monday)).toBe(1);
    });
  });
});

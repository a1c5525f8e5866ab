import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CasePhoto } from '../src/e-service/entities/case-photo.entity';
import { Open311Client } from '../src/open311/entities/open311-client.entity';
import { Open311Photo } from '../src/open311/entities/open311-photo.entity';
import { Open311Request } from '../src/open311/entities/open311-request.entity';
import { RetentionRunJob } from '../src/privacy/retention-run.job';
import { CitizenRating } from '../src/ratings/entities/citizen-rating.entity';
import { caseSteps, logContact, OFFICE_HOURS } from './statistics-fixtures';
import { ApiClient } from './support/api-client';
import { ErrorBody, StatisticsQuery, StatisticsReports } from './support/api-types';
import { createTestApp, TestApp } from './support/test-app';

interface RetentionRunAnswer {
  id: number;
  trigger: string;
  casesAnonymised: number;
  caseTextsRedacted: number;
  contactsAnonymised: number;
  callbackNotesRedacted: number;
  messagesAnonymised: number;
  citizensDeleted: number;
  photosDeleted: number;
  ratingCommentsRemoved: number;
}

interface ExtractAnswer {
  lookedUpBy: string;
  citizenRecords: Array<{ name: string | null; email: string | null; personalNumberHeld: boolean }>;
  contacts: Array<{ id: string; summary: string | null }>;
  cases: Array<{
    reference: string;
    description: string;
    status: string;
    personalDataKeptUntil: string | null;
    texts: Array<{ type: string; text: string }>;
  }>;
  messages: Array<{ caseReference: string; kind: string }>;
  ratings: Array<{ about: string; treatment: number | null }>;
  files: Array<{ caseReference: string; kind: string; receivedAt: string; byteSize: number }>;
  processing: Array<{
    category: string;
    purposes: string;
    legalBasis: string;
    recipients: string;
    retention: string;
    source: string;
  }>;
  rights: string;
}

interface OutcomeItem {
  what: string;
  id: string;
  reason?: string;
}

/**
 * Retention (gallring) and the rights of the person, against the real database. Two people:
 * Lena Berg, with an old closed case A (street light), old open cases D and K (K confidential),
 * a recent closed case C, an old contact E answered on the spot and a recent one F; and Bo Ek,
 * with an old closed case B (pothole), an old closed case G of a type kept ten years (water
 * leak), and an old contact H. The run happens on 2026-06-01 under the rules: default 730 days
 * for cases, 90 for contacts; water_leak 3650 days. Due: A and B (closed February 2024), E and H
 * (ended 2024). Not due: C (closed May 2026), D and K (open), F (May 2026), G (ten years).
 */
describe('retention and the rights of the person (/api/v1/retention, /api/v1/privacy)', () => {
  let t: TestApp;
  let db: DataSource;
  let agent: ApiClient;
  let handler: ApiClient;
  let handlerVa: ApiClient;
  let manager: ApiClient;
  let admin: ApiClient;
  const ids: Record<string, string> = {};
  const refs: Record<string, string> = {};

  const lena = {
    name: 'Lena Berg',
    email: 'lena.berg@example.se',
    phone: '070-123 45 67',
    personalNumber: '19811218-9876',
    gender: 'female',
  };
  const bo = { name: 'Bo Ek', email: 'bo.ek@example.se', phone: '070-987 65 43', gender: 'male' };
  /** What must not be left anywhere on an anonymised case of Lena's. */
  const lenasData = ['Lena', 'Berg', 'lena.berg', '070-123 45 67', '0701234567', '811218', 'Storgatan 12'];
  const bosData = ['Bo Ek', 'bo.ek', '070-987 65 43', 'Ekvägen 3'];

  const rows = (sql: string) => db.query<Array<Record<string, unknown>>>(sql);
  const caseRow = async (name: string) => (await rows(`SELECT * FROM cases WHERE id = '${ids[name]}'`))[0];

  beforeAll(async () => {
    t = await createTestApp({ now: '2024-01-08T08:00:00Z' });
    db = t.app.get(DataSource);
    [agent, handler, handlerVa, manager, admin] = await ApiClient.loginAll(
      t,
      'agent@demo.local',
      'handler@demo.local',
      'handler.va@demo.local',
      'manager@demo.local',
      'admin@demo.local',
    );
    await admin.replaceCalendar(OFFICE_HOURS);
    const steps = caseSteps(t);
    const handle = async (name: string, staff: ApiClient, day: string, closeToo = true) => {
      await steps.routed(`${day}T09:05:00Z`, agent, ids[name]);
      await steps.act(`${day}T09:10:00Z`, staff, ids[name], 'claim');
      await steps.reply(
        `${day}T09:20:00Z`,
        staff,
        ids[name],
        `Hej ${name === 'B' ? 'Bo Ek' : 'Lena Berg'}, vi åtgärdar det.`,
      );
      await steps.act(`${day}T10:00:00Z`, staff, ids[name], 'resolve', {
        reason: `Åtgärdat; ${name === 'B' ? 'Bo Ek' : 'Lena Berg'} har fått besked.`,
      });
      if (closeToo) await steps.act(`${day}T11:00:00Z`, staff, ids[name], 'close');
    };

    ids.A = await steps.create('2024-02-05T09:00:00Z', agent, {
      catalogCode: 'street_light',
      channel: 'phone',
      citizen: lena,
      location: { address: 'Storgatan 12' },
      description:
        'Lena Berg ringde från 070-123 45 67 (pnr 811218-9876, lena.berg@example.se): gatlampan vid Storgatan 12 är trasig.',
    });
    await handle('A', handler, '2024-02-06');
    await handler.addNote(ids.A, 'Lena Berg vill bli uppringd på 070-123 45 67.');
    ids.B = await steps.create('2024-02-06T09:00:00Z', agent, {
      catalogCode: 'pothole',
      channel: 'email',
      citizen: bo,
      location: { address: 'Ekvägen 3' },
      description: 'Bo Ek (bo.ek@example.se) anmäler ett hål i vägen vid Ekvägen 3.',
    });
    await handle('B', handler, '2024-02-07');
    ids.G = await steps.create('2024-02-07T09:00:00Z', agent, {
      catalogCode: 'water_leak',
      citizen: bo,
      description: 'Bo Ek: läcka i vattenledningen, ring 070-987 65 43.',
    });
    await handle('G', handlerVa, '2024-02-08');
    ids.D = await steps.create('2024-03-04T09:00:00Z', agent, {
      catalogCode: 'pothole',
      citizen: lena,
      description: 'Lena Berg: gropar på gång- och cykelvägen.',
    });
    await steps.routed('2024-03-04T09:05:00Z', agent, ids.D);
    ids.K = await steps.create('2024-03-05T09:00:00Z', agent, {
      catalogCode: 'income_support',
      citizen: lena,
      description: 'Lena Berg ansöker om försörjningsstöd.',
    });
    await steps.routed('2024-03-05T09:05:00Z', agent, ids.K);
    t.setNow('2024-02-05T10:00:00Z');
    ids.E = await logContact(agent, {
      channel: 'phone',
      servicePointCode: 'PHONE',
      outcome: 'answered',
      citizen: lena,
      summary: 'Lena Berg frågade om sophämtningen; nås på 070-123 45 67.',
      startedAt: '2024-02-05T09:50:00Z',
      endedAt: '2024-02-05T09:55:00Z',
    });
    t.setNow('2024-02-07T10:00:00Z');
    ids.H = await logContact(agent, {
      channel: 'phone',
      servicePointCode: 'PHONE',
      outcome: 'message_taken',
      citizen: bo,
      summary: 'Bo Ek vill bli uppringd om bygglovet.',
      startedAt: '2024-02-07T09:50:00Z',
      endedAt: '2024-02-07T09:55:00Z',
    });
    t.setNow('2024-02-08T09:00:00Z');
    await agent.recordCallbackMade(ids.H);
    await manager.rate({ caseId: ids.A, ease: 4, treatment: 5, clarity: 4 });
    await agent.rate({ contactId: ids.E, ease: 5, treatment: 5 });
    await manager.rate({ caseId: ids.B, treatment: 2 });
    await admin.storeCalls([
      {
        callId: 'priv-1',
        startedAt: '2024-02-05T09:45:00Z',
        queue: 'main',
        waitSeconds: 40,
        outcome: 'answered',
        talkSeconds: 300,
        callbackRequested: false,
        directAnswer: true,
      },
    ]);

    ids.C = await steps.create('2026-05-04T09:00:00Z', agent, {
      catalogCode: 'street_light',
      citizen: lena,
      description: 'Lena Berg: lampan är trasig igen <script>alert(1)</script>.',
    });
    await handle('C', handler, '2026-05-05');
    t.setNow('2026-05-20T10:00:00Z');
    ids.F = await logContact(agent, {
      channel: 'visit',
      servicePointCode: 'DESK',
      outcome: 'answered',
      citizen: lena,
      summary: 'Lena Berg frågade om öppettiderna.',
      startedAt: '2026-05-20T09:50:00Z',
      endedAt: '2026-05-20T09:55:00Z',
    });
    for (const name of ['A', 'B', 'C', 'D', 'G', 'K']) refs[name] = (await admin.getCase(ids[name])).reference;
    t.setNow('2026-06-01T10:00:00Z');
  });
  afterAll(() => t.close());

  it('answers the built-in rules until an admin stores some, and lets only an admin replace them', async () => {
    const builtIn = await admin.send<{ policies: unknown[]; builtIn: boolean }>('get', '/api/v1/retention/policies');
    expect(builtIn).toEqual({
      builtIn: true,
      updatedAt: null,
      policies: [
        { caseRetentionDays: 730, contactRetentionDays: 90 },
        { kind: 'complaint', caseRetentionDays: 1825, contactRetentionDays: 90 },
        { kind: 'question', caseRetentionDays: 365, contactRetentionDays: 90 },
        { kind: 'callback', caseRetentionDays: 365, contactRetentionDays: 90 },
      ],
    });
    const rules = {
      policies: [
        { catalogCode: 'water_leak', caseRetentionDays: 3650, contactRetentionDays: 90 },
        { caseRetentionDays: 730, contactRetentionDays: 90 },
      ],
    };
    await manager.send('put', '/api/v1/retention/policies', { body: rules }).expectStatus(403);
    await manager.send('get', '/api/v1/retention/policies').expectStatus(403);
    await ApiClient.anonymous(t).send('get', '/api/v1/retention/policies').expectStatus(401);
    const bad = await admin
      .send<ErrorBody>('put', '/api/v1/retention/policies', {
        body: { policies: [{ catalogCode: 'no_such_type', caseRetentionDays: -1, contactRetentionDays: 90 }] },
      })
      .expectStatus(400);
    expect(bad.body.message).toEqual([
      'policies[0].catalogCode: "no_such_type" is not an entry of the service catalog',
      'policies[0].caseRetentionDays: expected a whole number of days from 1 to 36500',
    ]);
    expect((await admin.send<{ builtIn: boolean }>('get', '/api/v1/retention/policies')).builtIn).toBe(true);
    const stored = await admin.send('put', '/api/v1/retention/policies', { body: rules });
    expect(stored).toEqual({ builtIn: false, updatedAt: '2026-06-01T10:00:00.000Z', policies: rules.policies });
    expect(await admin.send('get', '/api/v1/retention/policies')).toEqual(stored);
  });

  it('gives an extract of everything held about Lena, and nothing about Bo, with what art. 15 asks', async () => {
    // A photo Lena sent with her open case D, from the e-service form.
    await db.getRepository(CasePhoto).insert({
      id: randomUUID(),
      caseId: ids.D,
      contentType: 'image/png',
      byteSize: 4,
      content: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      createdAt: new Date('2024-03-04T09:00:00Z'),
    });
    const extract = await admin.send<ExtractAnswer>('post', '/api/v1/privacy/extracts', {
      body: { personalNumber: '811218-9876' },
    });
    expect(extract.lookedUpBy).toBe('personalNumber');
    // One citizen record per registration: cases A, D, K, C and contacts E, F.
    expect(extract.citizenRecords).toHaveLength(6);
    expect(extract.citizenRecords.every((record) => record.name === 'Lena Berg' && record.personalNumberHeld)).toBe(
      true,
    );
    expect(extract.cases.map((found) => found.reference)).toEqual([refs.A, refs.D, refs.K, refs.C]);
    const caseA = extract.cases[0];
    expect(caseA.description).toContain('gatlampan vid Storgatan 12');
    expect(caseA.texts.map((text) => [text.type, text.text])).toEqual(
      expect.arrayContaining([
        ['reply', 'Hej Lena Berg, vi åtgärdar det.'],
        ['status', 'Åtgärdat; Lena Berg har fått besked.'],
        ['note', 'Lena Berg vill bli uppringd på 070-123 45 67.'],
      ]),
    );
    // Closed 2024-02-06 11:00Z, kept 730 days; D is open, so its time has not started.
    expect(caseA.personalDataKeptUntil).toBe('2026-02-05T11:00:00.000Z');
    expect(extract.cases[1]).toMatchObject({ reference: refs.D, personalDataKeptUntil: null });
    expect(extract.contacts.map((contact) => contact.id)).toEqual([ids.E, ids.F]);
    expect(extract.messages.length).toBeGreaterThan(0);
    expect(extract.files).toEqual([
      { caseReference: refs.D, kind: 'photo', receivedAt: '2024-03-04T09:00:00.000Z', byteSize: 4 },
    ]);
    expect([...new Set(extract.messages.map((message) => message.caseReference))]).toEqual(
      expect.arrayContaining([refs.A, refs.C, refs.D]),
    );
    expect(extract.ratings.map((rating) => rating.about).sort()).toEqual(['case', 'contact']);
    expect(extract.processing.map((entry) => entry.category)).toEqual([
      'citizen',
      'contacts',
      'cases',
      'messages',
      'ratings',
    ]);
    for (const entry of extract.processing)
      for (const field of ['purposes', 'legalBasis', 'recipients', 'retention', 'source'] as const)
        expect(entry[field].length).toBeGreaterThan(10);
    const text = JSON.stringify(extract);
    for (const about of [...bosData, refs.B, refs.G, ids.H]) expect(text).not.toContain(about);

    const byEmail = await admin.send<ExtractAnswer>('post', '/api/v1/privacy/extracts', {
      body: { email: 'LENA.berg@example.se' },
    });
    expect(byEmail.cases.map((found) => found.reference)).toEqual([refs.A, refs.D, refs.K, refs.C]);

    const page = await admin
      .send<string>('post', '/api/v1/privacy/extracts', {
        body: { phone: '0701234567' },
        headers: { Accept: 'text/html' },
      })
      .expectStatus(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('<h1>Register extract</h1>');
    expect(page.text).toContain(`Case ${refs.A}`);
    expect(page.text).toContain('Hej Lena Berg, vi åtgärdar det.');
    expect(page.text).not.toContain('Bo Ek');
    // What people wrote is shown as text, never as markup.
    expect(page.text).toContain('trasig igen &lt;script&gt;alert(1)&lt;/script&gt;.');
    expect(page.text).not.toContain('<script>');

    // Logged: who asked, how the person was found, counts; never the identifier itself.
    const log = await rows(`SELECT kind, looked_up_by, outcome FROM privacy_requests ORDER BY id`);
    expect(log.map((entry) => [entry.kind, entry.looked_up_by])).toEqual([
      ['extract', 'personalNumber'],
      ['extract', 'email'],
      ['extract', 'phone'],
    ]);
    expect(JSON.parse(log[0].outcome as string)).toEqual({
      citizens: 6,
      contacts: 2,
      cases: 4,
      messages: extract.messages.length,
      ratings: 2,
      files: 1,
    });
    expect(JSON.stringify(log)).not.toMatch(/lena|9876|0701234567/i);
    // The confidential case was read for each of the three extracts, and its access log says so.
    const reads = (await admin.accessLog(ids.K)).filter((read) => read.at === '2026-06-01T10:00:00.000Z');
    expect(reads.map((read) => read.access)).toEqual(['read', 'read', 'read']);
    expect(await admin.accessLog(ids.A)).toEqual([]);
  });

  it('refuses a request that names nobody or two ways, or a bad identifier, naming the field; only admins may ask', async () => {
    const ask = (body: object, staff = admin) => staff.send<ErrorBody>('post', '/api/v1/privacy/extracts', { body });
    expect((await ask({}).expectStatus(400)).body.message).toEqual([
      'personalNumber: give one of personalNumber, email or phone to find the person by',
    ]);
    expect((await ask({ email: 'lena.berg@example.se', phone: '0701234567' }).expectStatus(400)).body.message).toEqual([
      'phone: give only one of personalNumber, email or phone (email and phone were given)',
    ]);
    const badNumber = await ask({ personalNumber: '19811318-9876' }).expectStatus(400);
    expect(JSON.stringify(badNumber.body.message)).toContain('personalNumber');
    expect(JSON.stringify((await ask({ email: 'not an address' }).expectStatus(400)).body.message)).toContain('email');
    await ask({ email: 'lena.berg@example.se' }, manager).expectStatus(403);
    await ask({ email: 'lena.berg@example.se' }, handler).expectStatus(403);
    await manager
      .send('post', '/api/v1/privacy/erasures', { body: { email: 'lena.berg@example.se' } })
      .expectStatus(403);
    await agent.send('post', '/api/v1/retention/run').expectStatus(403);
    const noFields = await admin
      .send<ErrorBody>('post', '/api/v1/privacy/corrections', {
        body: { email: 'lena.berg@example.se', corrections: {} },
      })
      .expectStatus(400);
    expect(noFields.body.message).toEqual(['corrections: give at least one of name, email or phone']);
    expect((await rows(`SELECT id FROM privacy_requests WHERE kind <> 'extract'`)).length).toBe(0);
  });

  it('anonymises what is due and leaves every statistics figure as it was, and what is not due untouched', async () => {
    const period = { from: '2024-01-01', to: '2026-07-01' };
    const reports: Array<[keyof StatisticsReports, StatisticsQuery]> = [
      ...['department', 'channel', 'catalog', 'gender', 'month'].map(
        (groupBy) => ['cases', { ...period, groupBy }] as [keyof StatisticsReports, StatisticsQuery],
      ),
      ['backlog', {}],
      ['contacts', { ...period, groupBy: 'gender' }],
      ['contacts', { ...period, groupBy: 'channel' }],
      ['email-answers', { ...period, groupBy: 'gender' }],
      ['email-answers', { ...period, groupBy: 'department' }],
      ['phone', period],
      ['callbacks', { ...period, groupBy: 'gender' }],
      ['service-index', period],
      ['ratings', { ...period, groupBy: 'gender' }],
      ['ratings', { ...period, groupBy: 'department' }],
      ['comparison', { year: 2024 }],
      ['comparison', { year: 2026 }],
    ];
    const figures = async () => ({
      json: await Promise.all(reports.map(([name, query]) => admin.statistics(name, query))),
      csv: await admin.statisticsCsv('cases', { ...period, groupBy: 'gender', dialect: 'rfc4180' }),
    });
    const before = await figures();
    // The gender split counts Lena's case A and Bo's case B: the figures below must hold it.
    expect(JSON.stringify(before.json[3])).toContain('female');
    const untouched = async () => ({
      cases: await rows(`SELECT * FROM cases WHERE id IN ('${ids.C}', '${ids.D}', '${ids.G}', '${ids.K}') ORDER BY id`),
      events: await rows(
        `SELECT * FROM case_events WHERE case_id IN ('${ids.C}', '${ids.D}', '${ids.G}', '${ids.K}') ORDER BY id`,
      ),
      contacts: await rows(`SELECT * FROM contacts WHERE id = '${ids.F}'`),
      citizens: await rows(
        `SELECT * FROM citizens WHERE id IN (SELECT citizen_id FROM cases WHERE id IN ('${ids.C}', '${ids.D}', '${ids.G}', '${ids.K}') UNION SELECT citizen_id FROM contacts WHERE id = '${ids.F}') ORDER BY id`,
      ),
    });
    const notDueBefore = await untouched();
    expect(notDueBefore.citizens).toHaveLength(5);
    const dueCitizens = (
      await rows(
        `SELECT citizen_id FROM cases WHERE id IN ('${ids.A}', '${ids.B}') UNION SELECT citizen_id FROM contacts WHERE id IN ('${ids.E}', '${ids.H}')`,
      )
    ).map((row) => row.citizen_id as string);
    expect(dueCitizens).toHaveLength(4);
    const messagesOfDue = await rows(
      `SELECT id FROM notifications WHERE case_id IN ('${ids.A}', '${ids.B}') AND kind <> 'on_call'`,
    );
    const textsOfDue = await rows(
      `SELECT id FROM case_events WHERE case_id IN ('${ids.A}', '${ids.B}') AND (reason IS NOT NULL OR body IS NOT NULL)`,
    );

    // What the citizens' own channels keep beside a case: Lena's photo from the e-service form on
    // A and her survey comment, Bo's app details and photo from Open311 on B; C keeps its photo.
    const photo = (caseId: string) => ({
      id: randomUUID(),
      caseId,
      contentType: 'image/jpeg',
      byteSize: 3,
      content: Buffer.from([0xff, 0xd8, 0xff]),
      createdAt: new Date('2024-02-05T09:00:00Z'),
    });
    await db.getRepository(CasePhoto).insert([photo(ids.A), photo(ids.C)]);
    const app = { id: randomUUID(), name: 'Felanmälan-appen', keyHash: 'x'.repeat(64), createdById: null };
    await db.getRepository(Open311Client).insert({ ...app, createdAt: new Date(), revokedAt: null });
    await db.getRepository(Open311Request).insert({
      caseId: ids.B,
      clientId: app.id,
      token: 'token-of-b',
      deviceId: 'bo-eks-telefon',
      accountId: 'bo.ek',
      addressId: null,
      mediaUrl: 'https://example.se/bo-ek.jpg',
      attributes: { NAMN: 'Bo Ek' },
      createdAt: new Date('2024-02-06T09:00:00Z'),
    });
    await db.getRepository(Open311Photo).insert({
      caseId: ids.B,
      contentType: 'image/jpeg',
      sizeBytes: 3,
      bytes: Buffer.from([0xff, 0xd8, 0xff]),
      createdAt: new Date('2024-02-06T09:00:00Z'),
    });
    await db.getRepository(CitizenRating).update({ caseId: ids.A }, { comment: 'Lena Berg tycker att det gick bra' });

    const run = await admin.send<RetentionRunAnswer>('post', '/api/v1/retention/run').expectStatus(200);
    expect(run.body).toMatchObject({
      trigger: 'admin',
      photosDeleted: 2,
      ratingCommentsRemoved: 1,
      casesAnonymised: 2,
      caseTextsRedacted: 2 + textsOfDue.length,
      contactsAnonymised: 2,
      callbackNotesRedacted: 0,
      messagesAnonymised: messagesOfDue.length,
      citizensDeleted: 4,
    });

    const after = await figures();
    expect(after.json).toEqual(before.json);
    expect(after.csv).toEqual(before.csv);
    expect(await untouched()).toEqual(notDueBefore);

    for (const [name, personal, gender] of [
      ['A', lenasData, 'female'],
      ['B', bosData, 'male'],
    ] as const) {
      const row = await caseRow(name);
      expect(row).toMatchObject({
        citizen_id: null,
        address: null,
        postal_code: null,
        lat: null,
        lng: null,
        citizen_gender: gender,
      });
      expect(row.anonymised_at).not.toBeNull();
      const texts = await rows(`SELECT reason, body, data FROM case_events WHERE case_id = '${ids[name]}'`);
      const held = JSON.stringify([row.description, texts]);
      for (const data of personal) expect(held).not.toContain(data);
    }
    expect((await caseRow('A')).description).toBe(
      '[namn] ringde från [telefon] (pnr [personnummer], [e-post]): gatlampan vid [adress] är trasig.',
    );
    const contacts = await rows(
      `SELECT citizen_id, summary, gender FROM contacts WHERE id IN ('${ids.E}', '${ids.H}') ORDER BY started_at`,
    );
    expect(contacts).toEqual([
      { citizen_id: null, summary: '[namn] frågade om sophämtningen; nås på [telefon].', gender: 'female' },
      { citizen_id: null, summary: '[namn] vill bli uppringd om bygglovet.', gender: 'male' },
    ]);
    expect(
      await rows(`SELECT id FROM citizens WHERE id IN (${dueCitizens.map((id) => `'${id}'`).join(', ')})`),
    ).toEqual([]);
    const messages = await rows(
      `SELECT citizen_id, recipient_masked, last_error FROM notifications WHERE case_id IN ('${ids.A}', '${ids.B}') AND kind <> 'on_call'`,
    );
    expect(messages.every((message) => !message.citizen_id && !message.recipient_masked && !message.last_error)).toBe(
      true,
    );
    expect((await db.getRepository(CasePhoto).findBy({})).map((kept) => kept.caseId).sort()).toEqual(
      [ids.C, ids.D].sort(),
    );
    expect(await db.getRepository(Open311Photo).findBy({})).toEqual([]);
    expect(await db.getRepository(Open311Request).findOneBy({ caseId: ids.B })).toMatchObject({
      token: 'token-of-b',
      deviceId: null,
      accountId: null,
      mediaUrl: null,
      attributes: null,
    });
    expect(await db.getRepository(CitizenRating).findOneBy({ caseId: ids.A })).toMatchObject({
      comment: null,
      ease: 4,
      treatment: 5,
    });
    const stored = await rows(`SELECT "trigger", counts FROM retention_runs`);
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0].counts as string)).toMatchObject({ casesAnonymised: 2, citizensDeleted: 4 });
  });

  it('finds nothing more to do on a second run', async () => {
    expect(await admin.send('post', '/api/v1/retention/run')).toMatchObject({
      casesAnonymised: 0,
      contactsAnonymised: 0,
      citizensDeleted: 0,
    });
  });

  it('runs once a night from the queue, and writes the next night’s job with its record', async () => {
    const job = t.app.get(RetentionRunJob);
    await job.run({
      id: 'retention:2026-06-02',
      name: 'retention-run',
      data: { scheduledFor: '2026-06-02' },
      attemptsMade: 0,
    });
    await job.run({
      id: 'retention:2026-06-02',
      name: 'retention-run',
      data: { scheduledFor: '2026-06-02' },
      attemptsMade: 0,
    });
    expect(await rows(`SELECT "trigger", scheduled_for FROM retention_runs WHERE scheduled_for IS NOT NULL`)).toEqual([
      { trigger: 'schedule', scheduled_for: '2026-06-02' },
    ]);
    expect(
      (await rows(`SELECT job_key FROM outbox WHERE job_key LIKE 'retention:%'`)).map((row) => row.job_key),
    ).toEqual(['retention:2026-06-03']);
  });

  it('lists the runs done, newest first, with their counts, to admins only', async () => {
    const runs = await admin.send<{ items: RetentionRunAnswer[]; total: number }>('get', '/api/v1/retention/runs', {
      query: { limit: 2 },
    });
    expect(runs.total).toBe(3);
    expect(runs.items.map((run) => [run.trigger, run.casesAnonymised])).toEqual([
      ['schedule', 0],
      ['admin', 0],
    ]);
    const first = await admin.send<{ items: RetentionRunAnswer[] }>('get', '/api/v1/retention/runs', {
      query: { offset: 2 },
    });
    expect(first.items).toEqual([
      expect.objectContaining({ trigger: 'admin', casesAnonymised: 2, citizensDeleted: 4 }),
    ]);
    await manager.send('get', '/api/v1/retention/runs').expectStatus(403);
    const bad = await admin.send<ErrorBody>('get', '/api/v1/retention/runs', { query: { limit: 0 } }).expectStatus(400);
    expect(JSON.stringify(bad.body.message)).toContain('limit');
  });

  it('erases what no retention obligation keeps, and says what it kept and why', async () => {
    const citizenOfC = (await caseRow('C')).citizen_id as string;
    const citizensOfKept = (
      await rows(`SELECT citizen_id FROM cases WHERE id IN ('${ids.C}', '${ids.D}', '${ids.K}')`)
    ).map((row) => row.citizen_id as string);
    const outcome = await admin.send<{ erased: OutcomeItem[]; kept: OutcomeItem[] }>(
      'post',
      '/api/v1/privacy/erasures',
      {
        body: { personalNumber: '198112189876' },
      },
    );
    expect(outcome.erased.filter((item) => item.what !== 'citizen')).toEqual([{ what: 'contact', id: ids.F }]);
    expect(outcome.erased.filter((item) => item.what === 'citizen')).toHaveLength(1);
    expect(outcome.kept).toEqual(
      expect.arrayContaining([
        {
          what: 'case',
          id: refs.D,
          reason: expect.stringContaining('still being handled') as string,
        },
        {
          what: 'case',
          id: refs.K,
          reason: expect.stringContaining('still being handled') as string,
        },
        {
          what: 'case',
          id: refs.C,
          reason: expect.stringContaining('until 2028-05-04') as string,
        },
        ...citizensOfKept.map((id) => ({
          what: 'citizen',
          id,
          reason: expect.stringContaining('Needed by the cases kept') as string,
        })),
      ]),
    );
    expect(outcome.kept).toHaveLength(6);
    expect(await rows(`SELECT citizen_id, summary FROM contacts WHERE id = '${ids.F}'`)).toEqual([
      { citizen_id: null, summary: '[namn] frågade om öppettiderna.' },
    ]);
    expect((await caseRow('C')).citizen_id).toBe(citizenOfC);
  });

  it('corrects the details of every record of the person, and keeps the case texts as written', async () => {
    const outcome = await admin.send<{ corrected: OutcomeItem[]; fields: string[]; kept: OutcomeItem[] }>(
      'post',
      '/api/v1/privacy/corrections',
      { body: { email: 'lena.berg@example.se', corrections: { phone: '070-765 43 21' } } },
    );
    expect(outcome.fields).toEqual(['phone']);
    expect(outcome.corrected).toHaveLength(3);
    expect(outcome.kept.map((item) => item.id).sort()).toEqual([refs.C, refs.D, refs.K].sort());
    const phones = await rows(
      `SELECT phone FROM citizens WHERE id IN (SELECT citizen_id FROM cases WHERE id IN ('${ids.C}', '${ids.D}', '${ids.K}'))`,
    );
    expect(phones).toEqual([1, 2, 3].map(() => ({ phone: '070-765 43 21' })));
    const log = await rows(`SELECT kind FROM privacy_requests WHERE kind <> 'extract' ORDER BY id`);
    expect(log.map((entry) => entry.kind)).toEqual(['erasure', 'correction']);
  });
});

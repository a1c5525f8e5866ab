import { ApiClient } from './support/api-client';
import { CreatedCase, NewCase } from './support/api-types';
import { eventually } from './support/eventually';
import { createTestApp, TestApp } from './support/test-app';

interface RegisterItem {
  reference: string;
  receivedAt: string;
  caseType: string | null;
  caseTypeName: string | null;
  department: string | null;
  departmentName: string | null;
  status: string;
  summary: string | null;
  confidential: boolean;
}
interface RegisterPage {
  items: RegisterItem[];
  page: number;
  pageSize: number;
  total: number;
}
interface RegisterEntry {
  reference: string;
  withheld: boolean;
  publishAfter: string;
  publishedAt: string | null;
  upToDate: boolean;
  publishedSummary: string | null;
  editedSummary: string | null;
}

/** A local date in Stockholm, `days` from today. */
function localDate(days = 0): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(Date.now() + days * 86_400_000);
}

describe('the public case register', () => {
  let t: TestApp;
  let agent: ApiClient;
  let tek: ApiClient;
  let soc: ApiClient;
  let admin: ApiClient;
  let nobody: ApiClient;
  let personal: CreatedCase;
  let secret: CreatedCase;
  let existenceOnly: CreatedCase;

  const register = (query: Record<string, string | number> = {}) =>
    nobody.send<RegisterPage>('get', '/public/v1/register', { query: { pageSize: 100, ...query } });
  const refusal = async (query: Record<string, string | number>) =>
    (await nobody.send('get', '/public/v1/register', { query }).expectStatus(400)).body;
  const entry = (staff: ApiClient, reference: string) =>
    staff.send<RegisterEntry>('get', `/api/v1/register/entries/${reference}`);
  const edit = (staff: ApiClient, reference: string, body: Record<string, unknown>, status = 200) =>
    staff.send<RegisterEntry>('patch', `/api/v1/register/entries/${reference}`, { body, status });
  const published = (reference: string, check: (item: RegisterItem) => boolean = () => true) =>
    eventually(async () => {
      const item = (await register()).items.find((candidate) => candidate.reference === reference);
      return item && check(item) ? item : undefined;
    }, `${reference} in the public register`);
  const registerPage = async (query = '') => {
    const response = await nobody.send('get', `/register${query}`).response();
    return { status: response.status, html: response.text, headers: response.headers };
  };

  beforeAll(async () => {
    t = await createTestApp({ runJobs: true });
    [agent, tek, soc, admin] = await ApiClient.loginAll(
      t,
      'agent@demo.local',
      'handler@demo.local',
      'handler.soc@demo.local',
      'admin@demo.local',
    );
    nobody = ApiClient.anonymous(t);
    for (const [code, delayHours, publishes] of [
      ['street_light', 0, 'summary'],
      ['income_support', 0, 'summary'],
      ['graffiti', 0, 'existence'],
      ['pothole', 48, 'summary'],
    ] as const) {
      await admin.send('put', `/api/v1/register/rules/${code}`, { body: { delayHours, publishes } });
    }
    const create = (body: NewCase) => agent.createCase(body);
    personal = await create({
      description:
        'Gatlyktan utanför Björkvägen 7 är släckt sedan en vecka. Ring mig på 070-123 45 67 eller mejla ' +
        'lena.berg@example.se. Mitt personnummer är 19811218-9876. Hälsningar Lena Berg',
      catalogCode: 'street_light',
      citizen: { name: 'Lena Berg', email: 'lena.berg@example.se', phone: '0701234567' },
      location: { address: 'Björkvägen 7' },
    });
    secret = await create({
      description: 'Behöver hjälp med hyran, har blivit uppsagd från jobbet',
      catalogCode: 'income_support',
      citizen: { name: 'Karl Ek' },
    });
    existenceOnly = await create({ description: 'Klotter på skolans gavel mot Ekvägen', catalogCode: 'graffiti' });
  });
  afterAll(() => t.close());

  it('publishes a case’s description with its personal data replaced by markers, without sign-in', async () => {
    const item = await published(personal.reference);
    expect(item).toMatchObject({
      reference: personal.reference,
      caseType: 'street_light',
      caseTypeName: 'Gatubelysning ur funktion',
      department: 'TEK',
      departmentName: 'Tekniska förvaltningen',
      confidential: false,
      summary:
        'Gatlyktan utanför [adress] är släckt sedan en vecka. Ring mig på [telefon] eller mejla [e-post]. ' +
        'Mitt personnummer är [personnummer]. Hälsningar [namn]',
    });
    const everything = JSON.stringify(await register());
    for (const personalData of [
      'Lena',
      'Berg',
      '070-123',
      '0701234567',
      '123 45 67',
      'example.se',
      '9876',
      'Björkvägen',
    ])
      expect(everything).not.toContain(personalData);
    const { status, html } = await registerPage();
    expect(status).toBe(200);
    expect(html).toContain(personal.reference);
    expect(html).toContain('Ring mig på [telefon] eller mejla [e-post]');
    for (const personalData of ['Lena', 'Berg', '070-123', 'example.se', '9876', 'Björkvägen'])
      expect(html).not.toContain(personalData);
  });

  it('shows a confidential case by its reference, date and department only, with the language’s word for it', async () => {
    const item = await published(secret.reference);
    expect(item).toEqual({
      reference: secret.reference,
      receivedAt: item.receivedAt,
      caseType: null,
      caseTypeName: 'Sekretess',
      department: 'SOC',
      departmentName: 'Socialförvaltningen',
      status: item.status,
      summary: 'Sekretess',
      confidential: true,
    });
    expect(['received', 'in_progress']).toContain(item.status);
    const inEnglish = (await register({ lang: 'en' })).items.find((other) => other.reference === secret.reference);
    expect(inEnglish).toMatchObject({ caseTypeName: 'Confidential', summary: 'Confidential' });
    expect((await register({ lang: 'da' })).items.find((other) => other.reference === secret.reference)).toMatchObject({
      summary: 'Fortroligt',
    });
    // Neither its type nor its words find it: that would tell what it is about.
    expect((await register({ caseType: 'income_support' })).total).toBe(0);
    expect((await register({ q: 'hyran' })).total).toBe(0);
    expect(JSON.stringify(await register())).not.toMatch(/hyran|uppsagd|Karl|Ek\b/);
    const { html } = await registerPage('?lang=sv');
    expect(html).toContain(secret.reference);
    expect(html).toContain('Sekretess');
    expect(html).not.toMatch(/hyran|uppsagd|Karl Ek|Ekonomiskt bistånd/);
    expect((await registerPage('?lang=en')).html).toContain('Confidential');
  });

  it('publishes only the existence of a type whose rule says so', async () => {
    expect(await published(existenceOnly.reference)).toMatchObject({
      caseType: 'graffiti',
      caseTypeName: 'Klotter',
      summary: null,
      confidential: false,
    });
    expect((await register({ q: 'klotter' })).total).toBe(0);
  });

  it('lets the owning department’s handler withhold a case or edit its summary before it is published', async () => {
    const withheld = await agent.createCase({ description: 'Hål i gatan vid Ekvägen 3', catalogCode: 'pothole' });
    const edited = await agent.createCase({
      description: 'Stort hål i asfalten, ring Per på 08-123 456 78',
      catalogCode: 'pothole',
    });
    const planned = await entry(tek, edited.reference);
    expect(planned).toMatchObject({ publishedAt: null, withheld: false, publishedSummary: null });
    const receivedAt = (await agent.getCase(edited.id)).receivedAt;
    expect(new Date(planned.publishAfter).getTime() - new Date(receivedAt).getTime()).toBe(48 * 3_600_000);

    // Only the handlers of the owning department (and managers, admins) decide about the entry.
    await edit(agent, edited.reference, { withheld: true }, 403).expectStatus(403);
    await edit(soc, edited.reference, { withheld: true }, 403).expectStatus(403);
    const nothing = (await edit(tek, edited.reference, {}, 400).expectStatus(400)).body;
    expect(JSON.stringify(nothing.message)).toContain('withheld');
    const blank = (await edit(tek, edited.reference, { summary: '  ' }, 400).expectStatus(400)).body;
    expect(JSON.stringify(blank.message)).toContain('summary');

    expect(await edit(tek, withheld.reference, { withheld: true })).toMatchObject({ withheld: true });
    expect(
      await edit(tek, edited.reference, { summary: 'Hål i vägbanan vid skolan, ring Per Holm på 070-765 43 21' }),
    ).toMatchObject({ editedSummary: 'Hål i vägbanan vid skolan, ring Per Holm på 070-765 43 21', publishedAt: null });
    expect((await register({ caseType: 'pothole' })).total).toBe(0);

    // The delay is shortened: both are due now; the edited one is published, redacted; the withheld one is not.
    await admin.send('put', '/api/v1/register/rules/pothole', { body: { delayHours: 0, publishes: 'summary' } });
    expect((await published(edited.reference)).summary).toBe('Hål i vägbanan vid skolan, ring Per Holm på [telefon]');
    expect(await entry(tek, withheld.reference)).toMatchObject({ withheld: true, publishedAt: null });
    expect((await register({ caseType: 'pothole' })).items.map((item) => item.reference)).toEqual([edited.reference]);

    // Let in again, and an edit after publication, both published at once.
    await edit(tek, withheld.reference, { withheld: false });
    expect((await published(withheld.reference)).summary).toBe('Hål i gatan vid Ekvägen 3');
    await edit(tek, edited.reference, { summary: 'Hål i vägbanan vid skolan' });
    await published(edited.reference, (item) => item.summary === 'Hål i vägbanan vid skolan');
    // Withheld after publication: gone from the register.
    await edit(tek, withheld.reference, { withheld: true });
    expect((await register()).items.map((item) => item.reference)).not.toContain(withheld.reference);
    expect((await registerPage()).html).not.toContain(withheld.reference);
  });

  it('lets admins alone set the publication rules, refusing a bad one naming the field', async () => {
    await tek
      .send('put', '/api/v1/register/rules/street_light', { body: { delayHours: 1, publishes: 'summary' } })
      .expectStatus(403);
    const bad = (
      await admin
        .send('put', '/api/v1/register/rules/street_light', { body: { delayHours: -1, publishes: 'everything' } })
        .expectStatus(400)
    ).body;
    expect(JSON.stringify(bad.message)).toMatch(/delayHours.*publishes|publishes.*delayHours/);
    await admin
      .send('put', '/api/v1/register/rules/no_such_type', { body: { delayHours: 1, publishes: 'summary' } })
      .expectStatus(404);
    const rules = await tek.send<Array<{ catalogCode: string; delayHours: number; isDefault: boolean }>>(
      'get',
      '/api/v1/register/rules',
    );
    expect(rules.find((rule) => rule.catalogCode === 'graffiti')).toEqual({
      catalogCode: 'graffiti',
      delayHours: 0,
      publishes: 'existence',
      isDefault: false,
    });
    expect(rules.find((rule) => rule.catalogCode === 'gritting')).toMatchObject({ delayHours: 24, isDefault: true });
  });

  it('filters by date, department, type and the published words, and pages newest first', async () => {
    const lamps: CreatedCase[] = [];
    for (const place of ['Kastanjeallén', 'Lindallén', 'Ekallén']) {
      lamps.push(await agent.createCase({ description: `Trasig lykta i ${place}`, catalogCode: 'street_light' }));
    }
    for (const lamp of lamps) await published(lamp.reference);
    const all = await register();
    const newestFirst = [...all.items].sort(
      (a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.reference.localeCompare(a.reference),
    );
    expect(all.items).toEqual(newestFirst);
    expect(all.total).toBe(all.items.length);

    const first = await register({ pageSize: 2, page: 1 });
    const second = await register({ pageSize: 2, page: 2 });
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: all.total });
    expect([...first.items, ...second.items].map((item) => item.reference)).toEqual(
      all.items.slice(0, 4).map((item) => item.reference),
    );

    expect((await register({ q: 'TRASIG ekallén' })).items.map((item) => item.reference)).toEqual([lamps[2].reference]);
    expect((await register({ q: 'trasig' })).total).toBe(3);
    expect((await register({ q: '100%' })).total).toBe(0);
    expect((await register({ caseType: 'street_light' })).total).toBe(4);
    expect((await register({ department: 'SOC' })).items.map((item) => item.reference)).toEqual([secret.reference]);
    expect((await register({ from: localDate(0), to: localDate(0) })).total).toBe(all.total);
    expect((await register({ from: localDate(1) })).total).toBe(0);
    expect((await register({ to: localDate(-1) })).total).toBe(0);

    const { html } = await registerPage('?q=ekall%C3%A9n&pageSize=2&lang=en');
    expect(html).toContain(lamps[2].reference);
    expect(html).not.toContain(lamps[0].reference);
    const paged = await registerPage('?page=2&lang=en');
    expect(paged.status).toBe(200);
  });

  it('takes a published text down at once when its case becomes confidential', async () => {
    const moved = await agent.createCase({
      description: 'Grannen Nils Ek bråkar om hyran och lampan',
      catalogCode: 'street_light',
    });
    expect((await published(moved.reference)).summary).toBe('Grannen Nils Ek bråkar om hyran och lampan');
    await eventually(async () => ((await agent.getCase(moved.id)).status === 'routed' ? true : undefined), 'routing');
    await tek.act(moved.id, 'return', { reason: 'Gäller ekonomiskt bistånd' });
    await agent.act(moved.id, 'triage', { catalogCode: 'income_support' });
    const item = (await register()).items.find((other) => other.reference === moved.reference);
    expect(item).toMatchObject({ confidential: true, caseType: null, department: 'SOC', summary: 'Sekretess' });
    expect(JSON.stringify(await register())).not.toContain('Nils');
    expect((await registerPage()).html).not.toContain('Nils');
  });

  it('refuses a bad filter with 400 naming the field, on the page too', async () => {
    expect(JSON.stringify((await refusal({ from: '2026-13-45' })).message)).toContain('from');
    expect(JSON.stringify((await refusal({ from: '1 mars' })).message)).toContain('from');
    expect(JSON.stringify((await refusal({ from: '2026-03-10', to: '2026-03-01' })).message)).toContain('to');
    expect(JSON.stringify((await refusal({ department: 'NOPE' })).message)).toContain('department');
    expect(JSON.stringify((await refusal({ caseType: 'Not a code' })).message)).toContain('caseType');
    expect(JSON.stringify((await refusal({ page: 0 })).message)).toContain('page');
    expect(JSON.stringify((await refusal({ pageSize: 500 })).message)).toContain('pageSize');
    expect(JSON.stringify((await refusal({ lang: 'fi' })).message)).toContain('lang');
    const page = await registerPage('?from=2026-13-45&department=NOPE&lang=en');
    expect(page.status).toBe(400);
    expect(page.html).toContain('Enter a date like 2026-03-01');
    expect(page.html).toContain('href="#from"');
    expect(page.html).toContain('Choose a department from the list');
  });

  it('serves the page in the console’s stack, under its content security policy, without staff navigation', async () => {
    const { status, html, headers } = await registerPage('?lang=da');
    expect(status).toBe(200);
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(html).toContain('<html lang="da"');
    expect(html).toContain('Kommunens sagsregister');
    expect(html).toContain('method="get" action="/register"');
    for (const staffOnly of ['href="/desk"', 'href="/inbox"', '/logout']) expect(html).not.toContain(staffOnly);
  });

  it('enters imported history in the register at once, redacted, and a confidential type by its existence only', async () => {
    const line = (externalId: string, catalogCode: string, departmentCode: string, description: string) =>
      JSON.stringify({
        externalId,
        receivedAt: '2025-03-03T09:00:00Z',
        resolvedAt: '2025-03-04T09:00:00Z',
        departmentCode,
        catalogCode,
        channel: 'phone',
        description,
        status: 'resolved',
      });
    const file = [
      line('HIST-1', 'street_light', 'TEK', 'Lampan vid Storgatan är släckt, ring 070-765 43 21'),
      line('HIST-2', 'income_support', 'SOC', 'Ansökan om försörjningsstöd från Per Holm'),
    ].join('\n');
    expect((await admin.importCases(`${file}\n`)).imported).toBe(2);
    const items = (await register({ from: '2025-03-01', to: '2025-03-31' })).items;
    expect(items.sort((a, b) => (a.department ?? '').localeCompare(b.department ?? ''))).toEqual([
      expect.objectContaining({ department: 'SOC', caseType: null, confidential: true, summary: 'Sekretess' }),
      expect.objectContaining({
        department: 'TEK',
        caseType: 'street_light',
        status: 'resolved',
        summary: 'Lampan vid Storgatan är släckt, ring [telefon]',
      }),
    ]);
    expect(JSON.stringify(items)).not.toContain('Per Holm');
  });
});

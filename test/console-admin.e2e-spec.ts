import request from 'supertest';
import { ApiClient } from './support/api-client';
import { ConsoleSession, csrfOf, signedIn } from './support/console-session';
import { eventually } from './support/eventually';
import { createTestApp, TestApp } from './support/test-app';

/** Sends a form as a browser does (URL-encoded), with the session's anti-forgery token unless told otherwise. */
function submit(
  session: ConsoleSession,
  path: string,
  fields: Record<string, string | string[]>,
  token: string | null = session.csrf,
): request.Test {
  return session.agent
    .post(path)
    .type('form')
    .send({ ...(token === null ? {} : { _csrf: token }), ...fields });
}

/** A refused form names the field: in the error summary (a link to it) and beside it (GOV.UK's `<id>-error`). */
function expectFieldNamed(html: string, field: string): void {
  expect(html).toContain(`href="#${field}"`);
  expect(html).toContain(`id="${field}-error"`);
}

/**
 * The administration pages over HTTP, on both databases: each form changes what the API then
 * shows; bad input is a 400 naming the field and changes nothing; a form without its token is
 * 403; every page and form is for admins alone.
 */
describe('the console administration pages', () => {
  let t: TestApp;
  let admin: ConsoleSession;
  let api: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
    admin = await signedIn(t, 'admin@demo.local');
    api = await ApiClient.login(t, 'admin@demo.local');
  });
  afterAll(() => t.close());

  const PAGES = [
    '/admin',
    '/admin/departments',
    '/admin/departments/TEK',
    '/admin/staff',
    '/admin/catalog',
    '/admin/catalog/street_light',
    '/admin/calendar',
    '/admin/service-targets',
    '/admin/routing',
    '/admin/webhooks',
    '/admin/webhooks/TEK',
  ];
  const FORMS = [
    '/admin/departments',
    '/admin/departments/TEK',
    '/admin/staff',
    '/admin/catalog',
    '/admin/catalog/street_light',
    '/admin/calendar',
    '/admin/service-targets',
    '/admin/routing/overrides',
    '/admin/routing/area-rules',
    '/admin/webhooks/TEK',
  ];

  it('shows the landing page with every section and the queue dashboard, and each section, to an admin', async () => {
    const landing = await admin.agent.get('/admin?lang=en').expect(200);
    for (const section of ['departments', 'staff', 'catalog', 'calendar', 'service-targets', 'routing', 'webhooks'])
      expect(landing.text).toContain(`href="/admin/${section}"`);
    expect(landing.text).toContain('href="/admin/queues"');
    for (const path of PAGES) await admin.agent.get(path).expect(200);
    // The queue dashboard's link works with the console's session (the in-process queue's summary here).
    const queues = await admin.agent.get('/admin/queues').expect(200);
    expect(queues.body).toHaveProperty('failedJobs');
  });

  it('refuses every page and form to an agent, a handler and a manager with 403, and sends a stranger to sign in', async () => {
    for (const email of ['agent@demo.local', 'handler@demo.local', 'manager@demo.local']) {
      const other = await signedIn(t, email);
      for (const path of PAGES) expect([email, path, (await other.agent.get(path)).status]).toEqual([email, path, 403]);
      for (const path of FORMS)
        expect([email, path, (await submit(other, path, { code: 'X' })).status]).toEqual([email, path, 403]);
      await other.agent.get('/admin/queues').expect(403);
    }
    await t.http().get('/admin/staff').expect(303).expect('Location', '/login?returnTo=%2Fadmin%2Fstaff');
  });

  it('refuses every form sent without its anti-forgery token with 403, changing nothing', async () => {
    const departments = await api.departments();
    for (const path of FORMS)
      expect([path, (await submit(admin, path, { code: 'NOTOKEN', name: 'Utan token' }, null)).status]).toEqual([
        path,
        403,
      ]);
    expect(await api.departments()).toEqual(departments);
  });

  it('adds and renames a department as the API would, and names the field of a bad code or name, or a code taken', async () => {
    await submit(admin, '/admin/departments', { code: 'KOM', name: 'Kommunikationsavdelningen' })
      .expect(303)
      .expect('Location', '/admin/departments?done=created&subject=KOM');
    expect(await api.department('KOM')).toMatchObject({ code: 'KOM', name: 'Kommunikationsavdelningen' });
    expect((await admin.agent.get('/admin/departments?done=created&subject=KOM&lang=en')).text).toContain(
      'Department KOM is added.',
    );

    await submit(admin, '/admin/departments/KOM', { name: 'Kommunikation och service' })
      .expect(303)
      .expect('Location', '/admin/departments?done=renamed&subject=KOM');
    expect(await api.department('KOM')).toMatchObject({ code: 'KOM', name: 'Kommunikation och service' });

    const before = await api.departments();
    expectFieldNamed((await submit(admin, '/admin/departments/KOM', { name: '  ' }).expect(400)).text, 'name');
    await submit(admin, '/admin/departments/NOPE', { name: 'Finns inte' }).expect(404);
    const bad = await submit(admin, '/admin/departments', { code: 'kom 2', name: 'Fel kod' }).expect(400);
    expectFieldNamed(bad.text, 'code');
    expect(bad.text).toContain('value="Fel kod"');
    const taken = await submit(admin, '/admin/departments', { code: 'TEK', name: 'Andra tekniska' }).expect(409);
    expectFieldNamed(taken.text, 'code');
    expect(await api.departments()).toEqual(before);
  });

  it('creates a staff account, deactivates and reactivates it, and gives it a new password, as the API would', async () => {
    await submit(admin, '/admin/staff', {
      name: 'Petra Park',
      email: 'petra.park@demo.local',
      role: 'handler',
      departmentCodes: ['TEK', 'VA'],
      password: 'parkbänk-2026',
    })
      .expect(303)
      .expect('Location', '/admin/staff?done=created');
    const petra = (await api.staffUsers()).find((user) => user.email === 'petra.park@demo.local')!;
    expect(petra).toMatchObject({ name: 'Petra Park', role: 'handler', active: true, departmentCodes: ['TEK', 'VA'] });
    await t.http().post('/api/v1/auth/login').send({ email: petra.email, password: 'parkbänk-2026' }).expect(200);

    await submit(admin, `/admin/staff/${petra.id}/active`, { active: 'false' })
      .expect(303)
      .expect('Location', '/admin/staff?done=deactivated');
    expect((await api.staffUsers()).find((user) => user.id === petra.id)!.active).toBe(false);
    await t.http().post('/api/v1/auth/login').send({ email: petra.email, password: 'parkbänk-2026' }).expect(401);
    await submit(admin, `/admin/staff/${petra.id}/active`, { active: 'true' }).expect(303);
    expect((await api.staffUsers()).find((user) => user.id === petra.id)!.active).toBe(true);

    const passwordPage = await admin.agent.get(`/admin/staff/${petra.id}/password?lang=en`).expect(200);
    expect(passwordPage.text).toContain('New password for Petra Park');
    await submit(admin, `/admin/staff/${petra.id}/password`, { newPassword: 'gungbräde-2027' })
      .expect(303)
      .expect('Location', '/admin/staff?done=passwordReset');
    await t.http().post('/api/v1/auth/login').send({ email: petra.email, password: 'gungbräde-2027' }).expect(200);
  });

  it('refuses bad staff input with 400 naming the field, and an admin deactivating themselves with 409, changing nothing', async () => {
    const before = await api.staffUsers();
    const short = await submit(admin, '/admin/staff', {
      name: 'Kort Lösen',
      email: 'kort@demo.local',
      role: 'agent',
      password: 'kort',
    }).expect(400);
    expectFieldNamed(short.text, 'password');
    expect(short.text).not.toContain('value="kort"');
    const noDepartment = await submit(admin, '/admin/staff', {
      name: 'Utan Förvaltning',
      email: 'utan@demo.local',
      role: 'handler',
      password: 'lång-nog-2026',
    }).expect(400);
    expectFieldNamed(noDepartment.text, 'departmentCodes');
    const taken = await submit(admin, '/admin/staff', {
      name: 'Dubbel',
      email: 'AGENT@demo.local',
      role: 'agent',
      password: 'lång-nog-2026',
    }).expect(409);
    expectFieldNamed(taken.text, 'email');

    const self = before.find((user) => user.email === 'admin@demo.local')!;
    const own = await submit(admin, `/admin/staff/${self.id}/active`, { active: 'false' }).expect(409);
    expect(own.text).toContain(`id="active-${self.id}"`);
    const agent = before.find((user) => user.email === 'agent@demo.local')!;
    expectFieldNamed(
      (await submit(admin, `/admin/staff/${agent.id}/password`, { newPassword: 'kort' }).expect(400)).text,
      'newPassword',
    );
    await t.http().post('/api/v1/auth/login').send({ email: agent.email, password: 'demo-password' }).expect(200);
    expect(await api.staffUsers()).toEqual(before);
  });

  it('adds a catalog entry and edits one as the API would, and names the field of bad input', async () => {
    await submit(admin, '/admin/catalog', {
      code: 'bench_broken',
      nameSv: 'Trasig parkbänk',
      nameEn: 'Broken park bench',
      nameDa: '',
      kind: 'fault_report',
      departmentCode: 'TEK',
      priority: 'low',
      keywords: 'parkbänk, bänk,\nbench',
      active: 'true',
    })
      .expect(303)
      .expect('Location', '/admin/catalog?done=created&subject=bench_broken');
    expect(await api.catalogEntry('bench_broken')).toEqual({
      code: 'bench_broken',
      name: { sv: 'Trasig parkbänk', en: 'Broken park bench' },
      kind: 'fault_report',
      departmentCode: 'TEK',
      handledByServiceCenter: false,
      priority: 'low',
      keywords: ['parkbänk', 'bänk', 'bench'],
      confidential: false,
      active: true,
    });

    const form = await admin.agent.get('/admin/catalog/bench_broken').expect(200);
    expect(form.text).toContain('value="Trasig parkbänk"');
    await submit(admin, '/admin/catalog/bench_broken', {
      nameSv: 'Trasig bänk i park',
      nameEn: 'Broken park bench',
      nameDa: 'Ødelagt parkbænk',
      kind: 'fault_report',
      departmentCode: 'KFF',
      priority: 'normal',
      keywords: 'bänk',
      handledByServiceCenter: 'true',
    })
      .expect(303)
      .expect('Location', '/admin/catalog?done=updated&subject=bench_broken');
    expect(await api.catalogEntry('bench_broken')).toMatchObject({
      name: { sv: 'Trasig bänk i park', en: 'Broken park bench', da: 'Ødelagt parkbænk' },
      departmentCode: 'KFF',
      priority: 'normal',
      keywords: ['bänk'],
      handledByServiceCenter: true,
      active: false,
    });

    const before = await api.send('get', '/api/v1/catalog', { query: { includeInactive: true } });
    const noEnglish = await submit(admin, '/admin/catalog', {
      code: 'no_english',
      nameSv: 'Bara svenska',
      nameEn: ' ',
      kind: 'question',
      departmentCode: 'TEK',
      priority: 'normal',
    }).expect(400);
    expectFieldNamed(noEnglish.text, 'nameEn');
    expect(noEnglish.text).toContain('value="no_english"');
    const unknownDepartment = await submit(admin, '/admin/catalog/bench_broken', {
      nameSv: 'Trasig bänk',
      nameEn: 'Broken bench',
      kind: 'fault_report',
      departmentCode: 'NOPE',
      priority: 'normal',
    }).expect(400);
    expectFieldNamed(unknownDepartment.text, 'departmentCode');
    expectFieldNamed(
      (
        await submit(admin, '/admin/catalog', {
          code: 'street_light',
          nameSv: 'Gatlykta',
          nameEn: 'Street light',
          kind: 'fault_report',
          departmentCode: 'TEK',
          priority: 'normal',
        }).expect(409)
      ).text,
      'code',
    );
    expect(await api.send('get', '/api/v1/catalog', { query: { includeInactive: true } })).toEqual(before);
  });

  it('saves the calendar as the API would, keeping the eves, and names the weekday of bad opening hours', async () => {
    const before = await api.calendar();
    await submit(admin, '/admin/calendar', {
      mon: '08:00-12:00, 13:00-16:30',
      tue: '08:00-16:30',
      wed: '08:00–16:30',
      thu: '08:00-18:00',
      fri: '08:00-15:00',
      sat: '',
      sun: '',
      holidayCountry: 'SE',
      closedDates: '2026-12-28\n2026-12-29',
      timeZone: 'Europe/Stockholm',
    })
      .expect(303)
      .expect('Location', '/admin/calendar?done=saved');
    const saved = await api.calendar();
    expect(saved).toMatchObject({
      version: before.version + 1,
      timeZone: 'Europe/Stockholm',
      holidayCountry: 'SE',
      closedDates: ['2026-12-28', '2026-12-29'],
      openingHours: {
        mon: [
          ['08:00', '12:00'],
          ['13:00', '16:30'],
        ],
        tue: [['08:00', '16:30']],
        wed: [['08:00', '16:30']],
        thu: [['08:00', '18:00']],
        fri: [['08:00', '15:00']],
        sat: [],
        sun: [],
      },
      eves: before.eves,
    });
    expect((await admin.agent.get('/admin/calendar')).text).toContain('value="08:00-12:00, 13:00-16:30"');

    const bad = await submit(admin, '/admin/calendar', {
      mon: '08:00-16:30',
      tue: '8 till 5',
      wed: '',
      thu: '',
      fri: '',
      sat: '',
      sun: '',
      holidayCountry: 'SE',
      closedDates: '28 december',
      timeZone: 'Europe/Stockholm',
    }).expect(400);
    expectFieldNamed(bad.text, 'tue');
    expectFieldNamed(bad.text, 'closedDates');
    expect(bad.text).toContain('value="8 till 5"');
    const closedAllWeek = await submit(admin, '/admin/calendar', {
      holidayCountry: 'none',
      timeZone: 'Europe/Stockholm',
    }).expect(400);
    expectFieldNamed(closedAllWeek.text, 'mon');
    expect(await api.calendar()).toEqual(saved);
  });

  it('adds, changes and deletes a service-target policy as the API would, and names the field of a bad target', async () => {
    await submit(admin, '/admin/service-targets', {
      catalogCode: '',
      kind: 'complaint',
      priority: '',
      channel: 'email',
      firstResponseValue: '1',
      firstResponseUnit: 'working_days',
      resolutionValue: '',
      resolutionUnit: 'working_days',
      callbackValue: '',
      callbackUnit: 'working_hours',
      note: 'Klagomål per e-post: svar inom en arbetsdag',
    })
      .expect(303)
      .expect('Location', '/admin/service-targets?done=created');
    const policy = (await api.serviceTargetPolicies()).find((p) => p.kind === 'complaint' && p.channel === 'email')!;
    expect(policy).toMatchObject({
      catalogCode: null,
      priority: null,
      firstResponse: { value: 1, unit: 'working_days' },
      resolution: null,
      callback: null,
      note: 'Klagomål per e-post: svar inom en arbetsdag',
    });

    const before = await api.serviceTargetPolicies();
    const fraction = await submit(admin, '/admin/service-targets', {
      kind: 'question',
      resolutionValue: '1,5',
      resolutionUnit: 'working_days',
    }).expect(400);
    expectFieldNamed(fraction.text, 'resolutionValue');
    expect(fraction.text).toContain('value="1,5"');
    expectFieldNamed(
      (await submit(admin, '/admin/service-targets', { kind: 'question', firstResponseValue: '' }).expect(400)).text,
      'firstResponseValue',
    );
    expectFieldNamed(
      (
        await submit(admin, '/admin/service-targets', {
          kind: 'complaint',
          channel: 'email',
          callbackValue: '4',
          callbackUnit: 'working_hours',
        }).expect(409)
      ).text,
      'catalogCode',
    );
    expect(await api.serviceTargetPolicies()).toEqual(before);

    const edit = await admin.agent.get(`/admin/service-targets/${policy.id}`).expect(200);
    expect(edit.text).toContain('value="Klagomål per e-post: svar inom en arbetsdag"');
    await submit(admin, `/admin/service-targets/${policy.id}`, {
      kind: 'complaint',
      channel: 'email',
      firstResponseValue: '4',
      firstResponseUnit: 'working_hours',
      resolutionValue: '10',
      resolutionUnit: 'working_days',
    })
      .expect(303)
      .expect('Location', '/admin/service-targets?done=updated');
    expect(await api.serviceTargetPolicy(policy.id)).toMatchObject({
      kind: 'complaint',
      channel: 'email',
      firstResponse: { value: 4, unit: 'working_hours' },
      resolution: { value: 10, unit: 'working_days' },
      callback: null,
      note: null,
    });
    const edited = await api.serviceTargetPolicies();
    expectFieldNamed(
      (
        await submit(admin, `/admin/service-targets/${policy.id}`, {
          kind: 'complaint',
          catalogCode: 'noise',
          firstResponseValue: '1',
          firstResponseUnit: 'working_days',
        }).expect(400)
      ).text,
      'kind',
    );
    expect(await api.serviceTargetPolicies()).toEqual(edited);

    await submit(admin, `/admin/service-targets/${policy.id}/delete`, {})
      .expect(303)
      .expect('Location', '/admin/service-targets?done=deleted');
    expect((await api.serviceTargetPolicies()).map((p) => p.id)).not.toContain(policy.id);
  });

  it('adds and deletes routing overrides and area rules as the API would, and names the field of bad input', async () => {
    await submit(admin, '/admin/routing/overrides', {
      overrideCatalogCode: 'street_light',
      overrideDepartmentCode: 'VA',
      reason: 'Stormveckan: vatten och avfall hjälper till',
    })
      .expect(303)
      .expect('Location', '/admin/routing?done=overrideCreated&subject=street_light');
    const override = (
      await api.send<Array<{ id: string; catalogCode: string }>>('get', '/api/v1/routing/overrides')
    )[0];
    expect(override).toMatchObject({
      catalogCode: 'street_light',
      departmentCode: 'VA',
      reason: 'Stormveckan: vatten och avfall hjälper till',
    });
    await submit(admin, '/admin/routing/area-rules', {
      ruleCatalogCode: 'street_light',
      ruleDepartmentCode: 'VA',
      postalCodePrefix: '139',
      district: '',
      rulePriority: '5',
      ruleNote: '',
    }).expect(303);
    const rule = (await api.areaRules({ catalogCode: 'street_light' }))[0];
    expect(rule).toMatchObject({ postalCodePrefix: '139', district: null, departmentCode: 'VA', priority: 5 });

    const both = await submit(admin, '/admin/routing/area-rules', {
      ruleCatalogCode: 'street_light',
      ruleDepartmentCode: 'VA',
      postalCodePrefix: '139',
      district: 'Lövudden',
    }).expect(400);
    expectFieldNamed(both.text, 'postalCodePrefix');
    expect(both.text).toContain('value="Lövudden"');
    expectFieldNamed(
      (
        await submit(admin, '/admin/routing/area-rules', {
          ruleCatalogCode: 'street_light',
          ruleDepartmentCode: 'VA',
          district: 'Lövudden',
          rulePriority: 'hög',
        }).expect(400)
      ).text,
      'rulePriority',
    );
    expectFieldNamed(
      (
        await submit(admin, '/admin/routing/overrides', {
          overrideCatalogCode: 'street_light',
          overrideDepartmentCode: 'TEK',
          reason: 'En till',
        }).expect(409)
      ).text,
      'overrideCatalogCode',
    );
    expectFieldNamed(
      (
        await submit(admin, '/admin/routing/overrides', {
          overrideCatalogCode: 'pothole',
          reason: 'Saknar förvaltning',
        }).expect(400)
      ).text,
      'overrideDepartmentCode',
    );
    expect(await api.areaRules()).toHaveLength(1);

    await submit(admin, `/admin/routing/overrides/${override.id}/delete`, {}).expect(303);
    await submit(admin, `/admin/routing/area-rules/${rule.id}/delete`, {}).expect(303);
    expect(await api.send('get', '/api/v1/routing/overrides')).toEqual([]);
    expect(await api.areaRules()).toEqual([]);
  });

  it("sets a department's webhook as the API would, keeps the secret unseen, and names the field of bad input", async () => {
    const first = await submit(admin, '/admin/webhooks/TEK', {
      url: 'https://arbetsorder.example/hooks',
      active: 'true',
    }).expect(400);
    expectFieldNamed(first.text, 'secret');
    await api.departmentWebhook('TEK').expectStatus(404);

    await submit(admin, '/admin/webhooks/TEK', {
      url: 'https://arbetsorder.example/hooks',
      secret: 'en-hemlighet-på-minst-16',
      active: 'true',
    })
      .expect(303)
      .expect('Location', '/admin/webhooks?done=saved&subject=TEK');
    expect(await api.departmentWebhook('TEK')).toMatchObject({
      departmentCode: 'TEK',
      url: 'https://arbetsorder.example/hooks',
      active: true,
    });
    const page = await admin.agent.get('/admin/webhooks/TEK').expect(200);
    expect(page.text).not.toContain('en-hemlighet-på-minst-16');

    // Paused, secret kept: the API's PUT with no secret.
    await submit(admin, '/admin/webhooks/TEK', { url: 'https://arbetsorder.example/v2/hooks' }).expect(303);
    expect(await api.departmentWebhook('TEK')).toMatchObject({
      url: 'https://arbetsorder.example/v2/hooks',
      active: false,
    });

    const before = await api.departmentWebhook('TEK');
    expectFieldNamed(
      (await submit(admin, '/admin/webhooks/TEK', { url: 'ftp://arbetsorder.example', active: 'true' }).expect(400))
        .text,
      'url',
    );
    expect(await api.departmentWebhook('TEK')).toEqual(before);
    await admin.agent.get('/admin/webhooks/NOPE').expect(404);
  });

  it('says what is wrong in the reader language, with the GOV.UK error summary', async () => {
    const english = await signedIn(t, 'admin@demo.local');
    const page = await english.agent.get('/admin/departments?lang=en').expect(200);
    const refused = await submit({ agent: english.agent, csrf: csrfOf(page.text) }, '/admin/departments', {
      code: 'x',
      name: '',
    }).expect(400);
    expect(refused.text).toContain('There is a problem');
    expect(refused.text).toContain('Enter a code of upper-case letters, digits, - or _ (at most 32)');
    expect(refused.text).toContain('Enter the department&#39;s name (at most 200 characters)');
    expect(refused.text).toMatch(/<title>Error: Departments/);
  });
});

/** The webhook page's deliveries that need attention, with the queue at work (its own app: jobs run). */
describe("the console's webhook page with the queue at work", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ runJobs: true, env: { JOB_ATTEMPTS: '1', JOB_BACKOFF_MS: '20' } });
  });
  afterAll(() => t.close());

  it('lists a failed delivery of the department and sends it again, as the API would', async () => {
    const admin = await signedIn(t, 'admin@demo.local');
    const [api, agent] = await ApiClient.loginAll(t, 'admin@demo.local', 'agent@demo.local');
    // Nothing listens on port 9 of this machine: every delivery there fails.
    await submit(admin, '/admin/webhooks/VA', {
      url: 'http://127.0.0.1:9/hooks',
      secret: 'va-fältpersonal-hemlighet',
      active: 'true',
    }).expect(303);
    const created = await agent.createCase({ description: 'Vattnet forsar ur en brunn', catalogCode: 'water_leak' });
    const failed = await eventually(
      async () => (await api.webhookDeliveries({ caseId: created.id, status: 'failed' })).items[0],
      'a failed delivery',
    );

    const page = await admin.agent.get('/admin/webhooks/VA?lang=en').expect(200);
    expect(page.text).toContain(created.reference);
    expect(page.text).toContain(`action="/admin/webhooks/VA/deliveries/${failed.id}/resend"`);
    await submit(admin, `/admin/webhooks/VA/deliveries/${failed.id}/resend`, {}, null).expect(403);
    await submit(admin, `/admin/webhooks/VA/deliveries/${failed.id}/resend`, {})
      .expect(303)
      .expect('Location', '/admin/webhooks/VA?done=resent');
    expect((await api.webhookDeliveries({ caseId: created.id })).items).toEqual([
      expect.objectContaining({ id: failed.id, resendCount: 1 }),
    ]);
  });
});

import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

const JSON_TYPE = 'application/json';

describe('values a database refuses, ranges that would hold the event loop, and messages that say what is wrong', () => {
  let t: TestApp;
  let admin: ApiClient;
  let agent: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, agent] = await ApiClient.loginAll(t, 'admin@demo.local', 'agent@demo.local');
  });
  afterAll(() => t.close());

  describe('text the database refuses is a 400 naming the field', () => {
    it('refuses a NUL character in a body field, a path parameter and a query parameter', async () => {
      const nul = 'must not contain the NUL character (\\u0000)';
      const inBody = await agent.createCase({ description: 'Gatlampan\u0000 är släckt' }).expectStatus(400);
      expect(inBody.body).toMatchObject({ code: 'validation_failed', message: [`description ${nul}`] });
      const nested = await agent
        .logContact({ channel: 'phone', summary: 'Fråga', outcome: 'answered', citizen: { name: 'Karin\u0000' } })
        .expectStatus(400);
      expect(nested.body.message).toEqual([`citizen.name ${nul}`]);
      for (const path of ['/api/v1/cases/a%00b', '/api/v1/cases/%00/timeline', '/api/v1/contacts/%00']) {
        const inPath = await agent.send('get', path).expectStatus(400);
        expect(inPath.body.message).toEqual([`id ${nul}`]);
      }
      const inCode = await agent.send('get', '/api/v1/departments/TEK%00').expectStatus(400);
      expect(inCode.body.message).toEqual([`code ${nul}`]);
      const inQuery = await admin.send('get', '/api/v1/routing/area-rules?catalogCode=%00').expectStatus(400);
      expect(inQuery.body.message).toEqual([`catalogCode ${nul}`]);
    });

    it('refuses a lone surrogate in an e-mail field, at log-in too', async () => {
      const contact = await agent
        .logContact({
          channel: 'email',
          summary: 'Fråga om bygglov',
          outcome: 'answered',
          citizen: { email: 'karin\ud800@example.se' },
        })
        .expectStatus(400);
      expect(contact.body.message).toEqual([
        'citizen.email must be well-formed Unicode text (it holds a lone surrogate)',
      ]);
      const login = await ApiClient.anonymous(t).logIn('x\udfff', 'demo-password').expectStatus(400);
      expect(login.body.message).toEqual(['email must be well-formed Unicode text (it holds a lone surrogate)']);
    });

    it('refuses offsets, limits and integer ids out of the database range', async () => {
      const offset = await agent.listCases({ offset: '99999999999999999999' as unknown as number }).expectStatus(400);
      expect(offset.body.message).toEqual(['offset must not be greater than 2147483647']);
      const limit = await agent.listCases({ limit: '1e400' as unknown as number }).expectStatus(400);
      expect(limit.body.message).toEqual(['limit must be an integer number']);
      for (const path of [
        '/api/v1/notifications/2147483648/resend',
        '/api/v1/service-targets/alerts/99999999999999999999/acknowledge',
      ]) {
        const id = await admin.send('post', path).expectStatus(400);
        expect(id.body.message).toEqual(['id must be a whole number from 0 to 2147483647']);
      }
      const known = await admin.send('post', '/api/v1/notifications/2147483647/resend').expectStatus(404);
      expect(known.body.code).toBe('not_found');
    });

    it('refuses null where the document does not allow it, and an array where an object belongs', async () => {
      const renamed = await admin.send('patch', '/api/v1/departments/TEK', { body: { name: null } }).expectStatus(400);
      expect(renamed.body).toMatchObject({ code: 'validation_failed', message: ['name must not be null'] });
      expect((await admin.department('TEK')).name).toBe('Tekniska förvaltningen');

      const names = await admin.send('patch', '/api/v1/catalog/street_light', { body: { name: [] } }).expectStatus(400);
      expect(names.body.message).toEqual(['name must be a JSON object, not an array']);
      const citizen = await agent
        .send('post', '/api/v1/cases', { body: { description: 'Släckt gatlampa', citizen: [] } })
        .expectStatus(400);
      expect(citizen.body.message).toEqual(['citizen must be a JSON object, not an array']);
      const email = await agent
        .send('post', '/api/v1/cases', { body: { description: 'Släckt gatlampa', citizen: { email: null } } })
        .expectStatus(400);
      expect(email.body.message).toEqual(['citizen.email must not be null']);

      // Where the document says nullable, null is taken: a policy's scope and targets.
      const policy = await admin.createServiceTargetPolicy({
        catalogCode: null,
        kind: 'complaint',
        priority: null,
        channel: 'letter',
        firstResponse: null,
        resolution: { value: 15, unit: 'working_days' },
        note: null,
      });
      expect(policy).toMatchObject({ kind: 'complaint', channel: 'letter', catalogCode: null });
    });
  });

  describe('no request holds the event loop: every range a request drives is bounded', () => {
    it('answers working time from year 1000 to 9999 at once with a 400 naming the bound', async () => {
      const started = performance.now();
      const response = await agent
        .workingTime({ from: '1000-01-01T00:00:00Z', to: '9999-12-31T23:59:59Z' })
        .expectStatus(400);
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(response.body.message).toEqual(['to: at most 10 years from from']);
      const back = await agent
        .workingTime({ from: '2026-03-02T08:00:00Z', to: '2010-01-01T00:00:00Z' })
        .expectStatus(400);
      expect(back.body.message).toEqual(['to: at most 10 years from from']);
      const tenYears = await agent.workingTime({ from: '2026-01-01T00:00:00Z', to: '2035-12-31T00:00:00Z' });
      expect(tenYears.workingMinutes).toBeGreaterThan(0);
      expect((await agent.health()).status).toBe('ok');
    });

    it('refuses a statistics period that ends after 9998-12-31 (local), naming to', async () => {
      for (const [from, to] of [
        ['9999-12-01', '9999-12-31T23:59:59.999Z'],
        ['9998-12-01', '9999-01-01'],
      ]) {
        const response = await agent.send('get', '/api/v1/statistics/cases', { query: { from, to } }).expectStatus(400);
        expect(response.body.message).toEqual(['to: at the latest 9998-12-31 (local)']);
      }
      // The last period taken, with the longest what-if target: its due times are in 9999.
      for (const groupBy of ['month', 'week'])
        await agent
          .send('get', '/api/v1/statistics/cases', {
            query: { from: '9998-12-01', to: '9998-12-31', groupBy, resolutionTargetWorkingDays: '250' },
          })
          .expectStatus(200);
    });

    it('refuses a statistics period longer than 3700 days', async () => {
      const response = await agent
        .send('get', '/api/v1/statistics/cases', { query: { from: '2000-01-01', to: '2026-01-01' } })
        .expectStatus(400);
      expect(response.body.message).toEqual(['to: a report covers at most 3700 days']);
    });
  });

  describe('messages say what is wrong', () => {
    it('says a missing required query parameter is required', async () => {
      const statistics = await agent
        .send('get', '/api/v1/statistics/cases', { query: { to: '2026-01-01' } })
        .expectStatus(400);
      expect(statistics.body.message).toEqual(['from is required']);
      const workingTime = await agent
        .send('get', '/api/v1/calendar/working-time', { query: { addWorkingDays: 2 } })
        .expectStatus(400);
      expect(workingTime.body.message).toEqual(['from is required']);
      const comparison = await admin.send('get', '/api/v1/statistics/comparison').expectStatus(400);
      expect(comparison.body.message).toEqual(['year is required']);
    });

    it('says a body that is JSON but not an object is not an object', async () => {
      const expected: Array<[string, string]> = [
        ['[{"description": "x"}]', 'an array'],
        ['42', 'a number'],
        ['"Gatlampan är släckt"', 'a string'],
        ['null', 'null'],
        ['true', 'a boolean'],
      ];
      for (const [body, kind] of expected) {
        const response = await agent.send('post', '/api/v1/cases', { body, contentType: JSON_TYPE }).expectStatus(400);
        expect(response.body.message).toEqual([`body must be a JSON object, not ${kind}`]);
      }
      const calendar = await admin
        .send('put', '/api/v1/calendar', { body: '[]', contentType: JSON_TYPE })
        .expectStatus(400);
      expect(calendar.body.message).toEqual(['body must be a JSON object, not an array']);
    });

    it('refuses a number parameter that is empty, blank or not written in decimal digits, rather than reading it as 0 or 16', async () => {
      const year = { from: '2026-01-01', to: '2026-02-01' };
      for (const value of ['', ' ', '\t', '1e1', '0x10', '0b11', 'Infinity']) {
        const target = await agent
          .send('get', '/api/v1/statistics/cases', { query: { ...year, resolutionTargetWorkingDays: value } })
          .expectStatus(400);
        expect(target.body.message).toContain('resolutionTargetWorkingDays must be an integer number');
        const page = await agent.send('get', '/api/v1/cases', { query: { limit: value } }).expectStatus(400);
        expect(page.body.message).toContain('limit must be an integer number');
      }
      const percent = await agent
        .send('get', '/api/v1/statistics/service-index', { query: { ...year, targetPercent: '' } })
        .expectStatus(400);
      expect(JSON.stringify(percent.body.message)).toContain('targetPercent');
      // Decimal digits are read as before, a sign and a fraction where the field takes them.
      const answered = await agent
        .send('get', '/api/v1/statistics/cases', { query: { ...year, resolutionTargetWorkingDays: '5' } })
        .expectStatus(200);
      expect((answered.body as { targets: { resolutionTargetWorkingDays: number } }).targets).toMatchObject({
        resolutionTargetWorkingDays: 5,
      });
      await agent
        .send('get', '/api/v1/statistics/service-index', { query: { ...year, targetPercent: '97.5' } })
        .expectStatus(200);
      const negative = await agent
        .send('get', '/api/v1/statistics/cases', { query: { ...year, resolutionTargetWorkingDays: '-1' } })
        .expectStatus(400);
      expect(negative.body.message).toEqual(['resolutionTargetWorkingDays must not be less than 0']);
    });

    it('says a query parameter given twice should be given once', async () => {
      const response = await admin
        .send('get', '/api/v1/routing/area-rules?catalogCode=pothole&catalogCode=noise')
        .expectStatus(400);
      expect(response.body.message).toEqual(['catalogCode must be given once, not 2 times']);
    });

    it('says a required body field is required', async () => {
      const response = await agent.send('post', '/api/v1/cases', { body: { channel: 'phone' } }).expectStatus(400);
      expect(response.body.message).toEqual(['description is required']);
    });
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { Server } from 'node:http';
import { join } from 'node:path';
import request from 'supertest';
import { SurveyTokens } from '../src/e-service/survey-tokens';
import { TrackingKeys } from '../src/e-service/tracking-keys';
import { eventually } from './support/eventually';
import { createTestApp, TestApp } from './support/test-app';

/** Quoted-printable, as nodemailer writes a message body with long lines. */
function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The satisfaction survey after resolution, through HTTP as a browser without JavaScript sends it, on both databases. */
describe('citizens rate a resolved case through the survey link', () => {
  let t: TestApp;
  let auth: (email: string) => Promise<{ authorization: string }>;

  beforeAll(async () => {
    t = await createTestApp({
      now: '2026-03-02T09:00:00.000Z',
      runJobs: true,
      env: { PUBLIC_BASE_URL: 'https://kommun.example', TRUST_PROXY_HOPS: '1' },
    });
    auth = async (email) => ({ authorization: `Bearer ${await t.login(email)}` });
  });
  afterAll(() => t.close());

  /** A street-light report from the web, routed to TEK; the handler claims it and resolves it with an answer. */
  async function resolvedCase(): Promise<{ id: string; reference: string }> {
    const created = (
      await t
        .http()
        .post('/api/v1/cases')
        .set(await auth('agent@demo.local'))
        .send({
          description: 'Gatlampan på Ekvägen 3 är släckt.',
          catalogCode: 'street_light',
          channel: 'web',
          citizen: { email: 'eva@example.se' },
        })
        .expect(201)
    ).body as { id: string; reference: string };
    const handler = await auth('handler@demo.local');
    await eventually(async () => {
      const found = (await t.http().get(`/api/v1/cases/${created.id}`).set(handler)).body as { status: string };
      return found.status === 'routed' ? true : undefined;
    }, 'routing');
    await t.http().post(`/api/v1/cases/${created.id}/claim`).set(handler).send({}).expect(200);
    await t
      .http()
      .post(`/api/v1/cases/${created.id}/resolve`)
      .set(handler)
      .send({ reason: 'Vi har bytt lampan.' })
      .expect(200);
    return created;
  }

  it('sends the survey link with the resolution; the answer counts in the ratings statistics per department and channel, source citizen', async () => {
    const { id, reference } = await resolvedCase();
    const eml = await eventually(async () => {
      const path = join(t.config.mailDir, `${reference}-resolution.eml`);
      return existsSync(path) ? decodeQuotedPrintable(readFileSync(path, 'utf8')) : undefined;
    }, 'the resolution message');
    const path = /https:\/\/kommun\.example(\/survey\/[\w-]{38})/.exec(eml)![1];
    expect(path).toBe(`/survey/${new SurveyTokens(t.config.personalDataKey).tokenFor(id)}`);

    // The tracking page offers the survey too, until it is answered.
    const tracking = `/track/${reference}?key=${new TrackingKeys(t.config.personalDataKey).keyFor(id)}`;
    expect((await t.http().get(tracking).expect(200)).text).toContain(`href="${path}" data-survey-link`);

    const browser = request.agent(t.app.getHttpServer() as Server);
    const page = await browser.get(`${path}?lang=en`).expect(200);
    expect(page.text).toContain('How easy was it to get help?');
    expect(page.text).toContain(`Case ${reference}`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const send = (fields: Record<string, string>) =>
      browser
        .post(path)
        .set('X-Forwarded-For', '198.51.100.7')
        .type('form')
        .send({ _csrf: csrf, ...fields });

    const badGrade = await send({ ease: '7', treatment: '4' }).expect(400);
    expect(badGrade.text).toContain('href="#ease"');
    expect((await send({ comment: 'Bra!' }).expect(400)).text).toContain('Answer at least one question');

    const thanks = await send({ ease: '5', treatment: '4', clarity: '3', comment: 'Snabbt och vänligt.' }).expect(200);
    expect(thanks.text).toContain('Thank you for your answers!');
    const again = await send({ ease: '1' }).expect(409);
    expect(again.text).toContain('You have answered already');
    expect((await browser.get(path).expect(200)).text).toContain('data-survey-state="answered"');
    expect((await t.http().get(tracking).expect(200)).text).not.toContain('data-survey-link');

    const manager = await auth('manager@demo.local');
    const statistics = async (groupBy: string) =>
      (
        await t
          .http()
          .get('/api/v1/statistics/ratings')
          .query({ from: '2026-03-01', to: '2026-03-31', groupBy })
          .set(manager)
          .expect(200)
      ).body as { rows: Array<Record<string, unknown>> };
    // Grades 5, 4, 3 are 100, 75 and 50 on the index (25 × (grade − 1)).
    const expected = { ratings: 1, easeIndex: 100, treatmentIndex: 75, clarityIndex: 50 };
    expect((await statistics('department')).rows).toEqual([expect.objectContaining({ group: 'TEK', ...expected })]);
    expect((await statistics('channel')).rows).toEqual([expect.objectContaining({ group: 'web', ...expected })]);
  });

  it('asks nothing before the case is resolved, and knows no token it did not make', async () => {
    const created = (
      await t
        .http()
        .post('/api/v1/cases')
        .set(await auth('agent@demo.local'))
        .send({ description: 'En fråga om bygglov.', channel: 'phone' })
        .expect(201)
    ).body as { id: string };
    const token = new SurveyTokens(t.config.personalDataKey).tokenFor(created.id);
    const early = await t.http().get(`/survey/${token}?lang=en`).expect(200);
    expect(early.text).toContain('The case is not done yet');
    expect(early.text).not.toContain('<form method="post"');

    const forged = new SurveyTokens('not-this-installations-key-at-all').tokenFor(created.id);
    for (const unknown of [forged, 'not-a-token']) {
      const answer = await t.http().get(`/survey/${unknown}`).expect(404);
      expect(answer.text).toContain('Vi hittar inte ärendet');
    }
  });
});

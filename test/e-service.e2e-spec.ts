import { existsSync, readFileSync } from 'node:fs';
import { Server } from 'node:http';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EXIF_PAYLOAD, PHOTO_WITH_GPS } from './fixtures/photo-with-gps';
import { eventually } from './support/eventually';
import { createTestApp, TestApp } from './support/test-app';

/** A browser without JavaScript: its cookie jar, and the anti-forgery token of the form it last opened. */
async function citizenBrowser(t: TestApp, address: string) {
  const agent = request.agent(t.app.getHttpServer() as Server);
  const page = await agent.get('/e-service').set('X-Forwarded-For', address).expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
  /** Posts the e-service form as multipart, the anti-forgery token first, as the page's form sends it. */
  const report = (fields: Record<string, string>, photos: Array<{ bytes: Buffer; name: string }> = []) => {
    let post = agent.post('/e-service').set('X-Forwarded-For', address).field('_csrf', csrf);
    for (const [name, value] of Object.entries(fields)) post = post.field(name, value);
    for (const photo of photos)
      post = post.attach('photos', photo.bytes, { filename: photo.name, contentType: 'image/jpeg' });
    return post;
  };
  return { agent, csrf, report, page };
}

/** Quoted-printable, as nodemailer writes a message body with long lines. */
function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The e-service form and status tracking, through HTTP as a browser without JavaScript sends them, on both databases. */
describe('citizens report through the e-service form and follow their case', () => {
  let t: TestApp;
  let db: DataSource;
  let nextAddress = 1;
  /** Each test reports from an address of its own, so the per-address limit counts only its own posts. */
  const freshAddress = () => `203.0.113.${nextAddress++}`;
  const casesCount = async () =>
    Number((await db.query<Array<{ n: number | string }>>('SELECT COUNT(*) AS n FROM cases'))[0].n);

  beforeAll(async () => {
    t = await createTestApp({
      now: '2026-03-02T09:00:00.000Z',
      runJobs: true,
      env: {
        PUBLIC_BASE_URL: 'https://kommun.example',
        TRUST_PROXY_HOPS: '1',
        E_SERVICE_REPORTS_PER_ADDRESS: '4',
        E_SERVICE_WINDOW_SECONDS: '3600',
      },
    });
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('offers the catalog’s public types in Swedish, English and Danish, without any staff navigation', async () => {
    const catalog = (
      await t
        .http()
        .get('/api/v1/catalog')
        .set('authorization', `Bearer ${await t.login('admin@demo.local')}`)
    ).body as Array<{ code: string; confidential: boolean; kind: string }>;
    const { page } = await citizenBrowser(t, freshAddress());
    expect(page.text).toContain('<html lang="sv"');
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(page.text).toContain('<option value="street_light">Gatubelysning ur funktion</option>');
    for (const entry of catalog.filter((e) => e.confidential || e.kind === 'errand' || e.kind === 'callback'))
      expect(page.text).not.toContain(`value="${entry.code}"`);
    for (const staffOnly of ['/desk', '/inbox', '/logout', '/dashboard'])
      expect(page.text).not.toContain(`href="${staffOnly}`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const english = await t.http().get('/e-service?lang=en').expect(200);
    expect(english.text).toContain('<html lang="en"');
    expect(english.text).toContain('<option value="street_light">Street light out of order</option>');
    const danish = await t.http().get('/e-service?lang=da').expect(200);
    expect(danish.text).toContain('<option value="street_light">Gadelys ude af drift</option>');
  });

  it('takes a report with a photo (multipart, no JavaScript), answers with the reference and the tracking link, and strips the photo’s GPS', async () => {
    const before = await casesCount();
    const citizen = await citizenBrowser(t, freshAddress());
    const posted = await citizen
      .report(
        {
          catalogCode: 'street_light',
          description: 'Gatlampan vid busshållplatsen är släckt sedan i fredags.',
          address: 'Storgatan 12',
          lat: '59,2440',
          lng: '18.2290',
          name: 'Karin Lind',
          email: 'karin.lind@example.se',
          website: '',
        },
        [{ bytes: PHOTO_WITH_GPS, name: 'IMG_0042.jpg' }],
      )
      .expect(303);
    const [, reference, key] = /^\/e-service\/received\/(\d{4}-\d{6})\?key=([\w-]{22})&lang=sv$/.exec(
      posted.headers.location,
    )!;
    expect(await casesCount()).toBe(before + 1);

    const answer = await citizen.agent.get(posted.headers.location).expect(200);
    expect(answer.text).toContain(reference);
    expect(answer.text).toContain(`href="/track/${reference}?key=${key}"`);

    const handler = await t.login('handler@demo.local');
    const stored = (
      await t.http().get(`/api/v1/cases/${reference}`).set('authorization', `Bearer ${handler}`).expect(200)
    ).body as Record<string, unknown>;
    expect(stored).toMatchObject({
      channel: 'web',
      catalogCode: 'street_light',
      departmentCode: 'TEK',
      description: 'Gatlampan vid busshållplatsen är släckt sedan i fredags.',
    });
    expect(stored.location).toMatchObject({ address: 'Storgatan 12', lat: 59.244, lng: 18.229 });

    const photos = await db
      .createQueryBuilder()
      .select(['p.content_type AS content_type', 'p.byte_size AS byte_size', 'p.content AS content'])
      .from('case_photos', 'p')
      .where('p.case_id = :caseId', { caseId: stored.id })
      .getRawMany<{ content_type: string; byte_size: number; content: Buffer }>();
    expect(photos).toHaveLength(1);
    const photo = Buffer.from(photos[0].content);
    expect(photos[0].content_type).toBe('image/jpeg');
    // The EXIF segment (4 bytes of header and its payload) is gone; the rest is the same, byte for byte.
    const exifLength = 4 + EXIF_PAYLOAD.length;
    expect(Number(photos[0].byte_size)).toBe(PHOTO_WITH_GPS.length - exifLength);
    expect(photo.includes(Buffer.from('GPS'))).toBe(false);
    expect(photo.includes(Buffer.from('Exif'))).toBe(false);
    expect(photo.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));

    // The handler sees the photo on the case page; nobody signed out does.
    const staffBrowser = request.agent(t.app.getHttpServer() as Server);
    const login = await staffBrowser.get('/login').expect(200);
    await staffBrowser
      .post('/login')
      .type('form')
      .send({
        _csrf: /name="_csrf" value="([^"]+)"/.exec(login.text)![1],
        email: 'handler@demo.local',
        password: 'demo-password',
      })
      .expect(303);
    const casePage = await staffBrowser.get(`/cases/${reference}`).expect(200);
    const photoLink = /href="([^"]+)" data-case-photo>/.exec(casePage.text)![1];
    const served = await staffBrowser
      .get(photoLink)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.body).toEqual(photo);
    await t.http().get(photoLink).expect(303);

    // The receipt carries the tracking link, under the public address.
    const eml = await eventually(async () => {
      const path = join(t.config.mailDir, `${reference}-receipt.eml`);
      return existsSync(path) ? decodeQuotedPrintable(readFileSync(path, 'utf8')) : undefined;
    }, 'the receipt');
    expect(eml).toContain(`https://kommun.example/track/${reference}?key=${key}`);
  });

  it('shows the handler’s reply on the tracking page, never an internal note, and takes the citizen’s information to the timeline', async () => {
    const citizen = await citizenBrowser(t, freshAddress());
    const posted = await citizen
      .report({
        catalogCode: 'street_light',
        description: 'Lampan på Ekvägen 3 blinkar hela natten.',
        address: 'Ekvägen 3',
      })
      .expect(303);
    const [, reference, key] = /received\/([\d-]+)\?key=([\w-]+)/.exec(posted.headers.location)!;
    const handler = await t.login('handler@demo.local');
    const auth = { authorization: `Bearer ${handler}` };
    const { id } = await eventually(async () => {
      const found = (await t.http().get(`/api/v1/cases/${reference}`).set(auth)).body as { id: string; status: string };
      return found.status === 'routed' ? found : undefined;
    }, 'routing to the department');
    await t
      .http()
      .post(`/api/v1/cases/${id}/notes`)
      .set(auth)
      .send({ body: 'Intern: elektrikern har nyckel.' })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/cases/${id}/replies`)
      .set(auth)
      .send({ body: 'Vi byter lampan på torsdag.' })
      .expect(201);

    const tracking = await citizen.agent.get(`/track/${reference}?key=${key}`).expect(200);
    expect(tracking.text).toContain('Hos avdelningen. De börjar snart.');
    expect(tracking.text).toContain('Tekniska förvaltningen');
    expect(tracking.text).toContain('Vi byter lampan på torsdag.');
    expect(tracking.text).not.toContain('elektrikern');
    expect(tracking.text).toContain('Klart senast');
    expect(tracking.headers['x-robots-tag']).toBe('noindex');

    const csrf = /name="_csrf" value="([^"]+)"/.exec(tracking.text)![1];
    await citizen.agent
      .post(`/track/${reference}/information`)
      .set('X-Forwarded-For', freshAddress())
      .type('form')
      .send({ _csrf: csrf, key, information: '' })
      .expect(400)
      .expect((answer) => expect(answer.text).toContain('href="#information"'));
    const added = await citizen.agent
      .post(`/track/${reference}/information`)
      .set('X-Forwarded-For', freshAddress())
      .type('form')
      .send({ _csrf: csrf, key, information: 'Det är lampan närmast övergångsstället.' })
      .expect(303);
    expect(added.headers.location).toBe(`/track/${reference}?key=${key}&added=1`);
    const timeline = (await t.http().get(`/api/v1/cases/${id}/timeline`).set(auth).expect(200)).body as Array<{
      type: string;
      actorId: string | null;
      body: string | null;
    }>;
    expect(timeline.filter((event) => event.type === 'message')).toEqual([
      expect.objectContaining({ type: 'message', actorId: null, body: 'Det är lampan närmast övergångsstället.' }),
    ]);
    const again = await citizen.agent.get(added.headers.location).expect(200);
    expect(again.text).toContain('Tack! Vi har lagt till det i ärendet.');
    expect(again.text).toContain('Det är lampan närmast övergångsstället.');
  });

  it('shows nothing without the right key: the same 404 for a wrong key, no key and an unknown reference', async () => {
    const citizen = await citizenBrowser(t, freshAddress());
    const posted = await citizen.report({ description: 'En fråga om sophämtningen på min gata.' }).expect(303);
    const [, reference, key] = /received\/([\d-]+)\?key=([\w-]+)/.exec(posted.headers.location)!;
    const wrongKey = `${key.slice(0, 21)}${key.endsWith('A') ? 'B' : 'A'}`;
    const refusals = await Promise.all([
      t.http().get(`/track/${reference}?key=${wrongKey}`),
      t.http().get(`/track/${reference}`),
      t.http().get(`/track/2026-999999?key=${key}`),
      t.http().get(`/e-service/received/${reference}?key=${wrongKey}`),
    ]);
    expect(refusals.map((answer) => answer.status)).toEqual([404, 404, 404, 404]);
    // The same page, but for the language links, which lead back to the address asked for.
    const bodyOf = (text: string) => text.replace(/href="\/(track|e-service)\/[^"]*"/g, '');
    expect(new Set(refusals.slice(0, 3).map((answer) => bodyOf(answer.text))).size).toBe(1);
    for (const answer of refusals) {
      expect(/<main[\s\S]*<\/main>/.exec(answer.text)![0]).not.toContain(reference);
      expect(answer.text).not.toContain('sophämtningen');
    }
    await t
      .http()
      .post(`/track/${reference}/information`)
      .type('form')
      .send({ key: wrongKey, information: 'x' })
      .expect(403);
  });

  it('shows a confidential case’s status only, not who handles it nor what was written', async () => {
    const agent = await t.login('agent@demo.local');
    const created = (
      await t
        .http()
        .post('/api/v1/cases')
        .set('authorization', `Bearer ${agent}`)
        .send({ description: 'Orolig för grannens barn.', confidential: true, citizen: { email: 'anon@example.se' } })
        .expect(201)
    ).body as { reference: string };
    const eml = await eventually(async () => {
      const path = join(t.config.mailDir, `${created.reference}-receipt.eml`);
      return existsSync(path) ? decodeQuotedPrintable(readFileSync(path, 'utf8')) : undefined;
    }, 'the receipt');
    const link = new RegExp(`https://kommun\\.example(/track/${created.reference}\\?key=[\\w-]{22})`).exec(eml)![1];
    const tracking = await t.http().get(link).expect(200);
    expect(tracking.text).toContain('omfattas av sekretess');
    expect(tracking.text).not.toContain('Orolig');
    expect(tracking.text).not.toContain('Vem handlägger');
    expect(tracking.text).not.toContain('Klart senast');
  });

  it('refuses a form whose honeypot is filled in, and one without its anti-forgery token; nothing is created', async () => {
    const before = await casesCount();
    const robot = await citizenBrowser(t, freshAddress());
    const refused = await robot
      .report({ description: 'Köp billiga klockor på vår sajt', website: 'https://spam.example' })
      .expect(400);
    expect(refused.text).toContain('href="#website"');
    await request(t.app.getHttpServer() as Server)
      .post('/e-service')
      .set('X-Forwarded-For', freshAddress())
      .field('description', 'Ett formulär från en annan webbplats')
      .expect(403);
    expect(await casesCount()).toBe(before);
  });

  it('answers bad input with the form again (400) naming the field, keeps what was typed, and creates nothing', async () => {
    const before = await casesCount();
    const citizen = await citizenBrowser(t, freshAddress());
    const cases: Array<[Record<string, string>, Array<{ bytes: Buffer; name: string }>, string]> = [
      [{ description: '   ' }, [], 'description'],
      [{ description: 'Trasig parkbänk', email: 'inte-en-adress' }, [], 'email'],
      [{ description: 'Trasig parkbänk', lat: '59.24' }, [], 'lng'],
      [{ description: 'Trasig parkbänk' }, [{ bytes: Buffer.from('GIF89a....'), name: 'bank.gif' }], 'photos'],
    ];
    for (const [fields, photos, field] of cases) {
      const answer = await citizen.report(fields, photos).set('X-Forwarded-For', freshAddress()).expect(400);
      expect(answer.text).toContain(`href="#${field}"`);
      expect(answer.text).toContain('govuk-error-summary');
    }
    const kept = await citizen.report({ description: 'Trasig parkbänk', email: 'inte-en-adress' }).expect(400);
    expect(kept.text).toContain('Trasig parkbänk');
    expect(kept.text).toContain('value="inte-en-adress"');
    const tooLarge = await citizen
      .report({ description: 'Trasig parkbänk' }, [
        { bytes: Buffer.alloc(5 * 1024 * 1024 + 1, 0xff), name: 'stor.jpg' },
      ])
      .set('X-Forwarded-For', freshAddress())
      .expect(400);
    expect(tooLarge.text).toContain('href="#photos"');
    // A body cut off in the middle of a photo: the form again, not an error of the server.
    const cutOff = await citizen.agent
      .post('/e-service')
      .set('X-Forwarded-For', freshAddress())
      .set('Content-Type', 'multipart/form-data; boundary=cut')
      .send(
        `--cut\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${citizen.csrf}\r\n` +
          '--cut\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8',
      )
      .expect(400);
    expect(cutOff.text).toContain('href="#photos"');
    expect(await casesCount()).toBe(before);
  });

  it('limits reports per client address: past the limit 429 with Retry-After, while another address still gets through', async () => {
    const address = freshAddress();
    const citizen = await citizenBrowser(t, address);
    // Every post counts, accepted or refused.
    await citizen.report({ description: '' }).expect(400);
    for (let n = 0; n < 3; n += 1) await citizen.report({ description: `Klotter på skylt nummer ${n}` }).expect(303);
    const before = await casesCount();
    const refused = await citizen.report({ description: 'Klotter på en skylt till' }).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.text).toContain('För många på kort tid');
    expect(await casesCount()).toBe(before);
    await citizen
      .report({ description: 'Klotter på en skylt till' })
      .set('X-Forwarded-For', freshAddress())
      .expect(303);
  });
});

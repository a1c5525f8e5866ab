import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { ApiClient } from './support/api-client';
import { CaseAction, CaseActionBody, NewCase } from './support/api-types';
import { eventually } from './support/eventually';
import { SurveyTokens } from '../src/e-service/survey-tokens';
import { createTestApp, TestApp } from './support/test-app';

interface Delivered {
  to: string[];
  subject: string;
  headers: string;
  text: string;
}

/** The address the test's mail server refuses, as a relay refuses an unknown mailbox. */
const REFUSED = 'avvisad@example.se';

/** Decodes what nodemailer encodes: quoted-printable or base64 bodies, and =?UTF-8?Q|B?...?= header words. */
function decodeBytes(encoded: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(encoded.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (!/quoted-printable/i.test(encoding)) return encoded;
  const soft = encoded.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i += 1) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function readMail(raw: string, to: string[]): Delivered {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(headers)?.[1] ?? '';
  const words = header('Subject').replace(/\?=\s+=\?/g, '?==?');
  const subject = words.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_all, kind: string, text: string) =>
    kind.toUpperCase() === 'B' ? decodeBytes(text, 'base64') : decodeBytes(text.replace(/_/g, ' '), 'quoted-printable'),
  );
  return {
    to,
    subject,
    headers,
    text: decodeBytes(raw.slice(split).trim(), header('Content-Transfer-Encoding')).replace(/\r\n/g, '\n'),
  };
}

describe('notifications: citizens hear of their cases by e-mail, through a real SMTP server', () => {
  const inbox: Delivered[] = [];
  const refusedTries: string[] = [];
  let refusing = true;
  let smtp: SMTPServer;
  let t: TestApp;
  let agent: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address !== REFUSED) return callback();
        refusedTries.push(address.address);
        if (!refusing) return callback();
        const error = Object.assign(new Error(`Mailbox <${REFUSED}> unavailable`), { responseCode: 550 });
        callback(error);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          inbox.push(
            readMail(
              Buffer.concat(chunks).toString('utf8'),
              session.envelope.rcptTo.map((rcpt) => rcpt.address),
            ),
          );
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await createTestApp({
      runJobs: true,
      env: {
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        MAIL_FROM: 'Servicecenter <servicecenter@norrvika.example>',
        JOB_ATTEMPTS: '3',
        JOB_BACKOFF_MS: '20',
      },
    });
    [agent, admin] = await ApiClient.loginAll(t, 'agent@demo.local', 'admin@demo.local');
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const createCase = (body: NewCase) => agent.createCase(body);
  const act = (id: string, action: CaseAction, body: CaseActionBody = {}) => agent.act(id, action, body);
  const notifications = (id: string, staff = agent) => staff.caseNotifications(id);
  const mailTo = (address: string, subject: string) =>
    eventually(
      async () => inbox.find((mail) => mail.to.includes(address) && mail.subject === subject),
      `"${subject}" to ${address}`,
    );
  const settled = (id: string, kind: string, status: string, staff = agent) =>
    eventually(
      async () => (await notifications(id, staff)).find((n) => n.kind === kind && n.status === status),
      `a ${status} ${kind} for case ${id}`,
    );

  it('mails a receipt with the reference number to a citizen who gave an e-mail address, and records it', async () => {
    const created = await createCase({
      description: 'Gatlampan vid skolan är släckt',
      catalogCode: 'street_light',
      citizen: { name: 'Anna', email: 'anna@example.se' },
    });
    const mail = await mailTo('anna@example.se', `Vi har fått ditt ärende ${created.reference}`);
    expect(mail.text).toContain(`Ditt nummer är ${created.reference}. Spara det.`);
    expect(mail.text).toContain('Vänliga hälsningar\nServicecenter');
    expect(mail.headers).toMatch(/^From: Servicecenter <servicecenter@norrvika\.example>$/m);
    expect(mail.headers).toMatch(/^Auto-Submitted: auto-generated$/m);

    const sent = await settled(created.id, 'receipt', 'sent');
    expect(sent).toMatchObject({
      caseReference: created.reference,
      channel: 'email',
      recipient: 'a***@e***.se',
      attempts: 1,
      lastError: null,
      sentAt: expect.any(String),
    });
    const timeline = await admin.timeline(created.id);
    const event = timeline.find((e) => e.type === 'notice' && e.topic === 'notification');
    expect(event).toMatchObject({
      reason: 'Receipt by e-mail sent to the citizen',
      data: { notificationId: sent.id, kind: 'receipt', channel: 'email', status: 'sent', attempts: 1 },
    });
    expect(JSON.stringify(event)).not.toContain('anna@example.se');
  });

  it('sends nothing to a citizen who left no address, and one resolution message for a case resolved on the spot', async () => {
    const anonymous = await createCase({
      description: 'Fråga om öppettider',
      catalogCode: 'general_information',
      citizen: { name: 'Okänd' },
    });
    const onTheSpot = await createCase({
      description: 'Fråga om öppettider',
      catalogCode: 'general_information',
      citizen: { email: 'stina@example.se' },
      resolvedOnSpot: true,
      resolution: 'Svarade direkt',
    });
    await mailTo('stina@example.se', `Ditt ärende ${onTheSpot.reference} är klart`);
    expect((await notifications(onTheSpot.id)).map((n) => n.kind)).toEqual(['resolution']);
    expect(await notifications(anonymous.id)).toEqual([]);
  });

  it('mails the resolution, and each reply written to the citizen', async () => {
    const created = await createCase({
      description: 'Var kan jag lämna grovsopor?',
      catalogCode: 'general_information',
      citizen: { email: 'bertil@example.se' },
    });
    await settled(created.id, 'receipt', 'sent');
    await agent.reply(created.id, 'Du kan lämna grovsopor på Norrvika återvinningscentral.');
    const reply = await mailTo('bertil@example.se', `Svar i ditt ärende ${created.reference}`);
    expect(reply.text).toContain('Du kan lämna grovsopor på Norrvika återvinningscentral.');
    await act(created.id, 'resolve', { reason: 'Besvarat' });
    const resolution = await mailTo('bertil@example.se', `Ditt ärende ${created.reference} är klart`);
    expect(resolution.text).toContain(`Nu är ditt ärende ${created.reference} klart.`);
    // The mail server has the message a moment before the app records it as sent.
    await settled(created.id, 'resolution', 'sent');
    expect((await notifications(created.id)).map((n) => `${n.kind}:${n.status}`)).toEqual([
      'receipt:sent',
      'reply:sent',
      'resolution:sent',
    ]);
  });

  it('carries the answer in the resolution message, signed by the department, greeting once', async () => {
    const created = await createCase({
      description: 'Fråga om bygglov för altan',
      catalogCode: 'general_information',
      citizen: { name: 'Anna Berg', email: 'anna.berg@example.se' },
    });
    await settled(created.id, 'receipt', 'sent');
    await agent.reply(
      created.id,
      'Hej Anna!\n\nEn altan lägre än 1,8 meter behöver inget bygglov.\n\nMed vänlig hälsning\nPer',
    );
    const reply = await mailTo('anna.berg@example.se', `Svar i ditt ärende ${created.reference}`);
    expect(reply.text).toBe(
      'Hej Anna!\n\nEn altan lägre än 1,8 meter behöver inget bygglov.\n\nMed vänlig hälsning\nPer\n\n' +
        `Servicecenter (kommunstyrelseförvaltningen)\n\nDitt nummer är ${created.reference}. Ange det om du hör av dig.`,
    );
    await act(created.id, 'resolve', { reason: 'Du behöver inget bygglov för altanen.' });
    const resolution = await mailTo('anna.berg@example.se', `Ditt ärende ${created.reference} är klart`);
    expect(resolution.text).toBe(
      `Hej!\n\nNu är ditt ärende ${created.reference} klart.\n\nDu behöver inget bygglov för altanen.\n\n` +
        'Vänliga hälsningar\nServicecenter (kommunstyrelseförvaltningen)\n\n' +
        'Har du frågor? Hör av dig till oss och ange numret.\n\n' +
        `Vad tyckte du? Svara på tre korta frågor: ${new SurveyTokens(t.config.personalDataKey).linkFor(t.config.publicBaseUrl, created.id)}`,
    );
  });

  it('writes to the citizen in the language they read', async () => {
    const created = await createCase({
      description: 'Streetlight out on the corner of Ekvägen',
      catalogCode: 'general_information',
      citizen: { email: 'tom@example.com', language: 'en' },
    });
    const receipt = await mailTo('tom@example.com', `We have received your case ${created.reference}`);
    expect(receipt.text).toMatch(/^Hello,\n\nThank you for contacting us\./);
    expect(receipt.text).toContain('Kind regards\nServicecenter');
  });

  it('sends nothing and counts no first response for a reply to a citizen who left no way to reach them', async () => {
    const created = await createCase({
      description: 'Fråga om parkeringstillstånd',
      catalogCode: 'general_information',
      citizen: { name: 'Okänd' },
    });
    const reply = await agent.reply(created.id, 'Du söker tillståndet hos kommunen.');
    expect(reply.data).toMatchObject({ delivery: 'not_sent', notSentBecause: 'no_contact_details' });
    expect((await agent.getCase(created.id)).firstResponseAt).toBeNull();
    expect(await notifications(created.id)).toEqual([]);
  });

  it('does not e-mail the text of a reply on a confidential case', async () => {
    const created = await createCase({
      description: 'Behöver hjälp med hyran',
      catalogCode: 'income_support',
      citizen: { email: 'lena@example.se' },
    });
    await settled(created.id, 'receipt', 'sent', admin);
    const reply = await admin.reply(created.id, 'Vi ringer dig i morgon om ditt bistånd.');
    expect(reply.data).toMatchObject({ delivery: 'not_sent', notSentBecause: 'confidential' });
    expect((await admin.getCase(created.id)).firstResponseAt).toBeNull();
    expect((await notifications(created.id, admin)).map((n) => n.kind)).toEqual(['receipt']);
    await agent.caseNotifications(created.id).expectStatus(403);
  });

  it('tells the citizens of confirmed duplicates when the case they repeat is resolved, also when confirmed afterwards', async () => {
    const original = await createCase({
      description: 'Trasig gunga i lekparken',
      catalogCode: 'general_information',
      citizen: { email: 'orig@example.se' },
    });
    const repeat = await createCase({
      description: 'Gungan i lekparken är sönder',
      catalogCode: 'general_information',
      citizen: { email: 'repeat@example.se' },
    });
    const late = await createCase({
      description: 'Gungan är trasig',
      catalogCode: 'general_information',
      citizen: { phone: '070-111 22 33', email: 'late@example.se' },
    });
    await act(repeat.id, 'duplicate', { duplicateOf: original.reference });
    await act(original.id, 'resolve', { reason: 'Gungan lagad' });
    await mailTo('orig@example.se', `Ditt ärende ${original.reference} är klart`);
    const repeated = await mailTo('repeat@example.se', `Ditt ärende ${repeat.reference} är klart`);
    expect(repeated.text).toContain(
      `Ditt ärende ${repeat.reference} gällde samma sak som ett annat ärende. Vi tog hand om dem som ett. Nu är det klart.`,
    );

    await act(late.id, 'duplicate', { duplicateOf: original.id });
    await mailTo('late@example.se', `Ditt ärende ${late.reference} är klart`);
  });

  it('retries a message the mail server refuses, then shows it as failed, without the address; an admin resends it', async () => {
    const created = await createCase({
      description: 'Hål i cykelbanan',
      catalogCode: 'pothole',
      citizen: { email: REFUSED },
    });
    const failed = await settled(created.id, 'receipt', 'failed');
    expect(refusedTries).toHaveLength(3);
    expect(failed).toMatchObject({ attempts: 3, recipient: 'a***@e***.se', sentAt: null });
    expect(failed.lastError).toContain('550');
    expect(failed.lastError).not.toContain(REFUSED);

    const listed = await admin.notifications({ status: 'failed' });
    expect(listed.items.find((n) => n.id === failed.id)).toMatchObject({
      caseReference: created.reference,
      kind: 'receipt',
      status: 'failed',
    });
    await agent.notifications({ status: 'failed' }).expectStatus(403);
    const timeline = await admin.timeline(created.id);
    const event = timeline.find((e) => e.type === 'notice' && e.topic === 'notification');
    expect(event?.data?.status).toBe('failed');
    expect(event?.reason).toMatch(/^Receipt by e-mail could not be sent after 3 tries: .*550/);
    expect(JSON.stringify(timeline)).not.toContain(REFUSED);

    refusing = false;
    await admin.resendNotification(failed.id);
    await mailTo(REFUSED, `Vi har fått ditt ärende ${created.reference}`);
    expect(await settled(created.id, 'receipt', 'sent')).toMatchObject({ id: failed.id, attempts: 4, resendCount: 1 });
    await admin.resendNotification(failed.id).expectStatus(409);
  });
});

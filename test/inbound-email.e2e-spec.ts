import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { createTransport, Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { InboundEmail } from '../src/inbound-email/entities/inbound-email.entity';
import { InboundSmtpListener } from '../src/inbound-email/inbound-smtp-listener.service';
import { TransactionService } from '../src/database/transaction.service';
import { noCounts } from '../src/privacy/retention-counts';
import { RetentionService } from '../src/privacy/retention.service';
import { ApiClient } from './support/api-client';
import { CaseView } from './support/api-types';
import { eventually } from './support/eventually';
import { createTestApp, TestApp } from './support/test-app';

/** A message the test's mail sink received: envelope recipients, the raw text and its decoded subject. */
interface Sunk {
  to: string[];
  raw: string;
  subject: string;
  messageId: string;
  inReplyTo: string;
  references: string[];
}

const SERVICE_CENTER = 'servicecenter@norrvika.example';
const SECRET = 'gateway-secret-for-tests';
/** A small PDF the citizen attaches. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface CaseEmail {
  messageId: string;
  receivedAt: string;
  from: string;
  subject: string;
  text: string;
  attachments: Array<{ filename: string | null; contentType: string; sizeBytes: number; dataUrl: string }>;
}

/** Monday 4 May 2026, 09:00 in Sweden: a working day. */
const ARRIVAL = '2026-05-04T07:00:00.000Z';

describe('the e-mail inbox: e-mail to the service center becomes contacts and cases', () => {
  const sunk: Sunk[] = [];
  let sink: SMTPServer;
  let t: TestApp;
  let citizenMail: Transporter;
  let agent: ApiClient;
  let admin: ApiClient;
  let db: DataSource;

  beforeAll(async () => {
    sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          void simpleParser(raw).then((parsed) => {
            sunk.push({
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              raw: raw.toString('utf8'),
              subject: parsed.subject ?? '',
              messageId: parsed.messageId ?? '',
              inReplyTo: parsed.inReplyTo ?? '',
              references: typeof parsed.references === 'string' ? [parsed.references] : (parsed.references ?? []),
            });
            callback();
          }, callback);
        });
      },
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    t = await createTestApp({
      runJobs: true,
      now: ARRIVAL,
      env: {
        SMTP_URL: `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`,
        MAIL_FROM: `Servicecenter <${SERVICE_CENTER}>`,
        INBOUND_SMTP_PORT: '0',
        INBOUND_SMTP_HOST: '127.0.0.1',
        INBOUND_EMAIL_ADDRESS: SERVICE_CENTER,
        INBOUND_EMAIL_SECRET: SECRET,
      },
    });
    citizenMail = createTransport({
      host: '127.0.0.1',
      port: t.app.get(InboundSmtpListener).port as number,
      secure: false,
      ignoreTLS: true,
    });
    db = t.app.get(DataSource);
    [agent, admin] = await ApiClient.loginAll(t, 'agent@demo.local', 'admin@demo.local');
  });
  afterAll(async () => {
    citizenMail.close();
    await t.close();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
  });

  const mailTo = (address: string, subjectPart: string) =>
    eventually(
      async () => sunk.find((mail) => mail.to.includes(address) && mail.subject.includes(subjectPart)),
      `a message "${subjectPart}" to ${address}`,
    );
  const caseOfReceipt = async (address: string): Promise<{ receipt: Sunk; created: CaseView }> => {
    const receipt = await mailTo(address, 'Vi har fått ditt ärende');
    const caseId = /<notify\.([0-9a-f-]{36})\.receipt@/.exec(receipt.messageId)?.[1];
    if (!caseId) throw new Error(`The receipt's Message-ID ${receipt.messageId} names no case`);
    return { receipt, created: await agent.getCase(caseId) };
  };
  /** The case once triage has set its type (a water bill stays with the service center, triaged). */
  const triaged = (caseId: string) =>
    eventually(async () => {
      const now = await agent.getCase(caseId);
      if (now.catalogCode === null) throw new Error(`still ${now.status}`);
      return now;
    }, 'the case triaged');
  const caseEmails = (staff: ApiClient, caseId: string) =>
    staff.send<CaseEmail[]>('get', `/api/v1/cases/${caseId}/emails`);
  const stored = () => db.manager.count(InboundEmail);
  const gatewayPost = (raw: string, secret?: string) => {
    const call = t.http().post('/api/v1/inbound/email').set('Content-Type', 'message/rfc822');
    return (secret ? call.set('Authorization', `Bearer ${secret}`) : call).send(Buffer.from(raw));
  };

  it('files an e-mail sent over SMTP as a contact and a triaged case, and mails a receipt with the reference', async () => {
    await citizenMail.sendMail({
      from: 'Anna Andersson <anna@example.se>',
      to: SERVICE_CENTER,
      subject: 'Fråga om min vattenfaktura',
      text: 'Hej! Räkningen stämmer inte: avgiften på fakturan är för hög och vattenmätaren visar mindre.\n\n-- \nAnna Andersson\n070-123 45 67',
      messageId: '<fraga-1@example.se>',
      attachments: [{ filename: 'faktura.pdf', content: PDF, contentType: 'application/pdf' }],
    });
    const { receipt, created } = await caseOfReceipt('anna@example.se');
    expect(receipt.subject).toBe(`Vi har fått ditt ärende ${created.reference}`);
    expect(created.channel).toBe('email');
    // Triaged from subject and text by the same engine as every case.
    expect(await triaged(created.id)).toMatchObject({ status: 'triaged', catalogCode: 'water_bill' });
    expect(created.description).toContain('Fråga om min vattenfaktura');
    expect(created.description).toContain('Räkningen stämmer inte');
    // The signature is cut from what the handler reads.
    expect(created.description).not.toContain('070-123 45 67');
    expect(created.citizen).toMatchObject({ name: 'Anna Andersson', email: 'anna@example.se' });
    // The contact and the case start when the e-mail arrived.
    expect(created.receivedAt).toBe(ARRIVAL);
    const contact = await agent.contact(created.contactId as string);
    expect(contact).toMatchObject({ channel: 'email', outcome: 'case_created', startedAt: ARRIVAL });
    // The whole message is kept, signature and all.
    const row = await db.manager.findOneByOrFail(InboundEmail, { messageId: '<fraga-1@example.se>' });
    expect(row).toMatchObject({ status: 'filed', caseId: created.id, contactId: created.contactId });
    expect(row.raw.toString('utf8')).toContain('070-123 45 67');
    // Staff who may read the case read the e-mail whole, with its attachment.
    const emails = await caseEmails(agent, created.id);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      messageId: '<fraga-1@example.se>',
      receivedAt: ARRIVAL,
      from: '"Anna Andersson" <anna@example.se>',
      subject: 'Fråga om min vattenfaktura',
      attachments: [{ filename: 'faktura.pdf', contentType: 'application/pdf', sizeBytes: PDF.length }],
    });
    expect(emails[0].text).toContain('070-123 45 67');
    expect(emails[0].attachments[0].dataUrl).toBe(`data:application/pdf;base64,${PDF.toString('base64')}`);
  });

  it('adds a message whose subject names the case to it only when the citizen sent it', async () => {
    const { created } = await caseOfReceipt('anna@example.se');
    await citizenMail.sendMail({
      from: 'anna@example.se',
      to: SERVICE_CENTER,
      subject: `Ang. ärende ${created.reference}`,
      text: 'Jag glömde skriva att mätaren sitter i källaren.',
    });
    const added = await eventually(
      async () => (await agent.timeline(created.id)).find((event) => event.type === 'message'),
      'the message on the case',
    );
    expect(added.body).toBe('Jag glömde skriva att mätaren sitter i källaren.');

    // Someone else naming the reference makes a case of their own, not a message on Anna's.
    await citizenMail.sendMail({
      from: 'Fredrik <fredrik@example.se>',
      to: SERVICE_CENTER,
      subject: `Ang. ärende ${created.reference}`,
      text: 'Min faktura är också fel.',
    });
    const own = await caseOfReceipt('fredrik@example.se');
    expect(own.created.id).not.toBe(created.id);
    expect((await agent.timeline(created.id)).filter((event) => event.type === 'message')).toHaveLength(1);
  });

  it('adds a reply to the receipt to the same case, without the quoted text, and reopens it when resolved', async () => {
    await citizenMail.sendMail({
      from: 'Bo Berg <bo@example.se>',
      to: SERVICE_CENTER,
      subject: 'Vattenmätare och faktura',
      text: 'Räkningen är fel: vattenmätaren visar fel och avgiften på fakturan blev dubbelt så hög.',
    });
    const { receipt, created } = await caseOfReceipt('bo@example.se');
    await triaged(created.id);
    await agent.act(created.id, 'resolve', { reason: 'Mätaren byts nästa vecka och fakturan rättas.' });

    t.advanceMinutes(60);
    await citizenMail.sendMail({
      from: 'Bo Berg <bo@example.se>',
      to: SERVICE_CENTER,
      subject: `Re: ${receipt.subject}`,
      inReplyTo: receipt.messageId,
      references: [receipt.messageId],
      text: 'Mätaren är inte bytt än.\n\nDen 4 maj 2026 kl. 09:00 skrev Servicecenter <servicecenter@norrvika.example>:\n> Hej!\n> Vi har fått ditt ärende.',
      messageId: '<svar-bo@example.se>',
    });
    const message = await eventually(
      async () => (await agent.timeline(created.id)).find((event) => event.type === 'message'),
      'the citizen’s message on the timeline',
    );
    expect(message.body).toBe('Mätaren är inte bytt än.');
    expect(message.at).toBe('2026-05-04T08:00:00.000Z');
    expect(message.data).toMatchObject({ channel: 'email' });
    const reopened = await agent.getCase(created.id);
    expect(reopened.status).toBe('reopened');
    expect(reopened.reopenCount).toBe(1);
    // No second case: the row points at the same one.
    expect(await db.manager.findOneByOrFail(InboundEmail, { messageId: '<svar-bo@example.se>' })).toMatchObject({
      status: 'filed',
      caseId: created.id,
      contactId: null,
    });

    // The handler's reply goes out in the citizen's thread, the reference in the subject.
    await agent.reply(created.id, 'Vi skickar en montör i morgon.');
    const reply = await mailTo('bo@example.se', 'Svar i ditt ärende');
    expect(reply.subject).toBe(`Svar i ditt ärende ${created.reference}`);
    expect(reply.inReplyTo).toBe('<svar-bo@example.se>');
    expect(reply.references).toContain('<svar-bo@example.se>');
    expect(reply.messageId).toMatch(/^<notify\.[0-9a-f-]{36}\.reply-\d+@norrvika\.example>$/);
  });

  it('creates nothing from an automatic reply or a bounce, and records why', async () => {
    await citizenMail.sendMail({
      from: 'Cecilia <cecilia@example.se>',
      to: SERVICE_CENTER,
      subject: 'Frånvaro: Vattenfaktura',
      text: 'Jag är på semester till och med 20 maj.',
      headers: { 'Auto-Submitted': 'auto-replied' },
      messageId: '<semester@example.se>',
    });
    await citizenMail.sendMail({
      from: 'MAILER-DAEMON@mx.example.se',
      to: SERVICE_CENTER,
      subject: 'Undelivered Mail Returned to Sender',
      text: 'This is the mail system.',
      messageId: '<studs@mx.example.se>',
    });
    const ignored = await eventually(async () => {
      const rows = await db.manager.findBy(InboundEmail, { status: 'ignored' });
      return rows.length === 2 ? rows : undefined;
    }, 'both messages ignored');
    expect(Object.fromEntries(ignored.map((row) => [row.messageId, row.ignoredReason]))).toEqual({
      '<semester@example.se>': 'auto_reply',
      '<studs@mx.example.se>': 'bounce',
    });
    expect(ignored.every((row) => row.caseId === null && row.contactId === null)).toBe(true);
    expect(sunk.some((mail) => mail.to.includes('cecilia@example.se'))).toBe(false);
  });

  it('keeps a confidential case’s e-mails from staff who may not read the case', async () => {
    await citizenMail.sendMail({
      from: 'Gun <gun@example.se>',
      to: SERVICE_CENTER,
      subject: 'Ekonomiskt bistånd',
      text: 'Jag behöver ekonomiskt bistånd, försörjningsstöd eller socialbidrag denna månad.',
    });
    const { created } = await caseOfReceipt('gun@example.se');
    const [social, water] = await ApiClient.loginAll(t, 'handler.soc@demo.local', 'handler.va@demo.local');
    const confidential = await eventually(async () => {
      const now = await social.getCase(created.id);
      if (now.catalogCode === null) throw new Error(`still ${now.status}`);
      return now;
    }, 'the case triaged');
    expect(confidential).toMatchObject({ catalogCode: 'income_support', confidential: true });
    expect(await caseEmails(social, created.id)).toHaveLength(1);
    const refused = await water.send('get', `/api/v1/cases/${created.id}/emails`, { status: 403 }).response();
    expect(refused.text).not.toContain('bistånd');
  });

  it('refuses a message over the attachment limits whole, and stores nothing', async () => {
    const before = await stored();
    const tooMany = Array.from({ length: 11 }, (_unused, index) => ({ filename: `bild-${index}.txt`, content: 'x' }));
    await expect(
      citizenMail.sendMail({
        from: 'anna@example.se',
        to: SERVICE_CENTER,
        subject: 'Bilder',
        text: 'Se bilderna.',
        attachments: tooMany,
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    expect(await stored()).toBe(before);
  });

  it('refuses another recipient at RCPT TO', async () => {
    const before = await stored();
    await expect(
      citizenMail.sendMail({
        from: 'anna@example.se',
        to: 'someone.else@norrvika.example',
        subject: 'Hej',
        text: 'Hej',
      }),
    ).rejects.toMatchObject({ responseCode: 550 });
    expect(await stored()).toBe(before);
  });

  it('takes a message from the gateway only with the secret, and files the same Message-ID once', async () => {
    const raw = [
      'From: Dan Dahl <dan@example.se>',
      `To: ${SERVICE_CENTER}`,
      'Subject: Vattenfaktura',
      'Message-ID: <gateway-1@example.se>',
      'Date: Mon, 4 May 2026 09:00:00 +0200',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hur betalar jag min faktura för vatten?',
      '',
    ].join('\r\n');
    const before = await stored();
    expect((await gatewayPost(raw)).status).toBe(401);
    expect((await gatewayPost(raw, 'wrong-secret')).status).toBe(403);
    expect(await stored()).toBe(before);

    const first = await gatewayPost(raw, SECRET);
    expect(first.status).toBe(202);
    const accepted = first.body as { inboundEmailId: string; duplicate: boolean };
    expect(accepted.duplicate).toBe(false);
    const again = await gatewayPost(raw, SECRET);
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ inboundEmailId: accepted.inboundEmailId, duplicate: true });
    await citizenMail.sendMail({ envelope: { from: 'dan@example.se', to: [SERVICE_CENTER] }, raw });

    await caseOfReceipt('dan@example.se');
    expect(await db.manager.countBy(InboundEmail, { messageId: '<gateway-1@example.se>' })).toBe(1);
    const cases = await admin.listCases({ text: 'Hur betalar jag', limit: 100 });
    expect(cases.total).toBe(1);
    expect(sunk.filter((mail) => mail.to.includes('dan@example.se'))).toHaveLength(1);
  });

  it('measures the KKiK figure "e-mail answered within one working day" from the arrival', async () => {
    t.setNow('2026-05-06T07:00:00.000Z'); // Wednesday 09:00
    await citizenMail.sendMail({
      from: 'Eva Ek <eva@example.se>',
      to: SERVICE_CENTER,
      subject: 'Fråga om faktura',
      text: 'Räkningen kom två gånger: avgiften och taxan på fakturan för vattenmätaren är dubbla.',
    });
    const { created } = await caseOfReceipt('eva@example.se');
    expect(created.receivedAt).toBe('2026-05-06T07:00:00.000Z');
    await triaged(created.id);
    // Thursday 15:00: within the close of the first working day after the day it arrived.
    t.setNow('2026-05-07T13:00:00.000Z');
    await agent.reply(created.id, 'Den ena fakturan makuleras.');
    const report = await admin.statistics('email-answers', { from: '2026-05-06', to: '2026-05-07' });
    expect(report.total).toMatchObject({ questions: 1, fromCases: 1, answeredWithinOneWorkingDay: 1 });
  });

  it('deletes the kept messages when their case’s personal data goes (retention, erasure)', async () => {
    const { created } = await caseOfReceipt('dan@example.se');
    expect(await db.manager.countBy(InboundEmail, { caseId: created.id })).toBe(1);
    await t.app
      .get(TransactionService)
      .run((manager) => t.app.get(RetentionService).anonymiseCase(manager, created.id, t.clock.now(), noCounts()));
    expect(await db.manager.countBy(InboundEmail, { caseId: created.id })).toBe(0);
    expect(await db.manager.countBy(InboundEmail, { messageId: '<gateway-1@example.se>' })).toBe(0);
  });
});

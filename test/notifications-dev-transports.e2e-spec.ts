import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrackingKeys } from '../src/e-service/tracking-keys';
import { ApiClient } from './support/api-client';
import { NewCase } from './support/api-types';
import { eventually } from './support/eventually';
import { createTestApp, TestApp } from './support/test-app';

/** Without SMTP_URL, e-mail and SMS land as files in MAIL_DIR, one per message, for a developer to open. */
describe('notifications in development: files in MAIL_DIR instead of SMTP and an SMS provider', () => {
  const ownDir = mkdtempSync(join(tmpdir(), 'onewayin-mail-'));
  let mailDir: string;
  let t: TestApp;
  let agent: ApiClient;

  beforeAll(async () => {
    // On SQLite the test app puts MAIL_DIR beside its database file; elsewhere it is this one.
    t = await createTestApp({ runJobs: true, env: { MAIL_DIR: ownDir } });
    mailDir = t.config.mailDir;
    agent = await ApiClient.login(t, 'agent@demo.local');
  });
  afterAll(async () => {
    await t.close();
    rmSync(ownDir, { recursive: true, force: true });
  });

  const createCase = (body: NewCase) => agent.createCase(body);
  const fileAppears = (path: string) =>
    eventually(async () => (existsSync(path) ? readFileSync(path, 'utf8') : undefined), path);

  it('writes each e-mail as an .eml file named after the case reference and the kind of message', async () => {
    const created = await createCase({
      description: 'Soptunnan har inte tömts',
      catalogCode: 'waste_collection_missed',
      citizen: { email: 'karin@example.se' },
    });
    const eml = await fileAppears(join(mailDir, `${created.reference}-receipt.eml`));
    expect(eml).toMatch(/^To: karin@example\.se\r$/m);
    expect(eml).toMatch(/^Subject: /m);
    expect(eml).toContain('\r\n');
    expect(eml).toContain(created.reference);
    expect(readdirSync(mailDir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('writes each SMS to MAIL_DIR/sms/ for a citizen who gave only a phone number', async () => {
    const created = await createCase({
      description: 'Fråga om öppettider',
      catalogCode: 'general_information',
      citizen: { phone: '070-111 22 33' },
    });
    const receipt = await fileAppears(join(mailDir, 'sms', `${created.reference}-receipt.txt`));
    expect(receipt).toBe(
      `To: 070-111 22 33\n\nVi har fått ditt ärende. Ditt nummer är ${created.reference}. Ange det när du hör av dig. ` +
        `Följ det här: ${new TrackingKeys(t.config.personalDataKey).linkFor(t.config.publicBaseUrl, created.reference, created.id)} ` +
        'Hälsningar Servicecenter\n',
    );
    const listed = await eventually(async () => {
      const rows = await agent.caseNotifications(created.id);
      return rows[0]?.status === 'sent' ? rows : undefined;
    }, 'the receipt to be sent');
    expect(listed).toMatchObject([{ kind: 'receipt', channel: 'sms', recipient: '***33', status: 'sent' }]);

    // A reply to a citizen who gave only a phone number goes by SMS, and is the first response.
    const reply = await agent.reply(created.id, 'Biblioteket har öppet till 19 på torsdagar.');
    expect(reply.data).toMatchObject({ delivery: 'sms' });
    const replied = await fileAppears(join(mailDir, 'sms', `${created.reference}-reply-${reply.id}.txt`));
    expect(replied).toBe(
      `To: 070-111 22 33\n\nSvar i ärende ${created.reference}: Biblioteket har öppet till 19 på torsdagar. ` +
        'Hälsningar Servicecenter (kommunstyrelseförvaltningen)\n',
    );
    expect((await agent.getCase(created.id)).firstResponseAt).toBe(reply.at);

    await agent.act(created.id, 'resolve', { reason: 'Du fick svar om öppettiderna.' });
    const resolution = await fileAppears(join(mailDir, 'sms', `${created.reference}-resolution.txt`));
    expect(resolution).toContain(`Nu är ditt ärende ${created.reference} klart. Du fick svar om öppettiderna.`);
  });
});

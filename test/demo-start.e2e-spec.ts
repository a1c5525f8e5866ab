import { ApiClient } from './support/api-client';
import { AppProcess, AppProcessHome, createAppProcessHome } from './support/app-process';
import { eventually } from './support/eventually';

/**
 * `npm start` as a developer runs it: the app as a process of its own in development, started
 * twice on the same database, then once in the test environment. The log-ins are what a person
 * reads first, so they come after the start-up log and on every start, not only the one that seeded.
 */
// Each start builds, migrates and (the first) seeds a fresh database: minutes on a busy machine.
jest.setTimeout(240_000);

describe('npm start in development: the demo log-ins after the start-up log, on every start', () => {
  let home: AppProcessHome;

  beforeAll(async () => {
    home = await createAppProcessHome();
  });
  afterAll(async () => {
    await home?.remove();
  });

  /**
   * Starts the app, stops it once its start-up is printed (also when a check fails, so no process
   * outlives the test), and answers what it printed and its base URL.
   */
  async function startAndStop(
    env: Record<string, string>,
    check?: (app: AppProcess) => Promise<void>,
  ): Promise<{ printed: string[]; base: string }> {
    const running = await AppProcess.start({ ...home.env, LOG_LEVEL: 'info', ...env });
    try {
      const printed = (text: string) => async () => (running.printed().includes(text) ? true : undefined);
      await eventually(printed('onewayin listening on'), 'the start');
      if (env.NODE_ENV === 'development') await eventually(printed('/docs\n'), 'the log-ins');
      if (check) await check(running);
    } finally {
      await running.stop();
    }
    return { printed: running.printed().split('\n'), base: `http://localhost:${new URL(running.url).port}` };
  }

  /** The nine lines from the first of the log-ins on. */
  function loginLines(printed: string[]): string[] {
    const start = printed.findIndex((line) => line.startsWith('Demo municipality'));
    return start < 0 ? [] : printed.slice(start, start + 9);
  }

  const expectedLogins = (base: string) => [
    `Demo municipality Norrvika kommun: sign in at ${base}/login, password "demo-password" for everyone:`,
    `  agent@demo.local        agent (SC)     -> ${base}/desk`,
    `  handler@demo.local      handler (TEK)  -> ${base}/inbox`,
    `  manager@demo.local      manager        -> ${base}/dashboard`,
    `  admin@demo.local        admin          -> ${base}/admin`,
    `  handler.va@demo.local   handler (VA)   -> ${base}/inbox`,
    `  handler.soc@demo.local  handler (SOC)  -> ${base}/inbox`,
    `  handler.sbf@demo.local  handler (SBF)  -> ${base}/inbox`,
    `API: POST ${base}/api/v1/auth/login {"email","password"}; documentation at ${base}/docs`,
  ];

  it('seeds the demo with its history and prints the log-ins after the last log line, then prints them again on the next start', async () => {
    let contactsAfterSeeding = 0;
    const first = await startAndStop({ NODE_ENV: 'development' }, async (running) => {
      const manager = await ApiClient.login(running, 'manager@demo.local');
      contactsAfterSeeding = (await manager.statistics('contacts', { from: '2025-01-01', to: '2030-01-01' })).total
        .contacts;
    });
    expect(first.printed.some((line) => line.includes('Seeded a year of demo history'))).toBe(true);
    expect(contactsAfterSeeding).toBeGreaterThan(3000);
    expect(loginLines(first.printed)).toEqual(expectedLogins(first.base));
    const listening = first.printed.findIndex((line) => line.includes('onewayin listening on'));
    const logins = first.printed.findIndex((line) => line.startsWith('Demo municipality'));
    expect(listening).toBeGreaterThanOrEqual(0);
    // After the last start-up line: between them only the blank separating line, or the log of
    // a request the test sent while the log-ins were being read.
    expect(logins).toBeGreaterThan(listening);
    for (const line of first.printed.slice(listening + 1, logins))
      expect(line === '' || line.includes('"msg":"request completed"')).toBe(true);

    const second = await startAndStop({ NODE_ENV: 'development' }, async (running) => {
      const manager = await ApiClient.login(running, 'manager@demo.local');
      const contacts = await manager.statistics('contacts', { from: '2025-01-01', to: '2030-01-01' });
      expect(contacts.total.contacts).toBe(contactsAfterSeeding);
    });
    expect(second.printed.some((line) => line.includes('Seeded'))).toBe(false);
    expect(loginLines(second.printed)).toEqual(expectedLogins(second.base));
  });

  it('prints no log-ins outside development', async () => {
    const { printed } = await startAndStop({ NODE_ENV: 'test' });
    expect(printed.some((line) => line.includes('onewayin listening on'))).toBe(true);
    expect(printed.some((line) => line.includes('demo-password') || line.startsWith('Demo municipality'))).toBe(false);
  });
});

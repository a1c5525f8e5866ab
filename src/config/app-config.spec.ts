import { ConfigError, loadConfig, startupWarnings } from './app-config';

describe('loadConfig', () => {
  it('runs with no configuration at all on SQLite, port 3000, in-process queue', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database.kind).toBe('sqlite');
    expect(config.database.sqlitePath).toBe('./data/onewayin.sqlite');
    expect(config.redisUrl).toBeUndefined();
    expect(config.seedDemo).toBe(true);
    expect(config.queue).toEqual({
      prefix: 'onewayin',
      runWorkers: true,
      jobAttempts: 5,
      jobBackoffMs: 1000,
      outboxPollMs: 250,
      jobLockMs: 30_000,
    });
    expect(config.routing).toEqual({ triageMinConfidence: 0.2, serviceCenterDepartment: 'SC' });
  });

  it('lets a process with Redis leave the jobs to the workers', () => {
    const config = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', RUN_WORKERS: 'false', QUEUE_PREFIX: 'town-a' });
    expect(config.queue.runWorkers).toBe(false);
    expect(config.queue.prefix).toBe('town-a');
  });

  it('reads the queue and routing tuning', () => {
    const config = loadConfig({
      JOB_ATTEMPTS: '3',
      JOB_BACKOFF_MS: '50',
      OUTBOX_POLL_MS: '100',
      JOB_LOCK_MS: '5000',
      TRIAGE_MIN_CONFIDENCE: '0.75',
      SERVICE_CENTER_DEPARTMENT: 'KC',
    });
    expect(config.queue).toMatchObject({ jobAttempts: 3, jobBackoffMs: 50, outboxPollMs: 100, jobLockMs: 5000 });
    expect(config.routing).toEqual({ triageMinConfidence: 0.75, serviceCenterDepartment: 'KC' });
  });

  it('warns at 80 % of a service target by default, or at SERVICE_TARGET_WARNING_SHARE', () => {
    expect(loadConfig({}).serviceTargets).toEqual({ warningShare: 0.8 });
    expect(loadConfig({ SERVICE_TARGET_WARNING_SHARE: '0.5' }).serviceTargets).toEqual({ warningShare: 0.5 });
  });

  it('reconciles every 5 minutes and calls a message stuck after 15, or as RECONCILE_EVERY_SECONDS and STUCK_AFTER_MINUTES say', () => {
    expect(loadConfig({}).reconciliation).toEqual({ everySeconds: 300, stuckAfterMinutes: 15 });
    expect(loadConfig({ RECONCILE_EVERY_SECONDS: '2', STUCK_AFTER_MINUTES: '60' }).reconciliation).toEqual({
      everySeconds: 2,
      stuckAfterMinutes: 60,
    });
    expect(() => loadConfig({ RECONCILE_EVERY_SECONDS: '0' })).toThrow(
      'Configuration error: RECONCILE_EVERY_SECONDS must be between 1 and 86400, got 0',
    );
  });

  it('reads the telephony webhook secret, and leaves it unset when not given', () => {
    expect(loadConfig({}).telephonyWebhookSecret).toBeUndefined();
    expect(loadConfig({ TELEPHONY_WEBHOOK_SECRET: 'sixteen-chars-ok' }).telephonyWebhookSecret).toBe(
      'sixteen-chars-ok',
    );
  });

  it('reads the on-call address, and leaves it unset when not given', () => {
    expect(loadConfig({}).onCallEmail).toBeUndefined();
    expect(loadConfig({ ON_CALL_EMAIL: 'jour@norrvika.example' }).onCallEmail).toBe('jour@norrvika.example');
  });

  it('selects PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/test' });
    expect(config.database.kind).toBe('postgres');
  });

  it('requires JWT_SECRET in production, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      'Configuration error: JWT_SECRET is required when NODE_ENV=production',
    );
  });

  it('accepts the built-in development secret in development only, and says so at start-up', () => {
    const development = loadConfig({});
    expect(development.jwtSecretIsDevelopmentDefault).toBe(true);
    expect(startupWarnings(development)).toEqual([expect.stringContaining('JWT_SECRET is not set')]);
    expect(() => loadConfig({ NODE_ENV: 'test' })).toThrow(
      'Configuration error: JWT_SECRET is required when NODE_ENV=test (the development secret is not accepted)',
    );
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'onewayin-development-secret-not-for-production' }),
    ).toThrow('Configuration error: JWT_SECRET is required when NODE_ENV=production');
    const configured = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'a-secret-of-the-test-run' });
    expect(configured.jwtSecretIsDevelopmentDefault).toBe(false);
    expect(startupWarnings(configured)).toEqual([]);
  });

  it('limits sign-in failures to 5 per account and 20 per address in 15 minutes, and trusts no proxy, by default', () => {
    expect(loadConfig({}).signIn).toEqual({
      accountMaxFailures: 5,
      accountLockoutSeconds: 900,
      addressMaxFailures: 20,
      addressWindowSeconds: 900,
    });
    expect(loadConfig({}).trustProxyHops).toBe(0);
    const tuned = loadConfig({
      LOGIN_ACCOUNT_MAX_FAILURES: '3',
      LOGIN_ACCOUNT_LOCKOUT_SECONDS: '60',
      LOGIN_ADDRESS_MAX_FAILURES: '100',
      LOGIN_ADDRESS_WINDOW_SECONDS: '3600',
      TRUST_PROXY_HOPS: '1',
    });
    expect(tuned.signIn).toEqual({
      accountMaxFailures: 3,
      accountLockoutSeconds: 60,
      addressMaxFailures: 100,
      addressWindowSeconds: 3600,
    });
    expect(tuned.trustProxyHops).toBe(1);
  });

  it('does not seed the demo municipality in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-long-production-secret' }).seedDemo).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ TELEPHONY_WEBHOOK_SECRET: 'short' }, 'TELEPHONY_WEBHOOK_SECRET'],
    [{ RUN_WORKERS: 'false' }, 'RUN_WORKERS'],
    [{ REDIS_URL: 'redis://localhost', RUN_WORKERS: 'sometimes' }, 'RUN_WORKERS'],
    [{ QUEUE_PREFIX: 'a:b' }, 'QUEUE_PREFIX'],
    [{ JOB_ATTEMPTS: '0' }, 'JOB_ATTEMPTS'],
    [{ JOB_BACKOFF_MS: 'soon' }, 'JOB_BACKOFF_MS'],
    [{ OUTBOX_POLL_MS: '1' }, 'OUTBOX_POLL_MS'],
    [{ TRIAGE_MIN_CONFIDENCE: '1.5' }, 'TRIAGE_MIN_CONFIDENCE'],
    [{ TRIAGE_MIN_CONFIDENCE: 'high' }, 'TRIAGE_MIN_CONFIDENCE'],
    [{ SERVICE_CENTER_DEPARTMENT: 'service center' }, 'SERVICE_CENTER_DEPARTMENT'],
    [{ SERVICE_TARGET_WARNING_SHARE: '1' }, 'SERVICE_TARGET_WARNING_SHARE'],
    [{ SERVICE_TARGET_WARNING_SHARE: '0' }, 'SERVICE_TARGET_WARNING_SHARE'],
    [{ SERVICE_TARGET_WARNING_SHARE: '80%' }, 'SERVICE_TARGET_WARNING_SHARE'],
    [{ LOGIN_ACCOUNT_MAX_FAILURES: '0' }, 'LOGIN_ACCOUNT_MAX_FAILURES'],
    [{ LOGIN_ACCOUNT_LOCKOUT_SECONDS: 'forever' }, 'LOGIN_ACCOUNT_LOCKOUT_SECONDS'],
    [{ LOGIN_ADDRESS_MAX_FAILURES: '-1' }, 'LOGIN_ADDRESS_MAX_FAILURES'],
    [{ LOGIN_ADDRESS_WINDOW_SECONDS: '0' }, 'LOGIN_ADDRESS_WINDOW_SECONDS'],
    [{ TRUST_PROXY_HOPS: 'true' }, 'TRUST_PROXY_HOPS'],
    [{ NODE_ENV: 'test' }, 'JWT_SECRET'],
    [{ ON_CALL_EMAIL: 'jour' }, 'ON_CALL_EMAIL'],
    [{ ON_CALL_EMAIL: 'Jour <jour@norrvika.example>' }, 'ON_CALL_EMAIL'],
    [{ ON_CALL_EMAIL: 'jour@norrvika' }, 'ON_CALL_EMAIL'],
  ])('rejects %p naming %s', (env, variable) => {
    try {
      loadConfig(env);
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).toContain(variable);
    }
  });
});

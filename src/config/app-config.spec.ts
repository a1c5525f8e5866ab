import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('runs with no configuration at all on SQLite, port 3000, in-process queue', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database.kind).toBe('sqlite');
    expect(config.database.sqlitePath).toBe('./data/onewayin.sqlite');
    expect(config.redisUrl).toBeUndefined();
    expect(config.seedDemo).toBe(true);
  });

  it('reads the telephony webhook secret, and leaves it unset when not given', () => {
    expect(loadConfig({}).telephonyWebhookSecret).toBeUndefined();
    expect(loadConfig({ TELEPHONY_WEBHOOK_SECRET: 'sixteen-chars-ok' }).telephonyWebhookSecret).toBe('sixteen-chars-ok');
  });

  it('selects PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/test' });
    expect(config.database.kind).toBe('postgres');
  });

  it('requires JWT_SECRET in production, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('Configuration error: JWT_SECRET is required when NODE_ENV=production');
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

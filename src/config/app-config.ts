/**
 * Start-up configuration, read once from the environment and validated.
 * A missing or wrong value stops the app with one line that names the variable.
 */
export type DatabaseKind = 'sqlite' | 'postgres';

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  database: { kind: DatabaseKind; url?: string; sqlitePath: string };
  redisUrl?: string;
  queue: QueueConfig;
  routing: RoutingConfig;
  serviceTargets: ServiceTargetsConfig;
  reconciliation: ReconciliationConfig;
  jwtSecret: string;
  jwtExpiresInSeconds: number;
  /** Key material for encrypting and hashing personal identity numbers. */
  personalDataKey: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  seedDemo: boolean;
  /** Also a year of closed demo cases, for the triage classifier and the statistics to start from. */
  seedDemoHistory: boolean;
  /** A new fault report this close to an open one of the same type, this many days apart, is flagged as a likely duplicate. */
  duplicates: { radiusMeters: number; windowDays: number };
  mailDir: string;
  smtpUrl?: string;
  mailFrom: string;
  /** Shared secret the telephony platform sends as X-Telephony-Secret; unset means only an admin token may deliver call records. */
  telephonyWebhookSecret?: string;
}

export interface QueueConfig {
  /** Key prefix of every BullMQ key in Redis, so several installations (or test files) can share one Redis. */
  prefix: string;
  /** Whether this process runs the job processors; always true with the in-process queue. */
  runWorkers: boolean;
  /** How many times a job is tried before it is kept as failed, and the first retry delay (doubling after). */
  jobAttempts: number;
  jobBackoffMs: number;
  /** How often the outbox relay looks for jobs to hand to the queue (it is also nudged after each commit). */
  outboxPollMs: number;
  /**
   * BullMQ: how long a running job stays locked to its worker without a sign of life. When a
   * worker dies (a crash, SIGKILL) its running jobs are taken up again by another worker after
   * this long, and stalled jobs are looked for as often.
   */
  jobLockMs: number;
}

/** The database is the source of truth for work a queue may have lost (docs/operations.md). */
export interface ReconciliationConfig {
  /** How often the processes that run the jobs offer again, from the database, work the queue may have lost; also at start. */
  everySeconds: number;
  /** A message or webhook delivery still waiting after this many minutes is stuck: counted, listed, and resendable. */
  stuckAfterMinutes: number;
}

export interface RoutingConfig {
  /** A triage suggestion below this confidence leaves the case for an agent to triage by hand. */
  triageMinConfidence: number;
  /** The department code of the service center itself: its inbox also holds returned and untriaged cases. */
  serviceCenterDepartment: string;
}

export interface ServiceTargetsConfig {
  /** The share of a target's working time after which a warning is raised, e.g. 0.8: at 80 % used. */
  warningShare: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}`);
  }
}

const DEVELOPMENT_SECRET = 'onewayin-development-secret-not-for-production';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

function decimal(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+(\.\d+)?$/.test(raw)) throw new ConfigError(name, `must be a number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError('NODE_ENV', `must be development, production or test, got "${nodeEnvRaw}"`);
  }
  const nodeEnv = nodeEnvRaw as AppConfig['nodeEnv'];
  const production = nodeEnv === 'production';

  const jwtSecret = env.JWT_SECRET ?? '';
  if (production && jwtSecret === '') throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
  if (jwtSecret !== '' && jwtSecret.length < 16) throw new ConfigError('JWT_SECRET', 'must be at least 16 characters');

  const personalDataKey = env.PERSONAL_DATA_KEY ?? '';
  if (personalDataKey !== '' && personalDataKey.length < 16) {
    throw new ConfigError('PERSONAL_DATA_KEY', 'must be at least 16 characters');
  }
  const telephonyWebhookSecret = env.TELEPHONY_WEBHOOK_SECRET ?? '';
  if (telephonyWebhookSecret !== '' && telephonyWebhookSecret.length < 16) {
    throw new ConfigError('TELEPHONY_WEBHOOK_SECRET', 'must be at least 16 characters');
  }

  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  const runWorkers = flag(env, 'RUN_WORKERS', true);
  // Without Redis the jobs live in this process's memory: nobody else could run them.
  if (!redisUrl && !runWorkers)
    throw new ConfigError(
      'RUN_WORKERS',
      'may only be false when REDIS_URL is set (the in-process queue has no other worker)',
    );
  const queuePrefix = env.QUEUE_PREFIX || 'onewayin';
  if (!/^[\w.-]{1,64}$/.test(queuePrefix))
    throw new ConfigError('QUEUE_PREFIX', 'must be 1-64 letters, digits, ".", "_" or "-"');
  const serviceCenterDepartment = env.SERVICE_CENTER_DEPARTMENT || 'SC';
  if (!/^[A-Z0-9_-]{1,32}$/.test(serviceCenterDepartment))
    throw new ConfigError('SERVICE_CENTER_DEPARTMENT', 'must be a department code');
  const logLevel = (env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info')) as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);

  return {
    nodeEnv,
    port: integer(env, 'PORT', 3000, 0, 65535),
    database: {
      kind: databaseUrl ? 'postgres' : 'sqlite',
      url: databaseUrl,
      sqlitePath: env.SQLITE_PATH || './data/onewayin.sqlite',
    },
    redisUrl,
    queue: {
      prefix: queuePrefix,
      runWorkers,
      jobAttempts: integer(env, 'JOB_ATTEMPTS', 5, 1, 100),
      jobBackoffMs: integer(env, 'JOB_BACKOFF_MS', 1000, 1, 3600_000),
      outboxPollMs: integer(env, 'OUTBOX_POLL_MS', 250, 10, 60_000),
      jobLockMs: integer(env, 'JOB_LOCK_MS', 30_000, 1000, 3600_000),
    },
    routing: {
      triageMinConfidence: decimal(env, 'TRIAGE_MIN_CONFIDENCE', 0.6, 0, 1),
      serviceCenterDepartment,
    },
    // A warning at 0 % or 100 % would be no warning: the first is noise, the second is the breach itself.
    serviceTargets: { warningShare: decimal(env, 'SERVICE_TARGET_WARNING_SHARE', 0.8, 0.01, 0.99) },
    reconciliation: {
      everySeconds: integer(env, 'RECONCILE_EVERY_SECONDS', 300, 1, 24 * 3600),
      stuckAfterMinutes: integer(env, 'STUCK_AFTER_MINUTES', 15, 1, 7 * 24 * 60),
    },
    jwtSecret: jwtSecret || DEVELOPMENT_SECRET,
    jwtExpiresInSeconds: integer(env, 'JWT_EXPIRES_IN_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    personalDataKey: personalDataKey || jwtSecret || DEVELOPMENT_SECRET,
    logLevel,
    seedDemo: flag(env, 'SEED_DEMO', !production),
    seedDemoHistory: flag(env, 'SEED_DEMO_HISTORY', nodeEnv === 'development'),
    duplicates: {
      radiusMeters: integer(env, 'DUPLICATE_RADIUS_METERS', 50, 1, 10_000),
      windowDays: integer(env, 'DUPLICATE_WINDOW_DAYS', 14, 1, 365),
    },
    mailDir: env.MAIL_DIR || './data/outbox-mail',
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM || 'Servicecenter <servicecenter@demo.local>',
    telephonyWebhookSecret: telephonyWebhookSecret || undefined,
  };
}

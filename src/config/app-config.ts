import { ConfigError } from './config-error';
import { loadOidcConfig, OidcConfig } from './oidc-config';

export { ConfigError } from './config-error';
export type { OidcConfig } from './oidc-config';

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
  /** True when no JWT_SECRET was given and the built-in development secret signs tokens (development only). */
  jwtSecretIsDevelopmentDefault: boolean;
  jwtExpiresInSeconds: number;
  signIn: SignInConfig;
  /**
   * How many reverse proxies in front of the app to trust for X-Forwarded-For (Express's
   * "trust proxy" hop count): the client address that sign-in limits count by. 0 takes the
   * connection's own address, so a client cannot choose its address by sending the header.
   */
  trustProxyHops: number;
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
  /**
   * Where the out-of-hours alert about an urgent case goes (the on-call staff's address); unset:
   * the alert is only shown to the managers (GET /api/v1/service-targets/alerts).
   */
  onCallEmail?: string;
  /** Shared secret the telephony platform sends as X-Telephony-Secret; unset means only an admin token may deliver call records. */
  telephonyWebhookSecret?: string;
  /** Sign-in with the municipality's identity provider (OpenID Connect); unset when OIDC_ISSUER is not set. */
  oidc?: OidcConfig;
  /** Whether staff may log in with e-mail and password (POST /api/v1/auth/login); only OIDC may turn it off. */
  passwordLogin: boolean;
  /** The Open311 GeoReport v2 interface (docs/citizen-channels.md). */
  open311: Open311Config;
  /** The app's address as citizens reach it (PUBLIC_BASE_URL, no trailing slash): links in messages start with it. */
  publicBaseUrl: string;
  eService: EServiceConfig;
  inboundEmail: InboundEmailConfig;
}

/** The e-mail inbox (docs/citizen-channels.md#the-e-mail-inbox). */
export interface InboundEmailConfig {
  /** INBOUND_SMTP_PORT: the SMTP listener's port; unset, no listener. 0 takes a free port. */
  smtpPort?: number;
  /** INBOUND_SMTP_HOST: the address it listens on (default 0.0.0.0). */
  smtpHost: string;
  /** INBOUND_EMAIL_ADDRESS: the one recipient accepted, e.g. servicecenter@demo.local (lower case). */
  address: string;
  /** INBOUND_EMAIL_SECRET: the mail gateway's shared secret; unset, POST /api/v1/inbound/email is a 404. */
  secret?: string;
}

export interface Open311Config {
  /** This installation's one jurisdiction: a `jurisdiction_id` other than this is answered 404. */
  jurisdictionId: string;
  /** Who to ask about the interface, as the discovery document says. */
  contact: string;
}

/**
 * Limits on the citizens' e-service form: reports accepted from one client address within a
 * window (counted in Redis when REDIS_URL is set, in this process otherwise).
 */
export interface EServiceConfig {
  reportsPerAddress: number;
  windowSeconds: number;
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
  /**
   * The floor of the auto-triage threshold: a suggestion below it always leaves the case for an
   * agent. The threshold itself is calibrated on held-out history (docs/triage.md) and is never
   * lower; a triager that has not measured itself is held to this value alone.
   */
  triageMinConfidence: number;
  /** The department code of the service center itself: its inbox also holds returned and untriaged cases. */
  serviceCenterDepartment: string;
}

/**
 * Limits on password guessing (OWASP ASVS 4.0 V2.2.1, NIST SP 800-63B 5.2.2: limit failed
 * attempts per account). Counters live in Redis when REDIS_URL is set, so every API process
 * counts together; in this process's memory otherwise.
 */
export interface SignInConfig {
  /** Failed sign-ins for one e-mail address, within `accountLockoutSeconds`, that lock it. */
  accountMaxFailures: number;
  /** How long a locked account stays locked, unless an admin unlocks it; also the window failures are counted in. */
  accountLockoutSeconds: number;
  /** Failed sign-ins from one client address within `addressWindowSeconds` after which that address is refused. */
  addressMaxFailures: number;
  addressWindowSeconds: number;
}

export interface ServiceTargetsConfig {
  /** The share of a target's working time after which a warning is raised, e.g. 0.8: at 80 % used. */
  warningShare: number;
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

/** A plain e-mail address, user@domain.tld, without a display name. */
function emailAddress(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]+$/.test(raw)) {
    throw new ConfigError(name, `must be an e-mail address such as jour@kommun.se, got "${raw}"`);
  }
  return raw;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

/**
 * What the operator should hear at start-up about the configuration in force: today, that tokens
 * are signed with the development secret (development only; any other NODE_ENV refuses to start).
 */
export function startupWarnings(config: Pick<AppConfig, 'jwtSecretIsDevelopmentDefault'>): string[] {
  return config.jwtSecretIsDevelopmentDefault
    ? [
        'JWT_SECRET is not set: access tokens are signed with the built-in development secret, which anyone ' +
          'can read in the source code. Set JWT_SECRET before this instance holds real data.',
      ]
    : [];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError('NODE_ENV', `must be development, production or test, got "${nodeEnvRaw}"`);
  }
  const nodeEnv = nodeEnvRaw as AppConfig['nodeEnv'];
  const production = nodeEnv === 'production';

  const jwtSecret = env.JWT_SECRET ?? '';
  // The built-in secret is in the source code: anyone could sign a token with it. Only a developer's
  // own machine may run on it; a test run brings a secret of its own (test/support/test-app.ts).
  if (nodeEnv !== 'development' && (jwtSecret === '' || jwtSecret === DEVELOPMENT_SECRET)) {
    throw new ConfigError(
      'JWT_SECRET',
      `is required when NODE_ENV=${nodeEnv} (the development secret is not accepted)`,
    );
  }
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
  const oidc = loadOidcConfig(env);
  const passwordLogin = flag(env, 'PASSWORD_LOGIN', true);
  if (!passwordLogin && !oidc)
    throw new ConfigError('PASSWORD_LOGIN', 'may only be false when OIDC_ISSUER is set (else nobody could sign in)');
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
      triageMinConfidence: decimal(env, 'TRIAGE_MIN_CONFIDENCE', 0.2, 0, 1),
      serviceCenterDepartment,
    },
    // A warning at 0 % or 100 % would be no warning: the first is noise, the second is the breach itself.
    serviceTargets: { warningShare: decimal(env, 'SERVICE_TARGET_WARNING_SHARE', 0.8, 0.01, 0.99) },
    reconciliation: {
      everySeconds: integer(env, 'RECONCILE_EVERY_SECONDS', 300, 1, 24 * 3600),
      stuckAfterMinutes: integer(env, 'STUCK_AFTER_MINUTES', 15, 1, 7 * 24 * 60),
    },
    jwtSecret: jwtSecret || DEVELOPMENT_SECRET,
    jwtSecretIsDevelopmentDefault: jwtSecret === '',
    jwtExpiresInSeconds: integer(env, 'JWT_EXPIRES_IN_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    signIn: {
      accountMaxFailures: integer(env, 'LOGIN_ACCOUNT_MAX_FAILURES', 5, 1, 1000),
      accountLockoutSeconds: integer(env, 'LOGIN_ACCOUNT_LOCKOUT_SECONDS', 15 * 60, 1, 24 * 3600),
      addressMaxFailures: integer(env, 'LOGIN_ADDRESS_MAX_FAILURES', 20, 1, 100_000),
      addressWindowSeconds: integer(env, 'LOGIN_ADDRESS_WINDOW_SECONDS', 15 * 60, 1, 24 * 3600),
    },
    trustProxyHops: integer(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
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
    onCallEmail: emailAddress(env, 'ON_CALL_EMAIL'),
    open311: loadOpen311Config(env),
    telephonyWebhookSecret: telephonyWebhookSecret || undefined,
    oidc,
    passwordLogin,
    publicBaseUrl: (url(env, 'PUBLIC_BASE_URL', ['http:', 'https:']) ?? `http://localhost:${env.PORT || 3000}`).replace(
      /\/+$/,
      '',
    ),
    eService: {
      reportsPerAddress: integer(env, 'E_SERVICE_REPORTS_PER_ADDRESS', 20, 1, 100_000),
      windowSeconds: integer(env, 'E_SERVICE_WINDOW_SECONDS', 3600, 1, 24 * 3600),
    },
    inboundEmail: {
      smtpPort: env.INBOUND_SMTP_PORT ? integer(env, 'INBOUND_SMTP_PORT', 0, 0, 65_535) : undefined,
      smtpHost: env.INBOUND_SMTP_HOST || '0.0.0.0',
      address: (emailAddress(env, 'INBOUND_EMAIL_ADDRESS') ?? 'servicecenter@demo.local').toLowerCase(),
      secret: env.INBOUND_EMAIL_SECRET || undefined,
    },
  };
}

function loadOpen311Config(env: NodeJS.ProcessEnv): Open311Config {
  const jurisdictionId = env.OPEN311_JURISDICTION_ID || 'demo.se';
  if (!/^[\w.-]{1,100}$/.test(jurisdictionId)) {
    throw new ConfigError('OPEN311_JURISDICTION_ID', 'must be 1-100 letters, digits, ".", "_" or "-"');
  }
  return { jurisdictionId, contact: env.OPEN311_CONTACT || 'Servicecenter, servicecenter@demo.local' };
}

/** The connection settings both ioredis and BullMQ take. */
export interface RedisConnectionSettings {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: Record<string, never>;
  retryStrategy: (times: number) => number;
}

/**
 * ioredis options for a REDIS_URL (redis://[user:password@]host[:port][/db], rediss:// for TLS).
 * Reconnection is quick and capped at two seconds, so that the queue comes back soon
 * after Redis does; the outbox keeps what could not be queued meanwhile.
 */
export function redisConnectionOptions(redisUrl: string): RedisConnectionSettings {
  const url = new URL(redisUrl);
  const db = url.pathname.replace(/^\//, '');
  return {
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    retryStrategy: (times: number) => Math.min(100 * times, 2000),
  };
}

import { redisConnectionOptions } from './redis-connection-options';

describe('redisConnectionOptions', () => {
  it('reads host, port, credentials and database from the URL', () => {
    const options = redisConnectionOptions('redis://queue:s%40cret@redis.internal:6380/2');
    expect(options).toMatchObject({ host: 'redis.internal', port: 6380, username: 'queue', password: 's@cret', db: 2 });
    expect(options.tls).toBeUndefined();
  });

  it('defaults to port 6379, database 0, and uses TLS for rediss://', () => {
    const options = redisConnectionOptions('rediss://redis.example');
    expect(options).toMatchObject({ host: 'redis.example', port: 6379, tls: {} });
    expect(options.db).toBeUndefined();
  });

  it('reconnects soon after Redis is back, waiting at most two seconds between tries', () => {
    const retry = redisConnectionOptions('redis://localhost').retryStrategy;
    expect([1, 5, 100].map(retry)).toEqual([100, 500, 2000]);
  });
});

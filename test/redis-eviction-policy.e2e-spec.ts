import { Logger, LoggerService } from '@nestjs/common';
import { BullMqQueueDriver } from '../src/queue/bullmq-queue.driver';
import { eventually } from './support/eventually';
import { TestRedisServer } from './support/redis-server';

/**
 * A Redis that may evict keys when it is full may drop queued jobs. The BullMQ driver asks Redis
 * for its eviction policy (CONFIG GET maxmemory-policy) at its first connection and warns once
 * if it is not noeviction, or if Redis will not say (a managed Redis may refuse CONFIG).
 */
describe('the warning about a Redis that may evict queued jobs', () => {
  const warnings: string[] = [];
  const recorder: LoggerService = {
    log: () => undefined,
    error: () => undefined,
    warn: (message: unknown) => void warnings.push(String(message)),
  };
  let redis: TestRedisServer | null = null;
  let queue: BullMqQueueDriver | null = null;

  beforeAll(() => {
    Logger.overrideLogger(recorder);
  });
  beforeEach(() => {
    warnings.length = 0;
    // BullMQ prints its own warning about the policy to the console; the driver's own is looked at here.
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    await queue?.close();
    await redis?.stop();
    jest.restoreAllMocks();
  });
  afterAll(() => {
    Logger.overrideLogger(['log', 'error', 'warn']);
  });

  const connect = async (settings: string[]) => {
    redis = await TestRedisServer.start(settings);
    queue = new BullMqQueueDriver(redis.url, 'onewayin-eviction-test', false);
    await eventually(async () => ((await queue!.isAvailable()) ? true : undefined), 'the queue to connect');
  };
  const policyWarnings = () => warnings.filter((warning) => warning.includes('maxmemory-policy'));

  it('says nothing of a Redis with noeviction, as docker-compose.yml runs it', async () => {
    await connect(['--maxmemory-policy', 'noeviction']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(policyWarnings()).toEqual([]);
  });

  it('warns once of a Redis that evicts keys when full, naming its policy', async () => {
    await connect(['--maxmemory-policy', 'allkeys-lru']);
    await eventually(async () => (policyWarnings().length > 0 ? true : undefined), 'the warning');
    expect(policyWarnings()).toEqual([
      "Redis's maxmemory-policy is allkeys-lru: when it is full it may drop queued jobs. " +
        'Set maxmemory-policy noeviction (docker-compose.yml does)',
    ]);
  });

  it('says once, also after Redis comes back, that it could not tell when Redis refuses CONFIG', async () => {
    await connect(['--rename-command', 'CONFIG', '']);
    await eventually(async () => (policyWarnings().length > 0 ? true : undefined), 'the warning');
    await redis!.stop();
    await redis!.resume();
    await eventually(async () => ((await queue!.isAvailable()) ? true : undefined), 'the queue to reconnect');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Redis's own words for the refusal vary with its version.
    expect(policyWarnings()).toEqual([
      expect.stringMatching(
        /^Redis did not answer CONFIG GET maxmemory-policy \(ERR unknown command .*\): make sure its eviction policy is noeviction, or Redis may drop queued jobs when it is full$/,
      ),
    ]);
  });
});

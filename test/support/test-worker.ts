import { LoggerService } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { Clock } from '../../src/common/clock';
import { AppConfig } from '../../src/config/app-config';
import { APP_CONFIG } from '../../src/config/config.module';
import { WorkerModule } from '../../src/worker.module';
import { TestApp } from './test-app';

const SILENT: LoggerService = { log: () => undefined, error: () => undefined, warn: () => undefined };

/**
 * Starts what `npm run worker` starts (WorkerModule, running the queues' workers) on the
 * database and the queue of a test app, as a second process would: its own data source
 * and Redis connections, the same clock. The app must use BullMQ (`queue: 'bullmq'`): the
 * in-process queue cannot be shared. Close it before the app, which removes the database.
 */
export async function createTestWorker(api: TestApp): Promise<TestingModule> {
  if (!api.config.redisUrl) throw new Error("A test worker needs an app started with { queue: 'bullmq' }");
  const config: AppConfig = { ...api.config, queue: { ...api.config.queue, runWorkers: true } };
  const worker = await Test.createTestingModule({ imports: [WorkerModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .overrideProvider(Clock)
    .useValue(api.clock)
    .setLogger(SILENT)
    .compile();
  await worker.init();
  return worker;
}

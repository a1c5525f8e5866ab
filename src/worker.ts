import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from './config/app-config';
import { createLogger, PinoNestLogger } from './common/logging';
import { JobRegistryError } from './queue/job-registry.error';
import { WorkerModule } from './worker.module';
import { limitHeapGrowth } from './common/heap-growth';

/**
 * `npm run worker`: the domain areas without HTTP (WorkerModule: no controllers, no demo
 * seeding, no migrations). It runs the queues' workers and the outbox relay, so API
 * processes can be started with RUN_WORKERS=false and the work scaled apart from the
 * requests. It needs REDIS_URL: the in-process queue lives inside the API process, and there
 * it runs its jobs itself.
 */
async function bootstrap(): Promise<void> {
  limitHeapGrowth();
  // A worker process exists to run the jobs, whatever the API processes are told.
  process.env.RUN_WORKERS = 'true';
  const config = loadConfig();
  if (!config.redisUrl)
    throw new ConfigError(
      'REDIS_URL',
      'is required by the worker (without Redis, `npm start` runs the jobs in the API process)',
    );
  const logger = createLogger(config);
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new PinoNestLogger(logger),
    bufferLogs: true,
  });
  // An HTTP app prints the logs buffered during start-up when it listens; a context without HTTP must say so,
  // or every later line from Nest's loggers (failed jobs, Redis warnings) would stay in the buffer.
  app.flushLogs();
  app.enableShutdownHooks();
  logger.info(
    { database: config.database.kind, queue: 'bullmq', prefix: config.queue.prefix },
    'onewayin worker running the queues and the outbox relay',
  );
}

bootstrap().catch((error: unknown) => {
  // A start-up check that failed says what to do in its message; a stack trace would bury it.
  if (error instanceof ConfigError || error instanceof JobRegistryError) process.stderr.write(`${error.message}\n`);
  else
    process.stderr.write(
      `onewayin worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  process.exit(1);
});

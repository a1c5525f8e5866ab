import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';
import { createLogger, PinoNestLogger } from './common/logging';

/**
 * `npm run worker`: the same application without HTTP. It runs the queue processors and
 * the outbox relay, so API processes can be started with RUN_WORKERS=false and the work
 * scaled apart from the requests. It needs REDIS_URL: the in-process queue lives inside
 * the API process, and there it runs its jobs itself.
 */
async function bootstrap(): Promise<void> {
  // A worker process exists to run the processors, whatever the API processes are told.
  process.env.RUN_WORKERS = 'true';
  const config = loadConfig();
  if (!config.redisUrl)
    throw new ConfigError(
      'REDIS_URL',
      'is required by the worker (without Redis, `npm start` runs the jobs in the API process)',
    );
  const logger = createLogger(config);
  const app = await NestFactory.createApplicationContext(AppModule, {
    logger: new PinoNestLogger(logger),
    bufferLogs: true,
  });
  app.enableShutdownHooks();
  logger.info(
    { database: config.database.kind, queue: 'bullmq', prefix: config.queue.prefix },
    'onewayin worker running the queue processors and the outbox relay',
  );
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else
    process.stderr.write(
      `onewayin worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  process.exit(1);
});

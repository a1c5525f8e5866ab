import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './app-setup';
import { ConfigError, loadConfig, startupWarnings } from './config/app-config';
import { createLogger, PinoNestLogger, writeAfterLogs } from './common/logging';
import { DemoSeedService } from './demo/demo-seed.service';
import { demoLoginLines } from './demo/demo-logins';
import { JobRegistryError } from './queue/job-registry.error';
import { limitHeapGrowth } from './common/heap-growth';

limitHeapGrowth();

async function bootstrap(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const logger = createLogger(config);
  for (const warning of startupWarnings(config)) logger.warn(warning);
  const app = await NestFactory.create(AppModule, { logger: new PinoNestLogger(logger), bufferLogs: true });
  configureApp(app, logger);
  await app.listen(config.port);
  logger.info(
    {
      port: config.port,
      database: config.database.kind,
      queue: config.redisUrl ? 'bullmq' : 'in-process',
      runWorkers: config.queue.runWorkers,
      startupMs: Math.round(performance.now() - startedAt),
    },
    `onewayin listening on http://localhost:${config.port} (API docs at /docs)`,
  );
  // In development, every start ends with how to sign in, after the start-up log lines.
  if (config.nodeEnv === 'development') {
    const lines = demoLoginLines(`http://localhost:${config.port}`, await app.get(DemoSeedService).demoLogins());
    if (lines.length > 0) writeAfterLogs(logger, `${lines.join('\n')}\n`);
  }
}

bootstrap().catch((error: unknown) => {
  // A configuration error names the variable, a job registry error the queue and job: no stack trace.
  if (error instanceof ConfigError || error instanceof JobRegistryError) process.stderr.write(`${error.message}\n`);
  else
    process.stderr.write(
      `onewayin failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  process.exit(1);
});

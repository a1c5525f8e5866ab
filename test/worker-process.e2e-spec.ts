import { ModulesContainer } from '@nestjs/core';
import { Test, TestingModule } from '@nestjs/testing';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { APP_CONFIG } from '../src/config/config.module';
import { DemoSeedService } from '../src/demo/demo-seed.service';
import { JobRegistry } from '../src/queue/job-registry.service';
import { JobOutcome, MessageQueue } from '../src/queue/message-queue';
import { ApiModule } from '../src/api.module';
import { WorkerModule } from '../src/worker.module';
import { eventually } from './support/eventually';
import { ApiClient } from './support/api-client';
import { createPostgresDatabase, createTestApp, TEST_JWT_SECRET, TestApp } from './support/test-app';
import { createTestWorker } from './support/test-worker';

describe('a worker process beside an API process started with RUN_WORKERS=false', () => {
  const seeding = jest.spyOn(DemoSeedService.prototype, 'onApplicationBootstrap');
  let api: TestApp;
  let worker: TestingModule;

  beforeAll(async () => {
    api = await createTestApp({ queue: 'bullmq', env: { RUN_WORKERS: 'false' } });
    seeding.mockClear();
    worker = await createTestWorker(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    seeding.mockRestore();
  });

  const moduleNames = (context: { get: TestingModule['get'] }) =>
    [...context.get(ModulesContainer).values()].map((module) => module.metatype.name);
  const controllers = (context: { get: TestingModule['get'] }) =>
    [...context.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.keys()]);

  it('routes a case registered through the API; the API process runs no job itself', async () => {
    const apiOutcomes: JobOutcome[] = [];
    const workerOutcomes: JobOutcome[] = [];
    api.app.get(MessageQueue).onOutcome((outcome) => apiOutcomes.push(outcome));
    worker.get(MessageQueue).onOutcome((outcome) => workerOutcomes.push(outcome));
    const [agent, admin] = await ApiClient.loginAll(api, 'agent@demo.local', 'admin@demo.local');

    const created = await agent.createCase({ description: 'Vattenläcka i källaren', catalogCode: 'water_leak' });
    const routed = await eventually(async () => {
      const found = await admin.getCase(created.id);
      return found.status === 'routed' ? found : undefined;
    }, 'the worker to route the case');

    expect(routed).toMatchObject({ status: 'routed', departmentCode: 'VA' });
    // The job's transaction commits before the queue records the job as done: wait for that too.
    const outcome = await eventually(
      async () => workerOutcomes.find((reported) => reported.jobId === `route:${created.id}`),
      'the worker to report the routing job done',
    );
    expect(outcome).toMatchObject({ queue: 'routing', jobName: 'route-case', result: 'completed' });
    expect(apiOutcomes).toEqual([]);
  });

  it('holds no controller and no demo seeding, and has a handler for every job', async () => {
    expect(controllers(worker)).toEqual([]);
    // The API process holds every controller ApiModule declares (the API's and the console's), the worker none.
    const declared: unknown[] = Reflect.getMetadata('controllers', ApiModule);
    expect(new Set(controllers(api.app))).toEqual(new Set(declared));
    const names = moduleNames(worker);
    expect(names).toEqual(expect.arrayContaining(['WorkerModule', 'AreasModule', 'QueueModule', 'RoutingModule']));
    for (const edge of ['ApiModule', 'DemoModule', 'QueueDashboardModule', 'MetricsModule'])
      expect(names).not.toContain(edge);
    expect(() => worker.get(DemoSeedService)).toThrow();
    expect(seeding).not.toHaveBeenCalled();
    expect(
      worker
        .get(JobRegistry)
        .registered()
        .map(({ queue, job }) => `${queue}/${job}`),
    ).toEqual([
      'routing/route-case',
      'notifications/send-notification',
      'webhooks/deliver-webhook',
      'service-targets/case-target-check',
      'service-targets/callback-target-check',
      'register/publish-register-entry',
      'retention/retention-run',
      'inbound-email/file-inbound-email',
    ]);
  });
});

describe('a worker process on a database the API has not migrated', () => {
  /** A database of this test run's kind with nothing in it. */
  async function emptyDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
    if (process.env.TEST_DATABASE === 'postgres') {
      const database = await createPostgresDatabase(process.env.DATABASE_URL as string);
      return { env: { DATABASE_URL: database.url }, drop: database.drop };
    }
    const dir = mkdtempSync(join(tmpdir(), 'onewayin-worker-'));
    return {
      env: { SQLITE_PATH: join(dir, 'empty.sqlite') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }

  it('refuses to start, naming how many migrations are missing, and changes no schema', async () => {
    const database = await emptyDatabase();
    const worker = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(APP_CONFIG)
      .useValue(loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, ...database.env }))
      .setLogger({ log: () => undefined, error: () => undefined, warn: () => undefined })
      .compile();
    const dataSource = worker.get(DataSource);
    try {
      // Every migration the project has is missing from an empty database.
      const migrations = readdirSync(join(__dirname, '../src/database/migrations')).filter((name) =>
        name.endsWith('.ts'),
      );
      await expect(worker.init()).rejects.toThrow(
        new RegExp(
          `^The database lacks ${migrations.length} migration\\(s\\) \\(.+\\); the worker does not apply migrations: ` +
            'start the API \\(npm start\\) or run npm run migration:run first$',
        ),
      );
      const tables = await dataSource.query(
        dataSource.options.type === 'postgres'
          ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
          : "SELECT name FROM sqlite_master WHERE type = 'table'",
      );
      expect(tables).toEqual([]);
    } finally {
      // close() would throw the start-up error again; the data source is all there is to close.
      await dataSource.destroy();
      await database.drop();
    }
  });
});

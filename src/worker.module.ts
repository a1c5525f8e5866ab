import { Module, OnModuleInit } from '@nestjs/common';
import { DataSource, MigrationExecutor } from 'typeorm';
import { AreasModule } from './areas.module';
import { CommonModule } from './common/common.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { QueueModule } from './queue/queue.module';

/**
 * The worker process (`npm run worker`): the areas with their job handlers, the queue with
 * its workers and the outbox relay, and the database. No controllers (ApiModule), no queue
 * dashboard, no demo seeding (DemoModule).
 *
 * A worker never migrates the schema: the API process does at its start, and two processes
 * migrating at once would collide (TypeORM takes no lock). A worker started on a database
 * that still lacks a migration it knows refuses to start, naming the migrations; it starts
 * once the API has applied them (compose starts the worker when the API is healthy, and
 * restarts it) or after `npm run migration:run`.
 */
@Module({
  imports: [ConfigModule, CommonModule, DatabaseModule.forRoot({ runMigrations: false }), QueueModule, AreasModule],
})
export class WorkerModule implements OnModuleInit {
  constructor(private readonly dataSource: DataSource) {}

  /** Before any worker or the relay starts (they start at application bootstrap). */
  async onModuleInit(): Promise<void> {
    const pending = await new MigrationExecutor(this.dataSource).getPendingMigrations();
    if (pending.length > 0)
      throw new Error(
        `The database lacks ${pending.length} migration(s) (${pending.map((migration) => migration.name).join(', ')}); ` +
          'the worker does not apply migrations: start the API (npm start) or run npm run migration:run first',
      );
  }
}

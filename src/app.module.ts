import { Module } from '@nestjs/common';
import { ApiModule } from './api.module';
import { AreasModule } from './areas.module';
import { CommonModule } from './common/common.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { QueueModule } from './queue/queue.module';

/**
 * The API process (`npm start`): the infrastructure, every domain area (AreasModule), the
 * HTTP edge with every controller (ApiModule) and the demo municipality seeded into an empty
 * database outside production (DemoModule). It applies pending migrations at start, and runs
 * the queues' workers too unless RUN_WORKERS=false. The worker process loads WorkerModule.
 */
@Module({
  imports: [
    ConfigModule,
    CommonModule,
    DatabaseModule.forRoot({ runMigrations: true }),
    QueueModule,
    AreasModule,
    ApiModule,
    DemoModule,
  ],
})
export class AppModule {}

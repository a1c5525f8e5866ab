import { join } from 'node:path';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { ConfigurationRevision } from './entities/configuration-revision.entity';
import { TransactionService } from './transaction.service';
import { WalCheckpointer } from './wal-checkpointer';

@Global()
@Module({})
export class DatabaseModule {
  /**
   * The data source and the transaction runner. `runMigrations`: apply pending migrations at
   * start. The API process does; a worker process does not (WorkerModule), so that two
   * processes never change the schema at once. `allEntities`: load every entity of the
   * build instead of those the imported modules register, for a command that imports one
   * area alone while its entities reference other areas' tables.
   */
  static forRoot(options: { runMigrations: boolean; allEntities?: boolean }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config),
            ...(options.allEntities
              ? { entities: [join(__dirname, '..', '**', '*.entity.{js,ts}')] }
              : { autoLoadEntities: true }),
            migrationsRun: options.runMigrations,
          }),
        }),
        TypeOrmModule.forFeature([ConfigurationRevision]),
      ],
      providers: [TransactionService, WalCheckpointer],
      exports: [TransactionService, WalCheckpointer],
    };
  }
}

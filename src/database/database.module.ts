import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { TransactionService } from './transaction.service';

@Global()
@Module({})
export class DatabaseModule {
  /**
   * The data source and the transaction runner. `runMigrations`: apply pending migrations at
   * start. The API process does; a worker process does not (WorkerModule), so that two
   * processes never change the schema at once.
   */
  static forRoot(options: { runMigrations: boolean }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config),
            autoLoadEntities: true,
            migrationsRun: options.runMigrations,
          }),
        }),
      ],
      providers: [TransactionService],
      exports: [TransactionService],
    };
  }
}

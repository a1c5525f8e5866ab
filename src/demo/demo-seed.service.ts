import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { StaffUser } from '../auth/entities/staff-user.entity';
import { hashPassword } from '../auth/password-hasher';
import { CatalogEntry } from '../catalog/entities/catalog-entry.entity';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { TransactionService } from '../database/transaction.service';
import { Department } from '../organisation/entities/department.entity';
import { ServicePoint } from '../organisation/entities/service-point.entity';
import { seedDemoHistory } from './demo-history-seed';
import {
  DEMO_CATALOG,
  DEMO_DEPARTMENTS,
  DEMO_MUNICIPALITY,
  DEMO_PASSWORD,
  DEMO_SERVICE_POINTS,
  DEMO_STAFF,
} from './demo-municipality';

/**
 * On an empty database outside production, fills in the demo municipality so that
 * `npm start` gives something to log in to and work with.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo || this.config.nodeEnv === 'production') return;
    if ((await this.dataSource.manager.count(Department)) > 0) return;
    await this.seed();
    this.logger.log(`Seeded the demo municipality ${DEMO_MUNICIPALITY}`);
    if (this.config.seedDemoHistory) {
      const count = await this.transactions.run((manager) => seedDemoHistory(manager, this.clock.now()));
      this.logger.log(`Seeded ${count} closed demo cases as history`);
    }
    if (this.config.nodeEnv !== 'test') this.printLogins();
  }

  async seed(): Promise<void> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await this.transactions.run(async (manager) => {
      await manager.insert(Department, DEMO_DEPARTMENTS);
      await manager.insert(
        ServicePoint,
        DEMO_SERVICE_POINTS.map((point) => ({ ...point, active: true })),
      );
      await manager.insert(
        CatalogEntry,
        DEMO_CATALOG.map((entry) => ({
          code: entry.code,
          nameSv: entry.name.sv,
          nameEn: entry.name.en,
          nameDa: entry.name.da,
          kind: entry.kind,
          departmentCode: entry.departmentCode,
          handledByServiceCenter: entry.handledByServiceCenter,
          priority: entry.priority,
          keywords: entry.keywords,
          confidential: entry.confidential,
          active: true,
        })),
      );
      await this.seedStaff(manager, passwordHash);
    });
  }

  private async seedStaff(manager: EntityManager, passwordHash: string): Promise<void> {
    for (const person of DEMO_STAFF) {
      const departments = person.departmentCodes.map((code) => ({ code }) as Department);
      await manager.save(
        manager.create(StaffUser, {
          id: newId(),
          email: person.email,
          name: person.name,
          role: person.role,
          passwordHash,
          active: true,
          departments,
        }),
      );
    }
  }

  private printLogins(): void {
    const lines = [
      '',
      `Demo municipality: ${DEMO_MUNICIPALITY}. Log in with POST /api/v1/auth/login, password "${DEMO_PASSWORD}":`,
      ...DEMO_STAFF.map(
        (person) =>
          `  ${person.email.padEnd(24)} ${person.role}${person.departmentCodes.length ? ` (${person.departmentCodes.join(', ')})` : ''}`,
      ),
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}

import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PasswordHasher } from '../auth/password-hasher';
import { StaffService } from '../auth/staff.service';
import { CaseImportWriter } from '../cases/case-import-writer.service';
import { CatalogService } from '../catalog/catalog.service';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { TransactionService } from '../database/transaction.service';
import { OrganisationService } from '../organisation/organisation.service';
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
 * `npm start` gives something to log in to and work with. Each area stores its own part
 * through its service; the worker process does not load this module.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly transactions: TransactionService,
    private readonly organisation: OrganisationService,
    private readonly catalog: CatalogService,
    private readonly staff: StaffService,
    private readonly passwords: PasswordHasher,
    private readonly caseImport: CaseImportWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo || this.config.nodeEnv === 'production') return;
    if (await this.organisation.hasDepartments()) return;
    await this.seed();
    this.logger.log(`Seeded the demo municipality ${DEMO_MUNICIPALITY}`);
    if (this.config.seedDemoHistory) {
      const count = await this.transactions.run((manager) =>
        seedDemoHistory(this.caseImport, manager, this.clock.now()),
      );
      this.logger.log(`Seeded ${count} closed demo cases as history`);
    }
    if (this.config.nodeEnv !== 'test') this.printLogins();
  }

  /** Departments, service points, the service catalog and the demo staff, in one transaction. */
  async seed(): Promise<void> {
    const passwordHash = await this.passwords.hash(DEMO_PASSWORD);
    await this.transactions.run(async (manager) => {
      await this.organisation.insertOrganisation(manager, DEMO_DEPARTMENTS, DEMO_SERVICE_POINTS);
      await this.catalog.insertEntries(
        manager,
        DEMO_CATALOG.map((entry) => ({ ...entry, active: true })),
      );
      await this.staff.insertStaff(
        manager,
        DEMO_STAFF.map((person) => ({ ...person, passwordHash })),
      );
    });
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

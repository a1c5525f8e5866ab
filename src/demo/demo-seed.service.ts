import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { StaffService } from '../auth/staff.service';
import { CatalogService } from '../catalog/catalog.service';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { TransactionService } from '../database/transaction.service';
import { OrganisationService } from '../organisation/organisation.service';
import { DemoHistorySeeder } from './demo-history-seeder.service';
import { DemoLogin } from './demo-logins';
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
    private readonly history: DemoHistorySeeder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo || this.config.nodeEnv === 'production') return;
    if (await this.organisation.hasDepartments()) return;
    const startedAt = performance.now();
    const passwordHash = await this.passwords.hash(DEMO_PASSWORD);
    // One transaction: a start that fails half-way leaves an empty database, seeded again next time.
    const history = await this.transactions.run(
      async (manager) => {
        const staffIds = await this.seed(manager, passwordHash);
        if (!this.config.seedDemoHistory) return null;
        const agent = DEMO_STAFF.find((person) => person.role === 'agent') as (typeof DEMO_STAFF)[number];
        return this.history.seed(manager, this.clock.now(), {
          agentId: staffIds.get(agent.email) as string,
          agentEmail: agent.email,
          agentDepartmentCode: agent.departmentCodes[0],
        });
      },
      { alone: true },
    );
    this.logger.log(`Seeded the demo municipality ${DEMO_MUNICIPALITY}`);
    if (history)
      this.logger.log(
        `Seeded a year of demo history: ${history.cases} cases (${history.openCases} open), ${history.contacts} contacts, ` +
          `${history.callbacks} callbacks owed, ${history.calls} calls, ${history.ratings} ratings ` +
          `in ${Math.round(performance.now() - startedAt)} ms`,
      );
  }

  /** Departments, service points, the service catalog and the demo staff, inside the caller's transaction; answers the staff ids by e-mail. */
  async seed(manager: EntityManager, passwordHash: string): Promise<Map<string, string>> {
    await this.organisation.insertOrganisation(manager, DEMO_DEPARTMENTS, DEMO_SERVICE_POINTS);
    await this.catalog.insertEntries(
      manager,
      DEMO_CATALOG.map((entry) => ({ ...entry, active: true })),
    );
    return this.staff.insertStaff(
      manager,
      DEMO_STAFF.map((person) => ({ ...person, passwordHash })),
    );
  }

  /**
   * The demo log-ins this database has (active demo staff), in the demo's order, or none in
   * production: what `npm start` prints on every start in development.
   */
  async demoLogins(): Promise<DemoLogin[]> {
    if (this.config.nodeEnv === 'production') return [];
    const active = new Map((await this.staff.list()).filter((user) => user.active).map((user) => [user.email, user]));
    return DEMO_STAFF.filter((person) => active.has(person.email)).map((person) => ({
      email: person.email,
      role: person.role,
      departmentCodes: active.get(person.email)?.departmentCodes ?? person.departmentCodes,
    }));
  }
}

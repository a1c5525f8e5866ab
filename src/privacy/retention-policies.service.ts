import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { CatalogService } from '../catalog/catalog.service';
import { Clock } from '../common/clock';
import { InvalidInputError } from '../common/domain-errors';
import { TransactionService } from '../database/transaction.service';
import { RetentionPolicyRow } from './entities/retention-policy.entity';
import { BUILT_IN_RETENTION_POLICIES, RetentionPolicy, validateRetentionPolicies } from './retention-policy';

/** The retention rules in force: the stored set, or the built-in one while none is stored. */
export interface RetentionPoliciesInForce {
  policies: RetentionPolicy[];
  /** True while no admin has stored rules: the built-in ones apply. */
  builtIn: boolean;
  /** When the stored rules were last replaced (UTC); null for the built-in ones. */
  updatedAt: Date | null;
}

/** Reads and replaces the retention rules (`GET` and `PUT /api/v1/retention/policies`). */
@Injectable()
export class RetentionPoliciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
  ) {}

  async inForce(): Promise<RetentionPoliciesInForce> {
    const rows = await this.dataSource.manager.find(RetentionPolicyRow, { order: { id: 'ASC' } });
    if (rows.length === 0) return { policies: [...BUILT_IN_RETENTION_POLICIES], builtIn: true, updatedAt: null };
    return { policies: rows.map(toPolicy), builtIn: false, updatedAt: rows[0].updatedAt };
  }

  /**
   * Replaces every stored rule with those in `body` (see validateRetentionPolicies). A set without
   * a default rule gets the built-in default. @throws InvalidInputError naming each bad field;
   * nothing is changed then.
   */
  async replace(principal: StaffPrincipal, body: unknown): Promise<RetentionPoliciesInForce> {
    const known = new Set((await this.catalog.list({ includeInactive: true })).map((entry) => entry.code));
    const problems = validateRetentionPolicies(body, known);
    if (problems.length > 0) throw new InvalidInputError(problems);
    const policies = (body as { policies: RetentionPolicy[] }).policies;
    const withDefault = policies.some((policy) => !policy.catalogCode && !policy.kind)
      ? policies
      : [BUILT_IN_RETENTION_POLICIES[0], ...policies];
    const updatedAt = this.clock.now();
    await this.transactions.run(async (manager) => {
      await manager.createQueryBuilder().delete().from(RetentionPolicyRow).execute();
      await manager.insert(
        RetentionPolicyRow,
        withDefault.map((policy) => ({
          catalogCode: policy.catalogCode ?? null,
          kind: policy.kind ?? null,
          caseRetentionDays: policy.caseRetentionDays,
          contactRetentionDays: policy.contactRetentionDays,
          updatedAt,
          updatedById: principal.id,
        })),
      );
    });
    return this.inForce();
  }
}

function toPolicy(row: RetentionPolicyRow): RetentionPolicy {
  return {
    ...(row.catalogCode ? { catalogCode: row.catalogCode } : {}),
    ...(row.kind ? { kind: row.kind } : {}),
    caseRetentionDays: row.caseRetentionDays,
    contactRetentionDays: row.contactRetentionDays,
  };
}

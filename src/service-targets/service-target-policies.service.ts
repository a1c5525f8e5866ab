import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { CatalogService } from '../catalog/catalog.service';
import { Clock } from '../common/clock';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { newId } from '../common/ids';
import { TransactionService } from '../database/transaction.service';
import { ApplicableTargetsQuery } from './dto/applicable-targets-query.dto';
import { ServiceTargetPolicyDto } from './dto/service-target-policy.dto';
import { TargetTimeDto } from './dto/target-time.dto';
import { ServiceTargetPolicy } from './entities/service-target-policy.entity';
import { scopeKeyOf } from './policy-selection';
import { ServiceTargetPolicyRules } from './service-target-policy-rules.service';
import { ServiceTargetPolicyView, toPolicyView } from './service-target-policy.view';
import { PolicyScope, SelectedTargets, TargetSubject } from './service-target.types';

/** Longest targets accepted: a year of working days, and as much in hours or minutes. */
const MOST = { working_days: 250, working_hours: 250 * 24, working_minutes: 250 * 24 * 60 } as const;

export interface ApplicableTargets {
  subject: TargetSubject;
  targets: SelectedTargets;
}

/** The administrators' register of service-target policies. */
@Injectable()
export class ServiceTargetPoliciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly rules: ServiceTargetPolicyRules,
    private readonly clock: Clock,
    private readonly catalog: CatalogService,
  ) {}

  /** Most specific first, as they are weighed. */
  async list(): Promise<ServiceTargetPolicyView[]> {
    const rows = await this.dataSource.manager.find(ServiceTargetPolicy);
    return rows
      .map(toPolicyView)
      .sort((a, b) => b.specificity - a.specificity || scopeKeyOf(a).localeCompare(scopeKeyOf(b)));
  }

  async get(id: string): Promise<ServiceTargetPolicyView> {
    return toPolicyView(await this.find(this.dataSource.manager, id));
  }

  async applicable(query: ApplicableTargetsQuery): Promise<ApplicableTargets> {
    const facts = {
      catalogCode: query.catalogCode ?? null,
      kind: query.kind ?? null,
      priority: query.priority ?? 'normal',
      channel: query.channel ?? 'phone',
    };
    const manager = this.dataSource.manager;
    return {
      subject: await this.rules.subjectOf(manager, facts),
      targets: await this.rules.targetsFor(manager, facts),
    };
  }

  create(principal: StaffPrincipal, input: ServiceTargetPolicyDto): Promise<ServiceTargetPolicyView> {
    return this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const policy = manager.create(ServiceTargetPolicy, { id: newId(), createdAt: now });
      await this.write(manager, principal, policy, input, now);
      return toPolicyView(policy);
    });
  }

  /** Replaces the policy whole. Cases already planned keep their due times until their next re-plan. */
  replace(principal: StaffPrincipal, id: string, input: ServiceTargetPolicyDto): Promise<ServiceTargetPolicyView> {
    return this.transactions.run(async (manager) => {
      const policy = await this.find(manager, id);
      await this.write(manager, principal, policy, input, this.clock.now());
      return toPolicyView(policy);
    });
  }

  async remove(id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.find(manager, id);
      await manager.delete(ServiceTargetPolicy, { id });
    });
  }

  private async write(
    manager: EntityManager,
    principal: StaffPrincipal,
    policy: ServiceTargetPolicy,
    input: ServiceTargetPolicyDto,
    now: Date,
  ): Promise<void> {
    const scope: PolicyScope = {
      catalogCode: input.catalogCode ?? null,
      kind: input.kind ?? null,
      priority: input.priority ?? null,
      channel: input.channel ?? null,
    };
    await this.check(manager, scope, input);
    const scopeKey = scopeKeyOf(scope);
    const holder = await manager.findOneBy(ServiceTargetPolicy, { scopeKey });
    if (holder && holder.id !== policy.id)
      throw new ConflictError(
        `Policy ${holder.id} already has this scope (${describe(scope)}); change that one instead`,
      );
    Object.assign(policy, {
      ...scope,
      scopeKey,
      firstResponseValue: input.firstResponse?.value ?? null,
      firstResponseUnit: input.firstResponse?.unit ?? null,
      resolutionValue: input.resolution?.value ?? null,
      resolutionUnit: input.resolution?.unit ?? null,
      callbackValue: input.callback?.value ?? null,
      callbackUnit: input.callback?.unit ?? null,
      note: input.note ?? null,
      updatedAt: now,
      updatedById: principal.id,
    });
    await manager.save(policy);
  }

  private async check(manager: EntityManager, scope: PolicyScope, input: ServiceTargetPolicyDto): Promise<void> {
    const problems: string[] = [];
    if (scope.catalogCode !== null) {
      if (scope.kind !== null)
        problems.push('kind: a catalog type has its kind already; give one of catalogCode and kind');
      if (!(await this.catalog.findAny(scope.catalogCode, manager)))
        problems.push(`catalogCode: unknown catalog entry "${scope.catalogCode}"`);
    }
    const targets = { firstResponse: input.firstResponse, resolution: input.resolution, callback: input.callback };
    if (Object.values(targets).every((target) => !target))
      problems.push('a policy sets at least one of firstResponse, resolution and callback');
    for (const [name, target] of Object.entries(targets)) if (target) problems.push(...targetProblems(name, target));
    if (problems.length > 0) throw new InvalidInputError(problems);
  }

  private async find(manager: EntityManager, id: string): Promise<ServiceTargetPolicy> {
    const policy = await manager.findOneBy(ServiceTargetPolicy, { id });
    if (!policy) throw new NotFoundError('Service-target policy', id);
    return policy;
  }
}

function targetProblems(name: string, target: TargetTimeDto): string[] {
  if (target.unit === 'working_days' && !Number.isInteger(target.value)) {
    return [`${name}.value: working days are whole days (0 = by the close of the day of arrival), got ${target.value}`];
  }
  if (target.unit !== 'working_days' && target.value <= 0)
    return [`${name}.value: ${target.unit.replace('_', ' ')} must be more than 0`];
  if (target.value > MOST[target.unit])
    return [`${name}.value: at most ${MOST[target.unit]} ${target.unit.replace('_', ' ')}`];
  return [];
}

function describe(scope: PolicyScope): string {
  const named = Object.entries(scope).filter(([, value]) => value !== null);
  return named.length === 0 ? 'the default' : named.map(([field, value]) => `${field} ${String(value)}`).join(', ');
}

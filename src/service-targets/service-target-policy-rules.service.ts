import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseKind, Priority } from '../catalog/catalog.types';
import { CatalogService } from '../catalog/catalog.service';
import { Channel } from '../contacts/contact.types';
import { ServiceTargetPolicy } from './entities/service-target-policy.entity';
import { selectTargets } from './policy-selection';
import { toPolicyRule } from './service-target-policy.view';
import { SelectedTargets, TargetSubject } from './service-target.types';
import { selectRows } from '../database/select-rows';

/** The facts a caller knows; the kind is looked up from the catalog type when not given. */
export interface SubjectFacts {
  catalogCode: string | null;
  kind?: CaseKind | null;
  priority: Priority;
  channel: Channel;
}

/**
 * The targets in force for a case or a contact, read from the policies inside the caller's
 * transaction. The policies are a few dozen rows, read whole each time: a plan is made a
 * handful of times per case, and an administrator's change counts from the next plan on.
 */
@Injectable()
export class ServiceTargetPolicyRules {
  constructor(private readonly catalog: CatalogService) {}

  async targetsFor(manager: EntityManager, facts: SubjectFacts): Promise<SelectedTargets> {
    const subject = await this.subjectOf(manager, facts);
    const rows = await selectRows(manager, ServiceTargetPolicy, {});
    return selectTargets(rows.map(toPolicyRule), subject);
  }

  /**
   * The selection as a plain function over the policies read once, for planning many subjects
   * at a time (the demo history): the same answer targetsFor gives for each of them.
   */
  async selector(manager: EntityManager): Promise<(subject: TargetSubject) => SelectedTargets> {
    const rules = (await manager.find(ServiceTargetPolicy)).map(toPolicyRule);
    return (subject) => selectTargets(rules, subject);
  }

  async subjectOf(manager: EntityManager, facts: SubjectFacts): Promise<TargetSubject> {
    let kind = facts.kind ?? null;
    if (facts.catalogCode) kind = (await this.catalog.findAny(facts.catalogCode, manager))?.kind ?? kind;
    return { catalogCode: facts.catalogCode, kind, priority: facts.priority, channel: facts.channel };
  }
}

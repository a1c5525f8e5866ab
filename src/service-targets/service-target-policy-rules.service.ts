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
import { RevisionCache } from '../database/configuration-revisions';
import { deepFreeze } from '../common/deep-freeze';

/** The facts a caller knows; the kind is looked up from the catalog type when not given. */
export interface SubjectFacts {
  catalogCode: string | null;
  kind?: CaseKind | null;
  priority: Priority;
  channel: Channel;
}

/**
 * The targets in force for a case or a contact, from the policies as the caller's transaction
 * sees them. The policies are a few dozen rows, kept as rules while their revision stays the
 * same (RevisionCache): an administrator's change counts from the next plan on, in every process.
 */
@Injectable()
export class ServiceTargetPolicyRules {
  private readonly rules = new RevisionCache('service_target_policies', async (manager) =>
    deepFreeze((await selectRows(manager, ServiceTargetPolicy, {})).map(toPolicyRule)),
  );

  constructor(private readonly catalog: CatalogService) {}

  async targetsFor(manager: EntityManager, facts: SubjectFacts): Promise<SelectedTargets> {
    const subject = await this.subjectOf(manager, facts);
    return selectTargets(await this.rules.get(manager), subject);
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

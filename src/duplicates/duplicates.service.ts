import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CatalogService } from '../catalog/catalog.service';
import { CaseChangeEvent, CaseListener } from '../cases/case-change';
import { CaseChangePublisher } from '../cases/case-change-publisher.service';
import { CaseRecord } from '../cases/case-record';
import { CaseRecordsService } from '../cases/case-records.service';
import { CaseWorkflowService } from '../cases/case-workflow.service';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { boundingBox, DuplicateRules, findLikelyOriginal, normaliseAddress } from './duplicate-rules';

/**
 * Flags a new fault report that is probably the same fault as an open one (same type,
 * same address or nearby, within a few days), with a link to it, inside the case's own
 * transaction. A person confirms it with the `duplicate` action.
 */
@Injectable()
export class DuplicatesService implements CaseListener, OnModuleInit {
  readonly listenerName = 'duplicates';
  private readonly rules: DuplicateRules;

  constructor(
    private readonly publisher: CaseChangePublisher,
    private readonly cases: CaseRecordsService,
    private readonly workflow: CaseWorkflowService,
    private readonly catalog: CatalogService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rules = config.duplicates;
  }

  onModuleInit(): void {
    this.publisher.subscribe(this);
  }

  /** At registration, and when a case first gets its type at triage: that is when it can be compared. */
  async onCaseChange(manager: EntityManager, event: CaseChangeEvent): Promise<void> {
    if (event.action === 'register' || (event.action === 'triage' && event.case.likelyDuplicateOfId === null)) {
      await this.flag(manager, event.case);
    }
  }

  private async flag(manager: EntityManager, candidate: CaseRecord): Promise<void> {
    if (!candidate.catalogCode || (candidate.address === null && (candidate.lat === null || candidate.lng === null)))
      return;
    const entry = await this.catalog.findAny(candidate.catalogCode, manager);
    if (entry?.kind !== 'fault_report') return;

    const neighbours = await this.cases.openNeighbours(manager, {
      catalogCode: candidate.catalogCode,
      excludeId: candidate.id,
      since: new Date(candidate.receivedAt.getTime() - this.rules.windowDays * 24 * 3600_000),
      streetPrefix: normaliseAddress(candidate.address),
      box:
        candidate.lat !== null && candidate.lng !== null
          ? boundingBox(candidate.lat, candidate.lng, this.rules.radiusMeters)
          : null,
      confidentialOfDepartment: candidate.confidential ? candidate.departmentCode : null,
      limit: 200,
    });
    const match = findLikelyOriginal(candidate, neighbours, this.rules);
    if (!match) return;
    const original = await this.cases.find(match.originalId, manager);
    if (!original) return;
    await this.workflow.flagLikelyDuplicate(
      manager,
      candidate,
      original,
      match.sameAddress
        ? 'Same type of fault reported at the same address'
        : `Same type of fault reported ${match.distanceMeters} m away`,
      { ...match },
    );
  }
}

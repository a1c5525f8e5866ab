import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseChange, CaseHooks, CaseListener } from '../cases/case-hooks';
import { OPEN_STATUSES } from '../cases/case-lifecycle';
import { appendCaseEvent } from '../cases/case-timeline';
import { Case } from '../cases/entities/case.entity';
import { CatalogEntry } from '../catalog/entities/catalog-entry.entity';
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
  private readonly rules: DuplicateRules;

  constructor(
    private readonly hooks: CaseHooks,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.rules = config.duplicates;
  }

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async caseCreated(manager: EntityManager, created: Case): Promise<void> {
    await this.flag(manager, created);
  }

  /** A case first gets its type at triage; that is when it can be compared. */
  async caseChanged(manager: EntityManager, changed: Case, change: CaseChange): Promise<void> {
    if (change.action === 'triage' && changed.likelyDuplicateOfId === null) await this.flag(manager, changed);
  }

  private async flag(manager: EntityManager, candidate: Case): Promise<void> {
    if (!candidate.catalogCode || (candidate.address === null && (candidate.lat === null || candidate.lng === null)))
      return;
    const entry = await manager.findOneBy(CatalogEntry, { code: candidate.catalogCode });
    if (entry?.kind !== 'fault_report') return;

    const match = findLikelyOriginal(candidate, await this.openNeighbours(manager, candidate), this.rules);
    if (!match) return;
    const original = await manager.findOneByOrFail(Case, { id: match.originalId });
    candidate.likelyDuplicateOfId = original.id;
    await manager.update(Case, { id: candidate.id }, { likelyDuplicateOfId: original.id });
    await appendCaseEvent(manager, {
      caseId: candidate.id,
      type: 'duplicate_flag',
      actorId: null,
      at: candidate.receivedAt,
      reason: match.sameAddress
        ? 'Same type of fault reported at the same address'
        : `Same type of fault reported ${match.distanceMeters} m away`,
      data: { likelyDuplicateOfId: original.id, likelyDuplicateOfReference: original.reference, ...match },
    });
  }

  /** Open cases of the same type in the window, at the same street or inside the radius's box. */
  private async openNeighbours(manager: EntityManager, candidate: Case): Promise<Case[]> {
    const since = new Date(candidate.receivedAt.getTime() - this.rules.windowDays * 24 * 3600_000);
    const query = manager
      .createQueryBuilder(Case, 'c')
      .where('c.catalogCode = :code', { code: candidate.catalogCode })
      .andWhere('c.status IN (:...statuses)', { statuses: OPEN_STATUSES })
      .andWhere('c.receivedAt >= :since', { since })
      .andWhere('c.id <> :id', { id: candidate.id });
    const conditions: string[] = [];
    const street = normaliseAddress(candidate.address);
    if (street) {
      conditions.push('LOWER(c.address) LIKE :street');
      query.setParameter('street', `${street.replace(/[\\%_]/g, '')}%`);
    }
    if (candidate.lat !== null && candidate.lng !== null) {
      const box = boundingBox(candidate.lat, candidate.lng, this.rules.radiusMeters);
      conditions.push('(c.lat BETWEEN :minLat AND :maxLat AND c.lng BETWEEN :minLng AND :maxLng)');
      query.setParameters(box);
    }
    return query
      .andWhere(`(${conditions.join(' OR ')})`)
      .limit(200)
      .getMany();
  }
}

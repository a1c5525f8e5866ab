import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { CatalogEntry } from '../catalog/entities/catalog-entry.entity';
import { CitizensService } from '../citizens/citizens.service';
import { Clock } from '../common/clock';
import { InvalidInputError, NotFoundError } from '../common/domain-errors';
import { newId } from '../common/ids';
import { Page } from '../common/pagination.dto';
import { localYear } from '../common/time-zone';
import { Contact } from '../contacts/entities/contact.entity';
import { TransactionService } from '../database/transaction.service';
import { CaseStatus } from './case-lifecycle';
import { CaseHooks } from './case-hooks';
import { appendCaseEvent } from './case-timeline';
import { CaseView, RedactedCaseView, toCaseView, toRedactedCaseView } from './case.view';
import { mayReadContent } from './confidentiality';
import { CreateCaseDto, CreatedCaseDto } from './dto/create-case.dto';
import { ListCasesQuery } from './dto/list-cases-query.dto';
import { CaseAccess } from './entities/case-access.entity';
import { CaseEvent } from './entities/case-event.entity';
import { Case } from './entities/case.entity';
import { allocateReference } from './reference-allocator';

/**
 * A unique stand-in for the reference number while the intake transaction runs; no one
 * outside the transaction ever sees it, and it fits the reference column.
 */
function provisionalReference(id: string): string {
  return `~${id.replace(/-/g, '').slice(0, 15)}`;
}

/** Who registers a case: a staff member, or a citizen channel acting on its own. */
export type CaseAuthor = StaffPrincipal | null;

@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly citizens: CitizensService,
    private readonly clock: Clock,
    private readonly hooks: CaseHooks,
  ) {}

  /** Registers a case. It is stored, with its reference number, before anyone is told the number. */
  create(author: CaseAuthor, input: CreateCaseDto): Promise<CreatedCaseDto> {
    if (input.resolution && !input.resolvedOnSpot)
      throw new InvalidInputError(['resolution is only given with resolvedOnSpot']);
    return this.transactions.run(async (manager) => {
      const catalogEntry = await this.requireReferences(manager, input);
      const now = this.clock.now();
      const citizen = input.citizen ? await this.citizens.register(manager, input.citizen) : null;
      const intakeStatus: CaseStatus = catalogEntry ? 'triaged' : 'new';
      const id = newId();
      const created = manager.create(Case, {
        id,
        reference: provisionalReference(id),
        description: input.description,
        catalogCode: catalogEntry?.code ?? null,
        departmentCode: catalogEntry?.departmentCode ?? null,
        status: intakeStatus,
        statusBeforeWaiting: null,
        priority: input.priority ?? catalogEntry?.priority ?? 'normal',
        channel: input.channel ?? 'phone',
        citizenId: citizen?.id ?? null,
        address: input.location?.address ?? null,
        postalCode: input.location?.postalCode?.replace(' ', '') ?? null,
        lat: input.location?.lat ?? null,
        lng: input.location?.lng ?? null,
        contactId: input.contactId ?? null,
        confidential: Boolean(input.confidential || catalogEntry?.confidential),
        assigneeId: null,
        duplicateOfId: null,
        createdById: author?.id ?? null,
        receivedAt: now,
        firstResponseAt: null,
        resolvedAt: null,
        closedAt: null,
        reopenCount: 0,
        returnCount: 0,
        source: 'live',
        externalId: null,
      });
      await manager.save(created);
      await appendCaseEvent(manager, {
        caseId: created.id,
        type: 'created',
        actorId: author?.id ?? null,
        at: now,
        toStatus: intakeStatus,
        data: {
          channel: created.channel,
          catalogCode: created.catalogCode,
          catalogSetBy: catalogEntry ? (author ? 'staff' : 'citizen') : null,
        },
      });
      await this.hooks.created(manager, created);
      if (input.resolvedOnSpot) await this.resolveOnSpot(manager, author, created, input.resolution ?? null, now);
      // The year's counter row stays locked from here to the commit, so the number is taken
      // last: concurrent intakes queue only for these two statements, not the whole intake.
      created.reference = await allocateReference(manager, localYear(now));
      await manager.update(Case, { id }, { reference: created.reference });
      return { id: created.id, reference: created.reference, status: created.status };
    });
  }

  async get(principal: StaffPrincipal, id: string): Promise<CaseView | RedactedCaseView> {
    const found = await this.dataSource.manager.findOneBy(Case, { id });
    if (!found) throw new NotFoundError('Case', id);
    if (!mayReadContent(principal, found)) return toRedactedCaseView(found);
    if (found.confidential) await this.recordAccess(principal, [found.id], 'read');
    const citizens = await this.citizens.views(this.dataSource.manager, found.citizenId ? [found.citizenId] : []);
    return toCaseView(found, found.citizenId ? (citizens.get(found.citizenId) ?? null) : null);
  }

  async list(principal: StaffPrincipal, query: ListCasesQuery): Promise<Page<CaseView | RedactedCaseView>> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const builder = this.dataSource.manager.createQueryBuilder(Case, 'c');
    if (query.status) builder.andWhere('c.status = :status', { status: query.status });
    if (query.departmentCode)
      builder.andWhere('c.departmentCode = :departmentCode', { departmentCode: query.departmentCode });
    if (query.catalogCode) builder.andWhere('c.catalogCode = :catalogCode', { catalogCode: query.catalogCode });
    if (query.from) builder.andWhere('c.receivedAt >= :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('c.receivedAt < :to', { to: new Date(query.to) });
    if (query.text) this.whereTextMatches(builder, principal, query.text);
    const [rows, total] = await builder
      .orderBy('c.receivedAt', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();

    const readable = rows.filter((row) => mayReadContent(principal, row));
    const citizens = await this.citizens.views(
      this.dataSource.manager,
      readable.map((r) => r.citizenId).filter((v): v is string => v !== null),
    );
    await this.recordAccess(
      principal,
      readable.filter((r) => r.confidential).map((r) => r.id),
      'list',
    );
    const items = rows.map((row) =>
      readable.includes(row)
        ? toCaseView(row, row.citizenId ? (citizens.get(row.citizenId) ?? null) : null)
        : toRedactedCaseView(row),
    );
    return { items, total, limit, offset };
  }

  async timeline(principal: StaffPrincipal, id: string): Promise<CaseEvent[]> {
    const found = await this.dataSource.manager.findOneBy(Case, { id });
    if (!found) throw new NotFoundError('Case', id);
    const events = await this.dataSource.manager.find(CaseEvent, { where: { caseId: id }, order: { id: 'ASC' } });
    if (!mayReadContent(principal, found)) {
      // The steps stay visible; what was written and why does not.
      return events.map((event) => ({ ...event, reason: null, body: null, data: null }));
    }
    if (found.confidential) await this.recordAccess(principal, [found.id], 'timeline');
    return events;
  }

  async accessLog(id: string): Promise<CaseAccess[]> {
    if (!(await this.dataSource.manager.existsBy(Case, { id }))) throw new NotFoundError('Case', id);
    return this.dataSource.manager.find(CaseAccess, { where: { caseId: id }, order: { id: 'ASC' } });
  }

  /**
   * A text search must not find confidential cases by their content for someone who
   * may not read them: the search itself would leak what they say.
   */
  private whereTextMatches(builder: SelectQueryBuilder<Case>, principal: StaffPrincipal, text: string): void {
    const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    builder.andWhere("(LOWER(c.description) LIKE :pattern ESCAPE '\\' OR c.reference LIKE :pattern ESCAPE '\\')", {
      pattern,
    });
    if (principal.role === 'admin' || principal.role === 'manager') return;
    if (principal.role === 'handler' && principal.departmentCodes.length > 0) {
      builder.andWhere('(c.confidential = :no OR c.departmentCode IN (:...ownDepartments))', {
        no: false,
        ownDepartments: principal.departmentCodes,
      });
    } else {
      builder.andWhere('c.confidential = :no', { no: false });
    }
  }

  private async recordAccess(
    principal: StaffPrincipal,
    caseIds: string[],
    access: CaseAccess['access'],
  ): Promise<void> {
    if (caseIds.length === 0) return;
    const at = this.clock.now();
    await this.transactions.run((manager) =>
      manager.insert(
        CaseAccess,
        caseIds.map((caseId) => ({ caseId, userId: principal.id, access, at })),
      ),
    );
  }

  private async requireReferences(manager: EntityManager, input: CreateCaseDto): Promise<CatalogEntry | null> {
    const problems: string[] = [];
    const catalogEntry = input.catalogCode ? await manager.findOneBy(CatalogEntry, { code: input.catalogCode }) : null;
    if (input.catalogCode && (!catalogEntry || !catalogEntry.active))
      problems.push(`catalogCode: unknown catalog entry "${input.catalogCode}"`);
    if (input.contactId && !(await manager.existsBy(Contact, { id: input.contactId })))
      problems.push(`contactId: unknown contact "${input.contactId}"`);
    if (input.resolvedOnSpot && catalogEntry && !catalogEntry.handledByServiceCenter) {
      problems.push(`resolvedOnSpot: catalog type "${catalogEntry.code}" is handled by a department, not on the spot`);
    }
    if (problems.length) throw new InvalidInputError(problems);
    return catalogEntry;
  }

  private async resolveOnSpot(
    manager: EntityManager,
    author: CaseAuthor,
    created: Case,
    resolution: string | null,
    now: Date,
  ): Promise<void> {
    const fromStatus = created.status;
    Object.assign(created, { status: 'resolved', resolvedAt: now, firstResponseAt: now });
    await manager.save(created);
    await appendCaseEvent(manager, {
      caseId: created.id,
      type: 'status',
      actorId: author?.id ?? null,
      at: now,
      fromStatus,
      toStatus: 'resolved',
      reason: resolution ?? 'Resolved on the spot by the service center',
    });
    await this.hooks.changed(manager, created, {
      action: 'resolve',
      fromStatus,
      toStatus: 'resolved',
      actorId: author?.id ?? null,
      at: now,
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { TransactionService } from '../database/transaction.service';
import { OrganisationService } from '../organisation/organisation.service';
import { CatalogEntryView, toCatalogEntryView } from './catalog-entry.view';
import { CreateCatalogEntryDto, UpdateCatalogEntryDto } from './dto/catalog-entry.dto';
import { CatalogEntry } from './entities/catalog-entry.entity';
import { selectRows } from '../database/select-rows';
import { RevisionCache } from '../database/configuration-revisions';
import { deepFreeze } from '../common/deep-freeze';

@Injectable()
export class CatalogService {
  /**
   * Every entry by code, kept while the catalog's revision stays the same: a case's intake and
   * its routing look an entry up several times. The views are frozen, as callers share them.
   */
  private readonly byCode = new RevisionCache('catalog_entries', async (manager) => {
    const rows = await selectRows(manager, CatalogEntry, {});
    return new Map(rows.map((row) => [row.code, deepFreeze(toCatalogEntryView(row))]));
  });

  constructor(
    @InjectRepository(CatalogEntry) private readonly entries: Repository<CatalogEntry>,
    private readonly transactions: TransactionService,
    private readonly organisation: OrganisationService,
  ) {}

  /** The active entry with this code, or null; inside `manager`'s transaction when given. Frozen. */
  async findActive(code: string, manager: EntityManager = this.entries.manager): Promise<CatalogEntryView | null> {
    const entry = await this.findAny(code, manager);
    return entry?.active ? entry : null;
  }

  /** The entry with this code, active or not, or null; inside `manager`'s transaction when given. Frozen. */
  async findAny(code: string, manager: EntityManager = this.entries.manager): Promise<CatalogEntryView | null> {
    return (await this.byCode.get(manager)).get(code) ?? null;
  }

  /** Stores catalog entries in bulk inside the caller's transaction (the demo municipality). */
  async insertEntries(manager: EntityManager, entries: CatalogEntryView[]): Promise<void> {
    await manager.insert(
      CatalogEntry,
      entries.map((entry) => ({
        code: entry.code,
        nameSv: entry.name.sv,
        nameEn: entry.name.en,
        nameDa: entry.name.da ?? null,
        kind: entry.kind,
        departmentCode: entry.departmentCode,
        handledByServiceCenter: entry.handledByServiceCenter,
        priority: entry.priority,
        keywords: entry.keywords,
        confidential: entry.confidential,
        active: entry.active,
      })),
    );
  }

  async list(filter: { includeInactive?: boolean } = {}): Promise<CatalogEntryView[]> {
    const entries = await this.entries.find({
      where: filter.includeInactive ? {} : { active: true },
      order: { code: 'ASC' },
    });
    return entries.map(toCatalogEntryView);
  }

  async get(code: string): Promise<CatalogEntryView> {
    return toCatalogEntryView(await this.find(code));
  }

  /** The entry itself, for other areas (cases, triage, routing). */
  async find(code: string, manager?: EntityManager): Promise<CatalogEntry> {
    const entry = await (manager ?? this.entries.manager).findOneBy(CatalogEntry, { code });
    if (!entry) throw new NotFoundError('Catalog entry', code);
    return entry;
  }

  create(input: CreateCatalogEntryDto): Promise<CatalogEntryView> {
    return this.transactions.run(async (manager) => {
      if (await manager.existsBy(CatalogEntry, { code: input.code }))
        throw new ConflictError(`Catalog entry ${input.code} already exists`);
      await this.requireDepartment(manager, input.departmentCode);
      const entry = manager.create(CatalogEntry, {
        code: input.code,
        nameSv: input.name.sv,
        nameEn: input.name.en,
        nameDa: input.name.da ?? null,
        kind: input.kind,
        departmentCode: input.departmentCode,
        handledByServiceCenter: input.handledByServiceCenter ?? false,
        priority: input.priority ?? 'normal',
        keywords: input.keywords ?? [],
        confidential: input.confidential ?? false,
        active: input.active ?? true,
      });
      return toCatalogEntryView(await manager.save(entry));
    });
  }

  update(code: string, input: UpdateCatalogEntryDto): Promise<CatalogEntryView> {
    return this.transactions.run(async (manager) => {
      const entry = await this.find(code, manager);
      if (input.departmentCode) await this.requireDepartment(manager, input.departmentCode);
      const { name, ...rest } = input;
      Object.assign(entry, rest);
      if (name) Object.assign(entry, { nameSv: name.sv, nameEn: name.en, nameDa: name.da ?? entry.nameDa });
      return toCatalogEntryView(await manager.save(entry));
    });
  }

  private async requireDepartment(manager: EntityManager, code: string): Promise<void> {
    if (!(await this.organisation.departmentExists(code, manager)))
      throw new InvalidInputError([`departmentCode: unknown department "${code}"`]);
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { CaseImportWriter, CatalogTraits, ImportWriteOptions } from '../cases/case-import-writer.service';
import { CalendarService } from '../calendar/calendar.service';
import { RegisterPlanner } from '../register/register-planner.service';
import { CatalogService } from '../catalog/catalog.service';
import { Clock } from '../common/clock';
import { ConflictError } from '../common/domain-errors';
import { TransactionService } from '../database/transaction.service';
import { OrganisationService } from '../organisation/organisation.service';
import { ImportedCase, validateCaseLine } from './case-line-validator';
import { CaseImportResultDto } from './dto/case-import-result.dto';
import { ImportChecker } from './import-checker';
import { ImportSpool } from './import-spool';
import { SourceLine } from './source-line';

/** Cases per INSERT: well inside SQLite's and PostgreSQL's limits on bound parameters (29 a case). */
const INSERT_BATCH = 500;

/**
 * Imports historical cases all-or-nothing in two passes. The first checks every line
 * while the upload streams in and spools the accepted cases to a temporary file, with no
 * transaction open. Only when every line passed does the second pass insert the spooled
 * cases in batches inside one transaction, so the transaction lasts as long as the
 * inserts and not as long as the upload, and memory holds one batch at a time.
 */
@Injectable()
export class CaseImportService {
  private readonly logger = new Logger(CaseImportService.name);

  constructor(
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
    private readonly writer: CaseImportWriter,
    private readonly catalog: CatalogService,
    private readonly organisation: OrganisationService,
    private readonly calendar: CalendarService,
    private readonly register: RegisterPlanner,
  ) {}

  async importCases(importer: StaffPrincipal, lines: AsyncIterable<SourceLine>): Promise<CaseImportResultDto> {
    const startedAt = performance.now();
    const now = this.clock.now();
    const catalog = await this.catalogTraits();
    const departments = await this.organisation.listDepartments();
    const spool = new ImportSpool<ImportedCase>();
    try {
      const context = {
        departmentCodes: new Set(departments.map((d) => d.code)),
        catalogCodes: new Set(catalog.keys()),
        now,
        timeZone: (await this.calendar.current()).settings.timeZone,
      };
      const checker = new ImportChecker<ImportedCase>(
        {
          keyField: 'externalId',
          validate: (fields) => {
            const { importedCase, errors } = validateCaseLine(fields, context);
            return { record: importedCase, errors };
          },
          findStored: (externalIds) => this.findImported(externalIds),
          repeats: 'reject',
        },
        spool,
      );
      await checker.check(lines);
      const checkMs = Math.round(performance.now() - startedAt);
      const rejectedCount = checker.rejections.count;
      const imported = rejectedCount === 0 ? await this.insertAll(spool, { importerId: importer.id, now, catalog }) : 0;
      this.logger.log(
        {
          importerId: importer.id,
          imported,
          rejectedCount,
          checkMs,
          insertMs: Math.round(performance.now() - startedAt) - checkMs,
        },
        'Case import finished',
      );
      return { imported, rejected: checker.rejections.list(), rejectedCount };
    } finally {
      await spool.discard();
    }
  }

  private async insertAll(spool: ImportSpool<ImportedCase>, options: ImportWriteOptions): Promise<number> {
    try {
      return await this.transactions.run(
        async (manager) => {
          for await (const batch of spool.batches(INSERT_BATCH, reviveCase)) {
            // Imported cases raise no case events: the register enters them here.
            await this.register.enterHistory(manager, await this.writer.insert(manager, batch, options));
            // Lets other requests' reads be answered between batches of a long import.
            await new Promise((resolve) => setImmediate(resolve));
          }
          return spool.size;
        },
        { alone: true },
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          'Another import stored some of these cases while this file was being checked; nothing was imported. Send the file again to see which lines.',
        );
      }
      throw error;
    }
  }

  private async catalogTraits(): Promise<Map<string, CatalogTraits>> {
    // Inactive entries count too: historical cases were filed under the catalog of their time.
    const entries = await this.catalog.list({ includeInactive: true });
    return new Map(
      entries.map((entry) => [entry.code, { priority: entry.priority, confidential: entry.confidential }]),
    );
  }

  private async findImported(externalIds: string[]): Promise<Map<string, string>> {
    const references = await this.writer.referencesOfImported(externalIds);
    return new Map([...references].map(([externalId, reference]) => [externalId, `case ${reference}`]));
  }
}

function reviveCase(json: unknown): ImportedCase {
  const spooled = json as Record<keyof ImportedCase, string | null>;
  const instant = (value: string | null) => (value === null ? null : new Date(value));
  return {
    ...(json as ImportedCase),
    receivedAt: new Date(spooled.receivedAt as string),
    firstResponseAt: instant(spooled.firstResponseAt),
    resolvedAt: instant(spooled.resolvedAt),
    closedAt: instant(spooled.closedAt),
  };
}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Page } from '../common/pagination.dto';
import { bulkInsertInBatches } from '../database/bulk-insert';
import { TransactionService } from '../database/transaction.service';
import { ImportChecker } from '../imports/import-checker';
import { ImportSpool } from '../imports/import-spool';
import { SourceLine } from '../imports/source-line';
import { OrganisationService } from '../organisation/organisation.service';
import { CallRecordSource } from './call-record.types';
import { CheckedCallRecord, validateCallRecord } from './call-record-validator';
import { CallImportResultDto } from './dto/call-import-result.dto';
import { ListCallsQuery } from './dto/list-calls-query.dto';
import { CallRecord } from './entities/call-record.entity';
import { CalendarService } from '../calendar/calendar.service';

/** Records per INSERT: 13 bound parameters each, well inside both databases' limits. */
const INSERT_BATCH = 1000;

/**
 * Stores call records from the telephony platform, all-or-nothing per delivery and
 * idempotent per callId: the platform may resend a webhook or export overlapping files.
 * Checked while streaming and spooled first, like the case import (src/imports/).
 */
@Injectable()
export class TelephonyService {
  private readonly logger = new Logger(TelephonyService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
    private readonly organisation: OrganisationService,
    private readonly calendar: CalendarService,
  ) {}

  async storeCalls(source: CallRecordSource, lines: AsyncIterable<SourceLine>): Promise<CallImportResultDto> {
    const now = this.clock.now();
    const servicePoints = await this.organisation.listServicePoints();
    const context = {
      servicePointCodes: new Set(servicePoints.map((point) => point.code)),
      now,
      timeZone: (await this.calendar.current()).settings.timeZone,
    };
    const spool = new ImportSpool<CheckedCallRecord>();
    try {
      const checker = new ImportChecker<CheckedCallRecord>(
        {
          keyField: 'callId',
          validate: (fields) => {
            const { callRecord, errors } = validateCallRecord(fields, context);
            return { record: callRecord, errors };
          },
          findStored: (callIds) => this.findStored(callIds),
          repeats: 'skip',
        },
        spool,
      );
      await checker.check(lines);
      const rejectedCount = checker.rejections.count;
      const stored = rejectedCount === 0 ? await this.insertAll(spool, source, now) : 0;
      this.logger.log({ source, stored, duplicates: checker.skipped, rejectedCount }, 'Call records received');
      return { stored, duplicates: checker.skipped, rejected: checker.rejections.list(), rejectedCount };
    } finally {
      await spool.discard();
    }
  }

  /** Call records from before this system (the demo history), inside the caller's transaction; UTC times. */
  async insertHistorical(manager: EntityManager, calls: Array<Omit<CallRecord, 'createdAt'>>): Promise<void> {
    await bulkInsertInBatches(manager, CallRecord, calls);
  }

  async list(query: ListCallsQuery): Promise<Page<CallRecord>> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const builder = this.dataSource.manager.createQueryBuilder(CallRecord, 'call');
    if (query.from)
      builder.andWhere('call.startedAt >= :from', { from: await this.calendar.instant('from', query.from) });
    if (query.to) builder.andWhere('call.startedAt < :to', { to: await this.calendar.instant('to', query.to) });
    if (query.queue) builder.andWhere('call.queue = :queue', { queue: query.queue });
    const [items, total] = await builder
      .orderBy('call.startedAt', 'DESC')
      .addOrderBy('call.callId', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items, total, limit, offset };
  }

  private insertAll(spool: ImportSpool<CheckedCallRecord>, source: CallRecordSource, now: Date): Promise<number> {
    return this.transactions.run(
      async (manager) => {
        for await (const batch of spool.batches(INSERT_BATCH, reviveCallRecord)) {
          const rows = batch.map((call) => ({ ...call, id: newId(), source, createdAt: now }));
          // A resend that arrives while this delivery is being checked is stored once, by whichever commits first.
          await manager
            .createQueryBuilder()
            .insert()
            .into(CallRecord)
            .values(rows)
            .orIgnore()
            .updateEntity(false)
            .execute();
        }
        return spool.size;
      },
      { alone: true },
    );
  }

  private async findStored(callIds: string[]): Promise<Map<string, string>> {
    const rows = await this.dataSource.manager.find(CallRecord, {
      select: { callId: true },
      where: { callId: In(callIds) },
    });
    return new Map(rows.map((row) => [row.callId, `call ${row.callId}`]));
  }
}

function reviveCallRecord(json: unknown): CheckedCallRecord {
  const spooled = json as CheckedCallRecord & { startedAt: string };
  return { ...spooled, startedAt: new Date(spooled.startedAt) };
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseChangeEvent, CaseListener } from '../cases/case-change';
import { CaseChangePublisher } from '../cases/case-change-publisher.service';
import { bulkInsert } from '../database/bulk-insert';
import { RegisterEntry } from './entities/register-entry.entity';
import { RegisterPlanner } from './register-planner.service';
import { publicStatus, publishAfter } from './register-publication';
import { selectRow, updateRows } from '../database/select-rows';

/**
 * Keeps each case's register entry in step with the case, inside the case's own transaction: the
 * entry and its publication job are written when the case is registered; its status and
 * department follow every change; a new type or a change of confidentiality makes what is
 * published be worked out again (and a case that became confidential loses its text at once).
 */
@Injectable()
export class RegisterEntryListener implements CaseListener, OnModuleInit {
  readonly listenerName = 'register';

  constructor(
    private readonly publisher: CaseChangePublisher,
    private readonly planner: RegisterPlanner,
  ) {}

  onModuleInit(): void {
    this.publisher.subscribe(this);
  }

  async onCaseChange(manager: EntityManager, event: CaseChangeEvent): Promise<void> {
    const record = event.case;
    if (event.action === 'register') {
      const rule = await this.planner.ruleFor(manager, record.catalogCode);
      const entry = this.planner.newEntry(record, rule);
      // The case's reference number is taken last in the intake transaction: until the entry is
      // published or the case next changes, the entry holds the stand-in the case had here.
      // Every column is given (newEntry): nothing to read back after the insert.
      await bulkInsert(manager, RegisterEntry, [entry]);
      await this.planner.queue(manager, entry);
      return;
    }
    const entry = await selectRow(manager, RegisterEntry, { caseId: record.id });
    if (!entry) return;
    const followed = {
      reference: record.reference,
      status: publicStatus(record.status),
      departmentCode: record.departmentCode,
    };
    if (entry.catalogCode === record.catalogCode && entry.confidential === record.confidential) {
      await updateRows(manager, RegisterEntry, { caseId: record.id }, followed);
      return;
    }
    const changes: Partial<RegisterEntry> = {
      ...followed,
      catalogCode: record.catalogCode,
      confidential: record.confidential,
      ...(record.confidential ? { summary: null, searchText: null } : {}),
    };
    if (entry.publishedAt === null) {
      changes.publishAfter = publishAfter(entry.receivedAt, await this.planner.ruleFor(manager, record.catalogCode));
    }
    await this.planner.replan(manager, entry, changes);
  }
}

import { forwardRef, Inject, Injectable } from '@nestjs/common';
import { CaseRecordsService } from '../cases/case-records.service';
import { CitizensService } from '../citizens/citizens.service';
import { Clock } from '../common/clock';
import { TransactionService } from '../database/transaction.service';
import { RegisterEntry } from './entities/register-entry.entity';
import { RegisterPlanner } from './register-planner.service';
import { publicationText, searchTextOf } from './register-publication';

/**
 * Publishes a register entry: works out, from the case as it is now, the text the public may
 * read, redacted at this moment (redaction.ts) with the names and address of the case's own
 * parties, and stores it. A confidential case, or a type that publishes its existence only, gets
 * no text at all.
 */
@Injectable()
export class RegisterPublisher {
  constructor(
    private readonly transactions: TransactionService,
    private readonly cases: CaseRecordsService,
    private readonly citizens: CitizensService,
    // The planner's file loads this one through the publication job's: the reference is resolved late.
    @Inject(forwardRef(() => RegisterPlanner)) private readonly planner: RegisterPlanner,
    private readonly clock: Clock,
  ) {}

  /**
   * Publishes plan `planVersion` of the case's entry, if that is still the plan, not yet
   * published, not withheld and due (`publishAfter` passed). Answers whether it published.
   */
  publish(caseId: string, planVersion: number): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      // The case first, then its entry: the order every change of the case takes them in, so the
      // text cannot be worked out from a case that a change is making confidential meanwhile.
      if (!(await this.cases.find(caseId, manager))) return false;
      const record = await this.cases.lock(manager, caseId);
      const entry = await this.planner.entryForUpdate(manager, caseId);
      if (!entry || entry.planVersion !== planVersion || entry.publishedVersion === planVersion) return false;
      const now = this.clock.now();
      if (entry.withheld || entry.publishAfter.getTime() > now.getTime()) return false;
      const rule = await this.planner.ruleFor(manager, entry.catalogCode);
      const confidential = entry.confidential || record.confidential;
      // The citizen's name is a party to redact only where a text is published at all.
      const publishesText = !confidential && rule.publishes === 'summary';
      const citizen = publishesText && record.citizenId ? await this.citizens.find(record.citizenId, manager) : null;
      const summary = publicationText(entry.editedSummary ?? record.description, confidential, rule, {
        names: [citizen?.name],
        addresses: [record.address],
      });
      await manager.update(
        RegisterEntry,
        { caseId },
        {
          reference: record.reference,
          summary,
          searchText: searchTextOf(summary),
          confidential,
          publishedVersion: planVersion,
          publishedAt: entry.publishedAt ?? now,
        },
      );
      return true;
    });
  }
}

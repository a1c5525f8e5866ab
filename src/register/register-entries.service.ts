import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../auth/access-policy';
import { CaseRecordsService } from '../cases/case-records.service';
import { StaffPrincipal } from '../auth/roles';
import { Clock } from '../common/clock';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { TransactionService } from '../database/transaction.service';
import { UpdateRegisterEntryDto } from './dto/register-entry.dto';
import { RegisterEntry } from './entities/register-entry.entity';
import { RegisterPlanner } from './register-planner.service';

/**
 * A case's register entry as its handlers work it: they read what is (or will be) published,
 * withhold the case from the public register, or publish their own wording of its summary. Only
 * those the access policy lets read the case's personal data may: the handlers of the department
 * that owns it, managers and admins.
 */
@Injectable()
export class RegisterEntriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly planner: RegisterPlanner,
    private readonly cases: CaseRecordsService,
    private readonly clock: Clock,
  ) {}

  /** @throws NotFoundError for an unknown reference; ForbiddenError outside the access policy. */
  async get(principal: StaffPrincipal, reference: string): Promise<RegisterEntry> {
    const caseId = await this.cases.idByReference(reference);
    const entry = caseId ? await this.dataSource.manager.findOneBy(RegisterEntry, { caseId }) : null;
    return this.allowed(principal, entry, reference);
  }

  /**
   * Withholds the entry or lets it in, and/or sets or clears the handler's summary; what is
   * published is worked out again (redacted) at once when the entry is due, else when it is.
   *
   * @throws InvalidInputError when neither withheld nor summary is given; NotFoundError; ForbiddenError.
   */
  update(principal: StaffPrincipal, reference: string, input: UpdateRegisterEntryDto): Promise<RegisterEntry> {
    if (input.withheld === undefined && input.summary === undefined)
      throw new InvalidInputError(['give withheld or summary']);
    return this.transactions.run(async (manager) => {
      const caseId = await this.cases.idByReference(reference);
      const found = caseId ? await this.planner.entryForUpdate(manager, caseId) : null;
      const entry = this.allowed(principal, found, reference);
      const changes: Partial<RegisterEntry> = {};
      if (input.withheld !== undefined) changes.withheld = input.withheld;
      if (input.summary !== undefined) {
        Object.assign(changes, {
          editedSummary: input.summary === null ? null : input.summary.trim(),
          editedById: principal.id,
          editedAt: this.clock.now(),
        });
      }
      return this.planner.replan(manager, entry, { ...changes, reference });
    });
  }

  private allowed(principal: StaffPrincipal, entry: RegisterEntry | null, reference: string): RegisterEntry {
    if (!entry) throw new NotFoundError('Register entry', reference);
    // Taken at intake before the case's number was: the entry learns it from the case.
    entry.reference = reference;
    if (!AccessPolicy.mayReadPersonalData(principal, entry))
      throw new ForbiddenError("A case's register entry is for the handlers of its department, managers and admins");
    return entry;
  }
}

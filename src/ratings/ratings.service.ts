import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { AccessPolicy } from '../auth/access-policy';
import { StaffService } from '../auth/staff.service';
import { CaseRecordsService } from '../cases/case-records.service';
import { CitizensService } from '../citizens/citizens.service';
import { Clock } from '../common/clock';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { newId } from '../common/ids';
import { ContactsService } from '../contacts/contacts.service';
import { bulkInsertInBatches } from '../database/bulk-insert';
import { TransactionService } from '../database/transaction.service';
import { CitizenRating, RatingSource } from './entities/citizen-rating.entity';
import { RATING_DIMENSIONS, RatingDimension } from './rating-index';

export interface RatingSubject {
  contactId?: string;
  caseId?: string;
}

export type RatingScores = Partial<Record<RatingDimension, number>>;

/** Who gives the rating: a staff member after a call, or the citizen through the survey link (with a comment if they like). */
export interface RatingAuthor {
  source: RatingSource;
  staff: StaffPrincipal | null;
  comment?: string | null;
}

/** A rating as it is stored, for insertHistorical. */
export type HistoricalRating = CitizenRating;

/**
 * Records citizen ratings. One rating per contact and per case, so that nothing is counted twice.
 *
 * A rating counts for the department that served the citizen: for a case, the case's department;
 * for a contact, the department of the staff member who logged it (the same rule the contact
 * statistics use).
 */
@Injectable()
export class RatingsService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
    private readonly cases: CaseRecordsService,
    private readonly contacts: ContactsService,
    private readonly citizens: CitizensService,
    private readonly staff: StaffService,
  ) {}

  /** Whether the case has been rated already (one rating per case). */
  isCaseRated(caseId: string): Promise<boolean> {
    return this.transactions.run((manager) => manager.existsBy(CitizenRating, { caseId }));
  }

  /**
   * Ratings given before this system (the demo history), inside the caller's transaction, with
   * channel, department, service point and gender copied as `record` copies them. UTC times.
   */
  async insertHistorical(manager: EntityManager, ratings: HistoricalRating[]): Promise<void> {
    await bulkInsertInBatches(manager, CitizenRating, ratings);
  }

  /**
   * The ratings given about these contacts or cases, oldest first, for a register extract.
   * Read in `manager` (the caller's data source or transaction).
   */
  forSubjects(manager: EntityManager, contactIds: string[], caseIds: string[]): Promise<CitizenRating[]> {
    const where = [
      ...(contactIds.length ? [{ contactId: In(contactIds) }] : []),
      ...(caseIds.length ? [{ caseId: In(caseIds) }] : []),
    ];
    if (where.length === 0) return Promise.resolve([]);
    return manager.find(CitizenRating, { where, order: { ratedAt: 'ASC' } });
  }

  /**
   * Removes the survey's free comments on these cases inside `manager`'s transaction (retention and
   * erasure, docs/personal-data.md); the grades stay, so the statistics do not change. Answers how
   * many comments went.
   */
  async removeCommentsForCases(manager: EntityManager, caseIds: string[]): Promise<number> {
    if (caseIds.length === 0) return 0;
    const result = await manager.update(
      CitizenRating,
      { caseId: In(caseIds), comment: Not(IsNull()) },
      { comment: null },
    );
    return result.affected ?? 0;
  }

  record(subject: RatingSubject, scores: RatingScores, author: RatingAuthor): Promise<CitizenRating> {
    const problems: string[] = [];
    if (Boolean(subject.contactId) === Boolean(subject.caseId))
      problems.push('give exactly one of contactId and caseId');
    if (!RATING_DIMENSIONS.some((dimension) => scores[dimension] !== undefined))
      problems.push(`give at least one of ${RATING_DIMENSIONS.join(', ')} (1-5)`);
    if (problems.length > 0) throw new InvalidInputError(problems);
    return this.transactions.run(async (manager) => {
      const attribution = subject.contactId
        ? await this.contactAttribution(manager, subject.contactId, author.staff)
        : await this.caseAttribution(manager, subject.caseId as string, author.staff);
      if (
        await manager.existsBy(
          CitizenRating,
          subject.contactId ? { contactId: subject.contactId } : { caseId: subject.caseId },
        )
      ) {
        throw new ConflictError(`This ${subject.contactId ? 'contact' : 'case'} has already been rated`);
      }
      const rating = manager.create(CitizenRating, {
        id: newId(),
        contactId: subject.contactId ?? null,
        caseId: subject.caseId ?? null,
        ease: scores.ease ?? null,
        treatment: scores.treatment ?? null,
        clarity: scores.clarity ?? null,
        ...attribution,
        source: author.source,
        comment: author.comment ?? null,
        recordedById: author.staff?.id ?? null,
        ratedAt: this.clock.now(),
      });
      return manager.save(rating);
    });
  }

  private async contactAttribution(
    manager: EntityManager,
    contactId: string,
    staff: StaffPrincipal | null,
  ): Promise<Attribution> {
    const contact = await this.contacts.find(contactId, manager);
    if (!contact) throw new NotFoundError('Contact', contactId);
    if (staff && !AccessPolicy.mayReadContent(staff, contact)) {
      throw new ForbiddenError('This contact is about a confidential case of another department');
    }
    return {
      channel: contact.channel,
      departmentCode: contact.agentId ? await this.staff.primaryDepartmentOf(contact.agentId, manager) : null,
      servicePointCode: contact.servicePointCode,
      gender: contact.gender,
    };
  }

  private async caseAttribution(
    manager: EntityManager,
    caseId: string,
    staff: StaffPrincipal | null,
  ): Promise<Attribution> {
    const rated = await this.cases.find(caseId, manager);
    if (!rated) throw new NotFoundError('Case', caseId);
    if (staff && !AccessPolicy.mayReadContent(staff, rated)) {
      throw new ForbiddenError('This case is confidential to its department');
    }
    const citizen = rated.citizenId ? await this.citizens.find(rated.citizenId, manager) : null;
    return {
      channel: rated.channel,
      departmentCode: rated.departmentCode,
      servicePointCode: null,
      gender: citizen?.gender ?? null,
    };
  }
}

interface Attribution {
  channel: string;
  departmentCode: string | null;
  servicePointCode: string | null;
  gender: string | null;
}

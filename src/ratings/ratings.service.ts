import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { AccessPolicy } from '../auth/access-policy';
import { StaffService } from '../auth/staff.service';
import { CaseRecordsService } from '../cases/case-records.service';
import { CitizensService } from '../citizens/citizens.service';
import { Clock } from '../common/clock';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { newId } from '../common/ids';
import { ContactsService } from '../contacts/contacts.service';
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

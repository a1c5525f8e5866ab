import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy } from '../auth/access-policy';
import { StaffService } from '../auth/staff.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { Priority } from '../catalog/catalog.types';
import { CatalogService } from '../catalog/catalog.service';
import { CitizensService } from '../citizens/citizens.service';
import { Clock } from '../common/clock';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { newId } from '../common/ids';
import { localYear } from '../common/time-zone';
import { Channel } from '../contacts/contact.types';
import { ContactsService } from '../contacts/contacts.service';
import { TransactionService } from '../database/transaction.service';
import { OrganisationService } from '../organisation/organisation.service';
import { applyPriorityRules } from '../triage/priority-rules';
import { CaseChangeEvent } from './case-change';
import { CaseChangePublisher } from './case-change-publisher.service';
import { CaseAction, CaseStatus, isOpen, nextStatus } from './case-lifecycle';
import { refusalFor, writeRefusalFor } from './case-permissions';
import { CaseEventRecord, CaseRecord, ServiceTargetState, UNPLANNED } from './case-record';
import { appendCaseEvent, loadCaseForUpdate } from './case-timeline';
import { CaseView, RedactedCaseView } from './case.view';
import { CasesService } from './cases.service';
import { CaseActionDto } from './dto/case-action.dto';
import { CorrectCaseDto } from './dto/correct-case.dto';
import { CreateCaseDto, CreatedCaseDto } from './dto/create-case.dto';
import { NoticeTopic } from './entities/case-event.entity';
import { Case } from './entities/case.entity';
import { orderByInboxUrgency } from './inbox-order';
import { assignCaseReference, insertCaseRow } from './case-intake-rows';
import { readabilityIndex } from './readability';
import { replyDelivery } from './reply-delivery';
import { updateRows } from '../database/select-rows';

/** Who registers a case: a staff member, or a citizen channel acting on its own (null). */
export type CaseAuthor = StaffPrincipal | null;

/** One status change: the action, who took it, and what it changes besides the status. */
interface Step {
  action: CaseAction;
  actorId: string | null;
  at: Date;
  reason?: string | null;
  /** What the timeline remembers of the step (department, rule, catalog type ...). */
  data?: Record<string, unknown> | null;
  changes?: Partial<Case>;
}

/** What the system decided at triage (the routing job's classifier). */
export interface SystemTriage {
  catalogCode: string;
  departmentCode: string;
  priority: Priority;
  confidential: boolean;
  /** Kept on the timeline: the classifier's confidence and name. */
  details: Record<string, unknown>;
}

/** A claim that lost its case to another claim at the last moment tries the next case, this many times. */
const CLAIM_TRIES = 5;

/**
 * The one writer of cases. Every change to a case (registration, each lifecycle action, notes
 * and replies, the routing job's triage and routing, claims from an inbox, likely-duplicate
 * flags, service-target bookkeeping, notices on the timeline) goes through here: the pure rules
 * of `case-lifecycle.ts` decide whether a step is allowed and where it leads, one timeline
 * event of one shape records it (docs/cases.md), and one read-only CaseChangeEvent tells the
 * other areas, inside the same transaction.
 *
 * Staff commands open their own transaction. System commands (`…BySystem`, `flag…`, `record…`,
 * `addNotice`) run inside the caller's transaction on a case the caller loaded with
 * CaseRecordsService.lock, so the caller's own writes (an outbox job) commit with them.
 *
 * Errors: ForbiddenError (403) when the role or department may not, IllegalTransitionError
 * (409) when the status does not allow the action, InvalidInputError (400) naming the field,
 * NotFoundError (404).
 */
@Injectable()
export class CaseWorkflowService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
    private readonly publisher: CaseChangePublisher,
    private readonly cases: CasesService,
    private readonly citizens: CitizensService,
    private readonly catalog: CatalogService,
    private readonly organisation: OrganisationService,
    private readonly contacts: ContactsService,
    private readonly staff: StaffService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Registers a case. It is stored, with its reference number, before anyone is told the number.
   * With a catalog code it starts `triaged`, else `new`; `resolvedOnSpot` resolves it at once.
   * `alongside`, when given, writes what a citizen channel keeps with the case (an Open311 token,
   * a citizen's photos) in the same transaction, so they are stored together or not at all.
   */
  register(
    author: CaseAuthor,
    input: CreateCaseDto,
    alongside?: (manager: EntityManager, caseId: string) => Promise<void>,
  ): Promise<CreatedCaseDto> {
    if (input.resolution && !input.resolvedOnSpot)
      throw new InvalidInputError(['resolution is only given with resolvedOnSpot']);
    return this.transactions.run(async (manager) => {
      const { catalogEntry, contact } = await this.requireIntakeReferences(manager, author, input);
      const now = this.clock.now();
      const citizen = input.citizen ? await this.citizens.register(manager, input.citizen) : null;
      // A case made from a contact keeps what the contact knew: the citizen, and when they asked
      // (the service-target clock starts then, not when the case was typed in afterwards).
      const linked = citizen ?? contact?.citizen ?? null;
      const receivedAt = contact && contact.startedAt < now ? contact.startedAt : now;
      const intakeStatus: CaseStatus = catalogEntry ? 'triaged' : 'new';
      const priority = priorityFor(input.description, input.priority ?? catalogEntry?.priority ?? 'normal');
      const id = newId();
      const created = manager.create(Case, {
        id,
        reference: provisionalReference(id),
        description: input.description,
        catalogCode: catalogEntry?.code ?? null,
        departmentCode: catalogEntry?.departmentCode ?? null,
        status: intakeStatus,
        statusBeforeWaiting: null,
        priority: priority.priority,
        channel: input.channel ?? 'phone',
        citizenId: linked?.id ?? null,
        address: input.location?.address ?? null,
        postalCode: input.location?.postalCode?.replace(' ', '') ?? null,
        lat: input.location?.lat ?? null,
        lng: input.location?.lng ?? null,
        contactId: input.contactId ?? null,
        confidential: Boolean(input.confidential || catalogEntry?.confidential),
        assigneeId: null,
        duplicateOfId: null,
        createdById: author?.id ?? null,
        receivedAt,
        firstResponseAt: null,
        resolvedAt: null,
        closedAt: null,
        reopenCount: 0,
        returnCount: 0,
        source: 'live',
        externalId: null,
        likelyDuplicateOfId: null,
        // Also held by the database's triggers; written here, the case is written once (SQLite).
        citizenGender: linked?.gender ?? null,
        anonymisedAt: null,
        ...UNPLANNED,
      });
      Object.assign(created, await this.publisher.registrationFields(manager, created));
      await insertCaseRow(manager, created, now);
      if (contact) await this.contacts.linkCase(manager, contact.id, id);
      const catalogSetBy = catalogEntry ? (author ? 'staff' : 'citizen') : null;
      await appendCaseEvent(manager, {
        caseId: id,
        type: 'created',
        actorId: author?.id ?? null,
        at: now,
        toStatus: intakeStatus,
        data: {
          channel: created.channel,
          catalogCode: created.catalogCode,
          catalogSetBy,
          priority: created.priority,
          ...priority.timeline,
          ...(contact ? { contactId: contact.id, receivedAt: receivedAt.toISOString() } : {}),
        },
      });
      await this.publish(manager, created, {
        action: 'register',
        fromStatus: null,
        actorId: author?.id ?? null,
        at: now,
      });
      if (input.resolvedOnSpot) {
        await this.transition(manager, created, {
          action: 'resolve',
          actorId: author?.id ?? null,
          at: now,
          reason: input.resolution ?? null,
          data: { onSpot: true },
          changes: { resolvedAt: now, firstResponseAt: now },
        });
      }
      // What the citizen channel keeps of its own (an Open311 token, photos) commits with the case.
      if (alongside) await alongside(manager, id);
      // The year's counter row stays locked from here to the commit, so the number is taken
      // last: concurrent intakes queue only for these two statements, not the whole intake.
      const year = localYear(receivedAt);
      created.reference = await assignCaseReference(manager, id, year);
      return { id, reference: created.reference, status: created.status };
    });
  }

  /** A lifecycle action by a staff member; answers the case as the access policy lets them see it. */
  act(
    principal: StaffPrincipal,
    id: string,
    action: CaseAction,
    input: CaseActionDto,
  ): Promise<CaseView | RedactedCaseView> {
    return this.transactions.run(async (manager) => {
      const target = await loadCaseForUpdate(manager, id);
      const refusal = refusalFor(principal, action, target, this.config.routing.serviceCenterDepartment);
      if (refusal) throw new ForbiddenError(refusal);
      // Checked before anything is looked up, so a refused step changes and reveals nothing.
      nextStatus(target.status, action, target.statusBeforeWaiting);
      const now = this.clock.now();
      const effect = await this.effectOf(manager, principal, target, action, input, now);
      await this.transition(manager, target, {
        action,
        actorId: principal.id,
        at: now,
        reason: input.reason ?? null,
        ...effect,
      });
      return this.answer(manager, principal, target);
    });
  }

  /**
   * Corrects what was registered (description, location, citizen): the change stands on the
   * timeline as a `correction` event. Whoever may write on the case may correct it while it is open.
   *
   * @throws ConflictError for a case no longer open; InvalidInputError when nothing is given.
   */
  correct(principal: StaffPrincipal, id: string, input: CorrectCaseDto): Promise<CaseView | RedactedCaseView> {
    const fields = (['description', 'location', 'citizen'] as const).filter((field) => input[field] !== undefined);
    if (fields.length === 0) throw new InvalidInputError(['give at least one of description, location, citizen']);
    return this.write(principal, id, async (manager, target, now) => {
      if (!isOpen(target.status)) {
        throw new ConflictError(`A ${target.status} case is not corrected; reopen it first`);
      }
      const before = { description: target.description, location: locationOf(target) };
      const changes: Partial<Case> = {};
      if (input.description !== undefined) changes.description = input.description;
      if (input.location !== undefined) {
        Object.assign(changes, {
          address: input.location.address ?? null,
          postalCode: input.location.postalCode?.replace(' ', '') ?? null,
          lat: input.location.lat ?? null,
          lng: input.location.lng ?? null,
        });
      }
      if (input.citizen !== undefined) {
        const citizen = await this.citizens.register(manager, input.citizen);
        // Naming no one leaves an anonymised case the gender kept on it (the triggers' rule too).
        const kept = target.anonymisedAt ? target.citizenGender : null;
        Object.assign(changes, { citizenId: citizen?.id ?? null, citizenGender: citizen ? citizen.gender : kept });
      }
      await manager.update(Case, { id: target.id }, changes);
      Object.assign(target, changes, { updatedAt: new Date() });
      await appendCaseEvent(manager, {
        caseId: target.id,
        type: 'correction',
        actorId: principal.id,
        at: now,
        reason: input.reason ?? null,
        data: {
          fields,
          ...(fields.includes('description') ? { previousDescription: before.description } : {}),
          ...(fields.includes('location') ? { previousLocation: before.location } : {}),
        },
      });
      return this.answer(manager, principal, target);
    });
  }

  /** An internal note on the case, for staff only. */
  note(principal: StaffPrincipal, id: string, body: string): Promise<CaseEventRecord> {
    return this.write(principal, id, (manager, target, now) =>
      appendCaseEvent(manager, { caseId: target.id, type: 'note', actorId: principal.id, at: now, body }),
    );
  }

  /**
   * A reply to the citizen, with its readability (LIX) and how it reaches them (reply-delivery.ts)
   * kept with it. The first reply that is sent (by e-mail or SMS) is the case's first response; one
   * the citizen cannot get (no contact details, or a confidential case) is recorded as `not_sent`
   * and measures nothing.
   */
  reply(principal: StaffPrincipal, id: string, body: string): Promise<CaseEventRecord> {
    return this.write(principal, id, async (manager, target, now) => {
      const citizen = target.citizenId ? await this.citizens.find(target.citizenId, manager) : null;
      const delivery = replyDelivery(target, citizen);
      if (delivery.delivery !== 'not_sent' && target.firstResponseAt === null) {
        target.firstResponseAt = now;
        await manager.update(Case, { id: target.id }, { firstResponseAt: now });
      }
      const event = await appendCaseEvent(manager, {
        caseId: target.id,
        type: 'reply',
        actorId: principal.id,
        at: now,
        body,
        data: { lix: readabilityIndex(body), ...delivery },
      });
      await this.publish(manager, target, {
        action: 'reply',
        fromStatus: target.status,
        actorId: principal.id,
        at: now,
      });
      return event;
    });
  }

  /**
   * Information the citizen adds to their own case (from the tracking page, which has checked
   * the case's tracking key): a `message` event on the timeline, where the handler reads it. The
   * status does not change; a handler waiting for the citizen resumes the case when the answer
   * suffices. `channel` is where it came from (`web`).
   *
   * @throws NotFoundError for an unknown case; ConflictError for a closed case (the citizen is
   *   asked to get in touch instead, since nobody works a closed case).
   *
   * `options` (the e-mail inbox): `reopenResolved` reopens a resolved case, through the lifecycle
   * (a `reopen` step by the system, after the message); `data` is kept on the message event;
   * `alongside` writes the channel's own rows in the same transaction; `receivedAt` (UTC, not
   * after now) dates the message when it arrived earlier than it is filed.
   */
  addCitizenMessage(
    caseId: string,
    body: string,
    channel: Channel,
    options: {
      reopenResolved?: boolean;
      data?: Record<string, unknown>;
      receivedAt?: Date;
      alongside?: (manager: EntityManager, caseId: string) => Promise<void>;
    } = {},
  ): Promise<CaseEventRecord> {
    return this.transactions.run(async (manager) => {
      const target = await loadCaseForUpdate(manager, caseId);
      if (target.status === 'closed') throw new ConflictError('The case is closed');
      const now = this.clock.now();
      const event = await appendCaseEvent(manager, {
        caseId: target.id,
        type: 'message',
        actorId: null,
        at: options.receivedAt && options.receivedAt < now ? options.receivedAt : now,
        body,
        data: { channel, ...options.data },
      });
      if (options.reopenResolved && target.status === 'resolved') {
        await this.transition(manager, target, {
          action: 'reopen',
          actorId: null,
          at: now,
          reason: 'The citizen wrote again',
          data: { channel },
          changes: { resolvedAt: null, closedAt: null, reopenCount: target.reopenCount + 1 },
        });
      }
      if (options.alongside) await options.alongside(manager, target.id);
      return event;
    });
  }

  /**
   * Gives the calling staff member the next case of a department's inbox, atomically: two
   * handlers asking at once never get the same case, and neither is told "empty" while a case is
   * left. On PostgreSQL the candidate row is locked and rows other claims hold are skipped
   * (FOR UPDATE SKIP LOCKED); on SQLite the transactions run one at a time. The claim itself is
   * a conditional update, so a case someone took by another way is passed over. Null when empty.
   */
  claimNext(
    principal: StaffPrincipal,
    departmentCode: string,
    claimable: readonly CaseStatus[],
  ): Promise<CaseView | null> {
    const refusal = refusalFor(
      principal,
      'claim',
      { status: 'routed', departmentCode, confidential: false },
      this.config.routing.serviceCenterDepartment,
    );
    if (refusal) throw new ForbiddenError(refusal);
    return this.transactions.run(async (manager) => {
      for (let tries = 0; tries < CLAIM_TRIES; tries += 1) {
        const builder = manager
          .createQueryBuilder(Case, 'c')
          .where('c.departmentCode = :departmentCode AND c.status IN (:...claimable)', { departmentCode, claimable });
        orderByInboxUrgency(builder, 'c').limit(1);
        if (manager.connection.options.type === 'postgres')
          builder.setLock('pessimistic_write').setOnLocked('skip_locked');
        const candidate = await builder.getOne();
        if (!candidate) return null;
        const claimed = await this.claim(manager, principal, candidate);
        if (claimed) return claimed;
      }
      return null;
    });
  }

  /**
   * The routing job sets the type its classifier proposes (new -> triaged); the caller holds the case's lock.
   * The text's priority rules raise the priority the job proposes, as at registration.
   */
  async triageBySystem(manager: EntityManager, record: CaseRecord, triage: SystemTriage): Promise<void> {
    const target = record as Case;
    const priority = priorityFor(target.description, triage.priority);
    await this.transition(manager, target, {
      action: 'triage',
      actorId: null,
      at: this.clock.now(),
      changes: {
        catalogCode: triage.catalogCode,
        departmentCode: triage.departmentCode,
        priority: priority.priority,
        confidential: target.confidential || triage.confidential,
      },
      data: {
        catalogCode: triage.catalogCode,
        previousCatalogCode: target.catalogCode,
        catalogSetBy: 'system',
        priority: priority.priority,
        ...priority.timeline,
        ...triage.details,
      },
    });
  }

  /** The routing job sends a triaged case to a department by its rules; the caller holds the case's lock. */
  async routeBySystem(
    manager: EntityManager,
    record: CaseRecord,
    route: { departmentCode: string; reason: string; details: Record<string, unknown> },
  ): Promise<void> {
    const target = record as Case;
    await this.transition(manager, target, {
      action: 'route',
      actorId: null,
      at: this.clock.now(),
      reason: route.reason,
      changes: { departmentCode: route.departmentCode, assigneeId: null },
      data: { departmentCode: route.departmentCode, previousDepartmentCode: target.departmentCode, ...route.details },
    });
  }

  /** Flags a case as probably repeating an open one (a person confirms with `duplicate`). */
  async flagLikelyDuplicate(
    manager: EntityManager,
    record: CaseRecord,
    original: CaseRecord,
    reason: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    (record as Case).likelyDuplicateOfId = original.id;
    await manager.update(Case, { id: record.id }, { likelyDuplicateOfId: original.id });
    await this.addNotice(
      manager,
      record.id,
      'likely_duplicate',
      reason,
      {
        likelyDuplicateOfId: original.id,
        likelyDuplicateOfReference: original.reference,
        ...details,
      },
      record.receivedAt,
    );
  }

  /** Stores the service-target bookkeeping the service-targets area planned for the case. */
  async recordServiceTargets(
    manager: EntityManager,
    record: CaseRecord,
    patch: Partial<ServiceTargetState>,
  ): Promise<void> {
    await updateRows(manager, Case, { id: record.id }, patch as Partial<Case>);
    Object.assign(record as Case, patch);
  }

  /** Something the system remarks on without changing the status (see NOTICE_TOPICS). UTC `at`, now by default. */
  async addNotice(
    manager: EntityManager,
    caseId: string,
    topic: NoticeTopic,
    reason: string,
    data: Record<string, unknown>,
    at: Date = this.clock.now(),
  ): Promise<void> {
    await appendCaseEvent(manager, { caseId, type: 'notice', topic, actorId: null, at, reason, data });
  }

  /** The one way a case's status changes: checked by the lifecycle rules, stored, written on the timeline, published. */
  private async transition(manager: EntityManager, target: Case, step: Step): Promise<void> {
    const fromStatus = target.status;
    const toStatus = nextStatus(fromStatus, step.action, target.statusBeforeWaiting);
    const patch: Partial<Case> = { ...step.changes, status: toStatus };
    await updateRows(manager, Case, { id: target.id }, patch);
    Object.assign(target, patch, { updatedAt: new Date() });
    await appendCaseEvent(manager, {
      caseId: target.id,
      type: 'status',
      action: step.action,
      actorId: step.actorId,
      at: step.at,
      fromStatus,
      toStatus,
      reason: step.reason ?? null,
      data: step.data && Object.keys(step.data).length > 0 ? step.data : null,
    });
    await this.publish(manager, target, { action: step.action, fromStatus, actorId: step.actorId, at: step.at });
  }

  private async publish(
    manager: EntityManager,
    target: Case,
    change: Pick<CaseChangeEvent, 'action' | 'fromStatus' | 'actorId' | 'at'>,
  ): Promise<void> {
    // The contact a confidential case came of says what the case says: it follows the case.
    if (target.confidential && target.contactId) {
      await this.contacts.followConfidentialCase(manager, target.contactId, target.departmentCode);
    }
    await this.publisher.publish(manager, { ...change, toStatus: target.status, case: target });
  }

  private async claim(manager: EntityManager, principal: StaffPrincipal, candidate: Case): Promise<CaseView | null> {
    const toStatus = nextStatus(candidate.status, 'claim');
    const result = await manager
      .createQueryBuilder()
      .update(Case)
      .set({ status: toStatus, assigneeId: principal.id })
      .where('id = :id AND status = :status', { id: candidate.id, status: candidate.status })
      .execute();
    if (result.affected !== 1) return null;
    const now = this.clock.now();
    await appendCaseEvent(manager, {
      caseId: candidate.id,
      type: 'status',
      action: 'claim',
      actorId: principal.id,
      at: now,
      fromStatus: candidate.status,
      toStatus,
      data: { assigneeId: principal.id, via: 'inbox' },
    });
    const claimed = await manager.findOneByOrFail(Case, { id: candidate.id });
    await this.publish(manager, claimed, {
      action: 'claim',
      fromStatus: candidate.status,
      actorId: principal.id,
      at: now,
    });
    return (await this.answer(manager, principal, claimed)) as CaseView;
  }

  /** The case as the actor may see it after a step (CasesService.viewsFor); reading a confidential case's content is logged. */
  private async answer(
    manager: EntityManager,
    principal: StaffPrincipal,
    target: Case,
  ): Promise<CaseView | RedactedCaseView> {
    return (await this.cases.viewsFor(principal, [target], 'read', manager))[0];
  }

  private write<T>(
    principal: StaffPrincipal,
    id: string,
    work: (manager: EntityManager, target: Case, now: Date) => Promise<T>,
  ): Promise<T> {
    return this.transactions.run(async (manager) => {
      const target = await loadCaseForUpdate(manager, id);
      const refusal = writeRefusalFor(principal, target);
      if (refusal) throw new ForbiddenError(refusal);
      return work(manager, target, this.clock.now());
    });
  }

  /** What each action changes besides the status, and what the timeline should remember of it. */
  private async effectOf(
    manager: EntityManager,
    principal: StaffPrincipal,
    target: Case,
    action: CaseAction,
    input: CaseActionDto,
    now: Date,
  ): Promise<Pick<Step, 'changes' | 'data'>> {
    switch (action) {
      case 'triage':
        return this.triageByStaff(manager, target, input);
      case 'route': {
        const departmentCode = input.departmentCode ?? target.departmentCode;
        if (!departmentCode) {
          throw new InvalidInputError([
            'departmentCode: the case has no catalog type; say which department to route it to',
          ]);
        }
        await this.requireDepartment(manager, departmentCode);
        return {
          changes: { departmentCode, assigneeId: null },
          data: { departmentCode, previousDepartmentCode: target.departmentCode },
        };
      }
      case 'claim':
        return { changes: { assigneeId: principal.id }, data: { assigneeId: principal.id } };
      case 'unclaim':
        return { changes: { assigneeId: null }, data: { previousAssigneeId: target.assigneeId } };
      case 'assign': {
        const assigneeId = input.assigneeId;
        if (!assigneeId) throw new InvalidInputError(['assigneeId: say which colleague gets the case']);
        if (!target.departmentCode || !(await this.staff.worksIn(assigneeId, target.departmentCode, manager))) {
          throw new InvalidInputError([
            `assigneeId: no active staff member of ${target.departmentCode ?? 'the case’s department'} has that id`,
          ]);
        }
        return { changes: { assigneeId }, data: { assigneeId, previousAssigneeId: target.assigneeId } };
      }
      case 'wait':
        return { changes: { statusBeforeWaiting: target.status } };
      case 'resume':
        return { changes: { statusBeforeWaiting: null } };
      case 'return':
        requireReason(input, 'return');
        return {
          changes: { assigneeId: null, returnCount: target.returnCount + 1 },
          data: { returnedFromDepartmentCode: target.departmentCode },
        };
      case 'transfer': {
        requireReason(input, 'transfer');
        if (!input.departmentCode)
          throw new InvalidInputError(['departmentCode: say which department to transfer the case to']);
        if (input.departmentCode === target.departmentCode) {
          throw new InvalidInputError(['departmentCode: the case is already with that department']);
        }
        await this.requireDepartment(manager, input.departmentCode);
        return {
          changes: { departmentCode: input.departmentCode, assigneeId: null },
          data: { departmentCode: input.departmentCode, previousDepartmentCode: target.departmentCode },
        };
      }
      case 'resolve':
        return {
          changes: { resolvedAt: now, firstResponseAt: target.firstResponseAt ?? now, statusBeforeWaiting: null },
        };
      case 'close':
        return { changes: { closedAt: now } };
      case 'reopen':
        return { changes: { resolvedAt: null, closedAt: null, reopenCount: target.reopenCount + 1 } };
      case 'duplicate':
        return this.duplicateOf(manager, target, input);
    }
  }

  private async triageByStaff(
    manager: EntityManager,
    target: Case,
    input: CaseActionDto,
  ): Promise<Pick<Step, 'changes' | 'data'>> {
    const code = input.catalogCode ?? target.catalogCode;
    if (!code) throw new InvalidInputError(['catalogCode: say which catalog type the case is']);
    const entry = await this.catalog.findActive(code, manager);
    if (!entry) throw new InvalidInputError([`catalogCode: unknown catalog entry "${code}"`]);
    // A person may set the priority, but not below what the text calls for ("det luktar gas").
    const priority = priorityFor(target.description, input.priority ?? target.priority);
    return {
      changes: {
        catalogCode: entry.code,
        departmentCode: entry.departmentCode,
        priority: priority.priority,
        confidential: target.confidential || entry.confidential,
      },
      // A person setting or correcting the type is what the triage classifier learns from.
      data: {
        catalogCode: entry.code,
        previousCatalogCode: target.catalogCode,
        catalogSetBy: 'staff',
        priority: priority.priority,
        ...priority.timeline,
      },
    };
  }

  private async duplicateOf(
    manager: EntityManager,
    target: Case,
    input: CaseActionDto,
  ): Promise<Pick<Step, 'changes' | 'data'>> {
    if (!input.duplicateOf)
      throw new InvalidInputError(['duplicateOf: say which case this one repeats (id or reference)']);
    const original = await manager.findOne(Case, {
      where: [{ id: input.duplicateOf }, { reference: input.duplicateOf }],
    });
    if (!original) throw new NotFoundError('Case', input.duplicateOf);
    if (original.id === target.id) throw new InvalidInputError(['duplicateOf: a case cannot repeat itself']);
    if (original.status === 'duplicate') {
      throw new ConflictError(`Case ${original.reference} is itself a duplicate; link to the case it repeats`);
    }
    return {
      changes: { duplicateOfId: original.id },
      data: { duplicateOfId: original.id, duplicateOfReference: original.reference },
    };
  }

  private async requireDepartment(manager: EntityManager, code: string): Promise<void> {
    if (!(await this.organisation.departmentExists(code, manager))) {
      throw new InvalidInputError([`departmentCode: unknown department "${code}"`]);
    }
  }

  private async requireIntakeReferences(manager: EntityManager, author: CaseAuthor, input: CreateCaseDto) {
    const problems: string[] = [];
    const catalogEntry = input.catalogCode ? await this.catalog.findActive(input.catalogCode, manager) : null;
    if (input.catalogCode && !catalogEntry) problems.push(`catalogCode: unknown catalog entry "${input.catalogCode}"`);
    const contact = input.contactId ? await this.contacts.find(input.contactId, manager) : null;
    if (input.contactId && !contact) problems.push(`contactId: unknown contact "${input.contactId}"`);
    // Its citizen would pass into the new case: only someone who may read the contact makes a case of it.
    if (contact && author && !AccessPolicy.mayReadContent(author, contact)) {
      throw new ForbiddenError('This contact is about a confidential case of another department');
    }
    if (input.resolvedOnSpot && catalogEntry && !catalogEntry.handledByServiceCenter) {
      problems.push(`resolvedOnSpot: catalog type "${catalogEntry.code}" is handled by a department, not on the spot`);
    }
    if (problems.length) throw new InvalidInputError(problems);
    return { catalogEntry, contact };
  }
}

function locationOf(target: Case): Record<string, unknown> | null {
  const { address, postalCode, lat, lng } = target;
  return address === null && postalCode === null && lat === null && lng === null
    ? null
    : { address, postalCode, lat, lng };
}

/**
 * The priority a case gets from the one asked for (by a person, the catalog type or the classifier)
 * and its text: the priority rules raise it for urgent matters, never lower it (triage/priority-rules.ts).
 * When they raise it, the timeline keeps what was asked for and the rules that raised it.
 */
function priorityFor(
  description: string,
  requested: Priority,
): { priority: Priority; timeline: { requestedPriority?: Priority; priorityRules?: string[] } } {
  const { priority, matchedRules } = applyPriorityRules(description, requested);
  return {
    priority,
    timeline: priority === requested ? {} : { requestedPriority: requested, priorityRules: matchedRules },
  };
}

function requireReason(input: CaseActionDto, action: CaseAction): void {
  if (!input.reason?.trim()) throw new InvalidInputError([`reason: say why you ${action} the case`]);
}

/**
 * A unique stand-in for the reference number while the intake transaction runs; no one
 * outside the transaction ever sees it, and it fits the reference column.
 */
function provisionalReference(id: string): string {
  return `~${id.replace(/-/g, '').slice(0, 15)}`;
}

import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseChangeEvent, CaseListener } from '../cases/case-change';
import { CaseChangePublisher } from '../cases/case-change-publisher.service';
import { CaseRecord, ServiceTargetState } from '../cases/case-record';
import { CaseWorkflowService } from '../cases/case-workflow.service';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { OutboxService } from '../queue/outbox.service';
import { BusinessCalendar } from '../calendar/business-calendar';
import { CaseTargetAlarms } from './case-target-alarms.service';
import { isRunning, overdueMeasures, plannedDueTimes, resumedDueTimes } from './case-target-clock';
import { ServiceTargetPolicyRules } from './service-target-policy-rules.service';
import { CASE_MEASURES } from './service-target.types';
import { caseCheckJobs, caseCheckKey, TARGET_CHECKS } from './case-target-check.job';
import { SupersededJobs } from './superseded-jobs.service';
import { CalendarService } from '../calendar/calendar.service';

/** Actions after which a measure may have stopped running, so its checks can go. */
const FINISHING_ACTIONS: ReadonlyArray<CaseChangeEvent['action']> = ['reply', 'resolve', 'close', 'duplicate'];

/**
 * Keeps the due times of a case and its queued checks in step with the case, inside the
 * case's own transaction. A plan is made from the policies at intake, when the type, priority
 * or channel changes (triage, by hand or by routing) and at reopening; waiting stops the
 * clock and resuming moves the due times by the working time waited. Every new plan gets a
 * new version, and the previous version's checks are taken back. Due times are UTC instants
 * on the municipality's business calendar; the bookkeeping is stored on the case through
 * CaseWorkflowService.recordServiceTargets.
 */
@Injectable()
export class CaseTargetPlanner implements CaseListener, OnModuleInit {
  readonly listenerName = 'service-targets';

  constructor(
    private readonly publisher: CaseChangePublisher,
    private readonly calendars: CalendarService,
    private readonly rules: ServiceTargetPolicyRules,
    private readonly outbox: OutboxService,
    private readonly superseded: SupersededJobs,
    private readonly alarms: CaseTargetAlarms,
    private readonly workflow: CaseWorkflowService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.publisher.subscribe(this);
  }

  /**
   * The first plan, stored with the new case's row: the clock starts at receipt, version 1.
   * Its checks are queued at `register`, once the case exists.
   */
  async beforeRegister(manager: EntityManager, newCase: CaseRecord): Promise<Partial<ServiceTargetState>> {
    const clock = { targetClockStartedAt: newCase.receivedAt, targetPausedAt: null, targetPausedWorkingMinutes: 0 };
    const { plan } = await this.plan(manager, { ...newCase, ...clock });
    return { ...clock, ...plan, targetPlanVersion: newCase.targetPlanVersion + 1 };
  }

  /** The first plan's checks at registration; after a change, the plan follows what changed (see the class comment). */
  async onCaseChange(manager: EntityManager, event: CaseChangeEvent): Promise<void> {
    const target = event.case;
    // Planned with the row (beforeRegister, the one way a case is registered).
    if (event.action === 'register')
      return this.queueChecks(manager, target, await this.calendars.current(manager), true);
    if (event.toStatus === 'waiting' && event.fromStatus !== 'waiting') return this.pause(manager, target, event.at);
    if (event.fromStatus === 'waiting' && target.targetPausedAt) return this.resume(manager, target, event.at);
    if (event.action === 'reopen') return this.restartResolution(manager, target, event.at);
    if (basisOf(target) !== target.targetPlanBasis) return this.replan(manager, target);
    if (FINISHING_ACTIONS.includes(event.action)) await this.dropFinishedChecks(manager, target);
  }

  /** A fresh plan from the policies in force, after a change; a measure already overdue is breached first. */
  private async replan(manager: EntityManager, target: CaseRecord): Promise<void> {
    const now = this.clock.now();
    for (const measure of overdueMeasures(target, now)) await this.alarms.breach(manager, target, measure, now);
    // A case from before service targets existed starts its clock at receipt.
    if (!target.targetClockStartedAt) await this.save(manager, target, { targetClockStartedAt: target.receivedAt });
    const { calendar, plan } = await this.plan(manager, target);
    await this.adopt(manager, target, calendar, plan);
  }

  /** Due times from the policies in force for the case as given (its clock included), and the plan's basis. */
  private async plan(
    manager: EntityManager,
    target: CaseRecord,
  ): Promise<{
    calendar: BusinessCalendar;
    plan: Pick<ServiceTargetState, 'firstResponseDueAt' | 'resolutionDueAt' | 'targetPlanBasis'>;
  }> {
    const calendar = await this.calendars.current(manager);
    const targets = await this.rules.targetsFor(manager, {
      catalogCode: target.catalogCode,
      priority: target.priority,
      channel: target.channel,
    });
    const dueTimes = plannedDueTimes(calendar, target, {
      first_response: targets.first_response,
      resolution: targets.resolution,
    });
    return {
      calendar,
      plan: {
        firstResponseDueAt: dueTimes.first_response,
        resolutionDueAt: dueTimes.resolution,
        targetPlanBasis: basisOf(target),
      },
    };
  }

  /** The clock stops: no checks while the case waits. A measure overdue by now was breached before the wait. */
  private async pause(manager: EntityManager, target: CaseRecord, at: Date): Promise<void> {
    for (const measure of overdueMeasures(target, at)) await this.alarms.breach(manager, target, measure, at);
    await this.superseded.supersede(manager, this.checkKeys(target, CASE_MEASURES));
    await this.save(manager, target, { targetPausedAt: at, targetPlanVersion: target.targetPlanVersion + 1 });
  }

  private async resume(manager: EntityManager, target: CaseRecord, at: Date): Promise<void> {
    const calendar = await this.calendars.current(manager);
    const waitedWorkingMinutes = calendar.workingMinutesBetween(target.targetPausedAt as Date, at);
    const dueTimes = resumedDueTimes(calendar, target, waitedWorkingMinutes);
    await this.adopt(manager, target, calendar, {
      targetPausedAt: null,
      targetPausedWorkingMinutes: target.targetPausedWorkingMinutes + waitedWorkingMinutes,
      firstResponseDueAt: dueTimes.first_response,
      resolutionDueAt: dueTimes.resolution,
    });
  }

  /** A reopened case owes a new resolution, on a clock that starts at the reopening. */
  private async restartResolution(manager: EntityManager, target: CaseRecord, at: Date): Promise<void> {
    await this.save(manager, target, {
      targetClockStartedAt: at,
      targetPausedAt: null,
      targetPausedWorkingMinutes: 0,
      resolutionDueAt: null,
      resolutionWarnedAt: null,
      resolutionBreachedAt: null,
    });
    await this.replan(manager, target);
  }

  /** Makes `plan` the case's plan under a new version: the old version's checks go, the new ones are queued. */
  private async adopt(
    manager: EntityManager,
    target: CaseRecord,
    calendar: BusinessCalendar,
    plan: Partial<ServiceTargetState>,
  ): Promise<void> {
    // Version 0 is a case never planned (a new one, or one from before service targets): no checks to take back.
    const firstPlan = target.targetPlanVersion === 0;
    if (!firstPlan) await this.superseded.supersede(manager, this.checkKeys(target, CASE_MEASURES));
    await this.save(manager, target, { ...plan, targetPlanVersion: target.targetPlanVersion + 1 });
    await this.queueChecks(manager, target, calendar, firstPlan);
  }

  /**
   * Queues the checks of the case's plan as it stands. A check's key holds the plan's version,
   * so the first plan's keys are new to the outbox and are written without looking.
   */
  private async queueChecks(
    manager: EntityManager,
    target: CaseRecord,
    calendar: BusinessCalendar,
    firstPlan: boolean,
  ): Promise<void> {
    const checks = caseCheckJobs(calendar, target, this.config.serviceTargets.warningShare, this.clock.now());
    if (firstPlan) await this.outbox.enqueueNew(manager, checks);
    else await this.outbox.enqueueMissing(manager, checks);
  }

  private async dropFinishedChecks(manager: EntityManager, target: CaseRecord): Promise<void> {
    const finished = CASE_MEASURES.filter((measure) => !isRunning(target, measure));
    if (finished.length > 0) await this.superseded.supersede(manager, this.checkKeys(target, finished));
  }

  private checkKeys(target: CaseRecord, measures: readonly (typeof CASE_MEASURES)[number][]): string[] {
    return measures.flatMap((measure) =>
      TARGET_CHECKS.map((check) => caseCheckKey(target.id, measure, check, target.targetPlanVersion)),
    );
  }

  private save(manager: EntityManager, target: CaseRecord, patch: Partial<ServiceTargetState>): Promise<void> {
    return this.workflow.recordServiceTargets(manager, target, patch);
  }
}

/** What a plan depends on besides the clock: a change of any of these re-plans the case. */
export function basisOf(target: Pick<CaseRecord, 'catalogCode' | 'priority' | 'channel'>): string {
  return `${target.catalogCode ?? '*'}|${target.priority}|${target.channel}`;
}

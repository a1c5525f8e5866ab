import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { CaseChangeEvent, CaseListener } from '../cases/case-change';
import { CaseChangePublisher } from '../cases/case-change-publisher.service';
import { CaseStatus } from '../cases/case-lifecycle';
import { CaseRecord } from '../cases/case-record';
import { CaseWorkflowService } from '../cases/case-workflow.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { StaffNotificationPlanner } from '../notifications/staff-notification-planner.service';
import { ManagerAlertsService } from './manager-alerts.service';

/** A case in these states needs nobody tonight. */
const SETTLED: readonly CaseStatus[] = ['resolved', 'closed', 'duplicate'];

/**
 * The out-of-hours alert: an urgent case that came in while the service center was closed, and
 * is urgent while it is still closed (at registration, or when a triage makes it urgent), alerts
 * the on-call staff once, inside the case's own transaction: a manager alert (kind `on_call`), a
 * message to the on-call address (ON_CALL_EMAIL, through the outbox and the `notifications`
 * queue) and a notice on the case's timeline. Opening hours are the business calendar's.
 *
 * A case that came in while the service center was open is in front of the agents at the top of
 * their inbox (urgent first), so it does not call anyone out, even if it is still open at closing.
 */
@Injectable()
export class OnCallAlertListener implements CaseListener, OnModuleInit {
  readonly listenerName = 'on-call';

  constructor(
    private readonly publisher: CaseChangePublisher,
    private readonly calendars: CalendarService,
    private readonly alerts: ManagerAlertsService,
    private readonly staffMessages: StaffNotificationPlanner,
    private readonly workflow: CaseWorkflowService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.publisher.subscribe(this);
  }

  async onCaseChange(manager: EntityManager, event: CaseChangeEvent): Promise<void> {
    const target = event.case;
    if (target.priority !== 'urgent' || target.source !== 'live' || SETTLED.includes(target.status)) return;
    const calendar = await this.calendars.current(manager);
    if (calendar.isOpenAt(target.receivedAt) || calendar.isOpenAt(event.at)) return;
    const raised = await this.alerts.raise(manager, {
      alertKey: onCallAlertKey(target.id),
      kind: 'on_call',
      measure: null,
      caseId: target.id,
      // At registration the reference number is taken last, after the listeners (see register):
      // the alert list looks it up then.
      ...(target.reference.startsWith('~') ? {} : { caseReference: target.reference }),
      departmentCode: target.departmentCode ?? this.config.routing.serviceCenterDepartment,
      dueAt: null,
      raisedAt: event.at,
    });
    if (!raised) return;
    const messaged = await this.staffMessages.planOnCallAlert(manager, target);
    await this.note(manager, target, messaged, event.at);
  }

  private note(manager: EntityManager, target: CaseRecord, messaged: boolean, at: Date): Promise<void> {
    return this.workflow.addNotice(
      manager,
      target.id,
      'on_call',
      messaged
        ? 'Urgent case out of opening hours: the on-call staff are alerted by e-mail and the managers in their alert list'
        : 'Urgent case out of opening hours: the managers are alerted in their alert list (no on-call address is configured)',
      { alertKey: onCallAlertKey(target.id), messaged },
      at,
    );
  }
}

/** One on-call alert per case. */
export function onCallAlertKey(caseId: string): string {
  return `on_call:case:${caseId}`;
}

import { StaffPrincipal } from '../auth/roles';
import { allowedActions, CaseAction, CaseStatus } from '../cases/case-lifecycle';
import { refusalFor, writeRefusalFor } from '../cases/case-permissions';
import { CaseEventRecord } from '../cases/case-record';
import { CaseView, RedactedCaseView } from '../cases/case.view';
import { CaseTargetView, MeasureView } from '../service-targets/case-target.view';
import { Translate } from './i18n/languages';

/** Actions taken with one button. */
const PLAIN_ACTIONS: readonly CaseAction[] = ['claim', 'unclaim', 'resume', 'route', 'close'];
/** Actions that take an optional reason (a resolution, why it waits, why it is reopened). */
const REASON_ACTIONS: readonly CaseAction[] = ['resolve', 'wait', 'reopen'];
/** Actions that need more: a reason (return), a department and reason (transfer), a case (duplicate), a type (triage). */
const FORM_ACTIONS: readonly CaseAction[] = ['triage', 'return', 'transfer', 'duplicate'];

/** What the case page shows, worked out from what the services answered. */
export interface CaseViewModel {
  title: string;
  case: CaseView | RedactedCaseView;
  redacted: boolean;
  caseTypeName: string | null;
  departmentName: string | null;
  assigneeName: string | null;
  measures: Array<{ name: string; state: string; dueAt: Date | null }>;
  timeline: Array<{
    id: number;
    at: Date;
    who: string;
    type: string;
    text: string;
    reason: string | null;
    body: string | null;
    lix: number | null;
  }>;
  plainActions: CaseAction[];
  reasonActions: CaseAction[];
  formActions: CaseAction[];
  mayWrite: boolean;
  likelyDuplicate: { id: string; reference: string; status: string } | null;
  duplicateOf: { reference: string; status: string } | null;
  departmentItems: Array<{ value: string; text: string }>;
  caseTypeItems: Array<{ value: string; text: string }>;
}

/** A readability band for a LIX value (Björnsson): what the number means to the person writing. */
export function readabilityBand(lix: number | null): string | null {
  if (lix === null) return null;
  if (lix < 30) return 'easy';
  if (lix < 40) return 'plain';
  if (lix < 50) return 'fairlyHard';
  return 'hard';
}

export function caseViewModel(input: {
  staff: StaffPrincipal;
  view: CaseView | RedactedCaseView;
  timeline: readonly CaseEventRecord[];
  plan: CaseTargetView;
  departments: Array<{ code: string; name: string }>;
  caseTypes: Array<{ code: string; name: string }>;
  names: Map<string, string>;
  likelyDuplicate: CaseView | RedactedCaseView | null;
  duplicateOf: CaseView | RedactedCaseView | null;
  serviceCenterCode: string;
  t: Translate;
}): CaseViewModel {
  const { staff, view, t } = input;
  const redacted = 'redacted' in view;
  const status = view.status as CaseStatus;
  const target = { status, departmentCode: view.departmentCode, confidential: view.confidential };
  const mayTake = allowedActions(status).filter(
    (action) => refusalFor(staff, action, target, input.serviceCenterCode) === null,
  );
  const typeName = (code: string | null) => input.caseTypes.find((type) => type.code === code)?.name ?? null;
  const departmentName = (code: string | null) =>
    input.departments.find((department) => department.code === code)?.name ?? code;
  const who = (actorId: string | null) =>
    actorId === null ? t('case.system') : (input.names.get(actorId) ?? t('case.someone'));
  const measure = (name: string, view: MeasureView) => ({
    name: t(`measure.${name}`),
    state: view.state,
    dueAt: view.dueAt,
  });
  return {
    title: t('case.title', { reference: view.reference }),
    case: view,
    redacted,
    caseTypeName: redacted ? null : typeName(view.catalogCode),
    departmentName: view.departmentCode ? departmentName(view.departmentCode) : null,
    assigneeName: redacted || !view.assigneeId ? null : (input.names.get(view.assigneeId) ?? t('case.someone')),
    measures: [measure('firstResponse', input.plan.firstResponse), measure('resolution', input.plan.resolution)],
    timeline: input.timeline.map((event) => ({
      id: event.id,
      at: event.at,
      who: event.type === 'message' ? t('eService.citizen') : who(event.actorId),
      type: event.type,
      text: eventText(event, t),
      reason: event.reason,
      body: event.body,
      lix: event.type === 'reply' && typeof event.data?.lix === 'number' ? event.data.lix : null,
    })),
    plainActions: mayTake.filter((action) => PLAIN_ACTIONS.includes(action)),
    reasonActions: mayTake.filter((action) => REASON_ACTIONS.includes(action)),
    formActions: mayTake.filter((action) => FORM_ACTIONS.includes(action)),
    mayWrite: !redacted && writeRefusalFor(staff, target) === null,
    likelyDuplicate:
      input.likelyDuplicate && !['duplicate', 'closed'].includes(status)
        ? {
            id: input.likelyDuplicate.id,
            reference: input.likelyDuplicate.reference,
            status: input.likelyDuplicate.status,
          }
        : null,
    duplicateOf: input.duplicateOf
      ? { reference: input.duplicateOf.reference, status: input.duplicateOf.status }
      : null,
    departmentItems: input.departments
      .filter((department) => department.code !== view.departmentCode)
      .map((department) => ({ value: department.code, text: department.name })),
    caseTypeItems: input.caseTypes.map((type) => ({ value: type.code, text: type.name })),
  };
}

/** One line saying what a timeline event was, in the page's language. */
function eventText(event: CaseEventRecord, t: Translate): string {
  switch (event.type) {
    case 'created':
      return t('event.created', { status: t(`status.${event.toStatus ?? 'new'}`) });
    case 'status':
      return t('event.status', {
        action: t(`action.${event.action ?? 'triage'}`),
        from: t(`status.${event.fromStatus ?? 'new'}`),
        to: t(`status.${event.toStatus ?? 'new'}`),
      });
    case 'notice':
      return t(`notice.${event.topic ?? 'routing'}`);
    case 'message':
      return t('track.timelineEvent');
    default:
      return t(`event.${event.type}`);
  }
}

import { readdirSync } from 'node:fs';
import { ApiClient } from './api-client';
import { CaseView, RedactedCaseView, TimelineEvent } from './api-types';
import { eventually } from './eventually';

/**
 * What the fault tests share: a drill case type whose service targets run out within seconds,
 * a burst of intake that a fault interrupts, and the check that every accepted case was routed
 * once, told its citizen once and had each of its warning and breach checks fire once.
 */
export const DRILL = 'fault_drill';

/**
 * First response due 36 s after intake, resolution 45 s, each warned at a quarter of the time
 * (SERVICE_TARGET_WARNING_SHARE=0.25): after 9 s and 11.25 s. The warnings fall due during or
 * just after the fault, and the breaches well after the app has recovered (an outbox row a dead
 * relay had claimed waits out its 15 s lease): a warning that could only come after its breach
 * is rightly not raised, which would make a shorter drill's count depend on timing.
 */
const FIRST_RESPONSE_MINUTES = 0.6;
const RESOLUTION_MINUTES = 0.75;
export const DRILL_ENV = { SERVICE_TARGET_WARNING_SHARE: '0.25' };

/**
 * The drill, as an admin sets it up: a calendar open around the clock (working time is real
 * time), a catalog type of the technical department with short targets. Its checks are still
 * waiting when a fault strikes a few seconds after intake, and all have fired 50 s later.
 */
export async function prepareDrill(admin: ApiClient): Promise<void> {
  const allDay = [['00:00', '24:00']];
  const openingHours = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
  await admin.replaceCalendar({ timeZone: 'Europe/Stockholm', openingHours, holidayCountry: null });
  await admin.createCatalogEntry({
    code: DRILL,
    name: { sv: 'Övning', en: 'Drill' },
    kind: 'fault_report',
    departmentCode: 'TEK',
    priority: 'normal',
    keywords: ['övning'],
  });
  await admin.createServiceTargetPolicy({
    catalogCode: DRILL,
    firstResponse: { value: FIRST_RESPONSE_MINUTES, unit: 'working_minutes' },
    resolution: { value: RESOLUTION_MINUTES, unit: 'working_minutes' },
  });
}

/** The cases a burst got a 201 for, and how many requests got anything else (an error, or no answer). */
export interface BurstResult {
  accepted: string[];
  refused: number;
}

/**
 * Registers `count` drill cases with `concurrency` requests in flight, each with the citizen's
 * e-mail address (so it gets a receipt). A request that fails (the app died, the database is
 * down) is counted, not thrown. `onAccepted` hears the running number of 201s, to strike mid-burst.
 */
export async function intakeBurst(
  agent: ApiClient,
  options: { label: string; count: number; concurrency: number; onAccepted?: (accepted: number) => void },
): Promise<BurstResult> {
  const result: BurstResult = { accepted: [], refused: 0 };
  let next = 0;
  const worker = async () => {
    while (next < options.count) {
      const n = next++;
      try {
        const response = await agent
          .createCase({
            description: `Övning ${options.label}-${n}: trasig gatlampa`,
            catalogCode: DRILL,
            channel: 'phone',
            citizen: { name: 'Anna Andersson', email: `anna.${options.label}.${n}@example.se` },
          })
          .response();
        if (response.status === 201) {
          result.accepted.push((response.body as { id: string }).id);
          options.onAccepted?.(result.accepted.length);
        } else result.refused++;
      } catch {
        result.refused++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return result;
}

/** Every drill case the app holds: those accepted with a 201, and any stored before an answer was lost. */
export async function drillCases(admin: ApiClient): Promise<Array<CaseView | RedactedCaseView>> {
  const cases: Array<CaseView | RedactedCaseView> = [];
  for (let offset = 0; ; offset += 500) {
    const page = await admin.listCases({ catalogCode: DRILL, limit: 500, offset });
    cases.push(...page.items);
    if (cases.length >= page.total || page.items.length === 0) return cases;
  }
}

const isSystemRouting = (event: TimelineEvent) =>
  event.type === 'status' && event.action === 'route' && event.actorId === null;
const isReceiptSent = (event: TimelineEvent) =>
  event.type === 'notice' &&
  event.topic === 'notification' &&
  event.data?.kind === 'receipt' &&
  event.data?.status === 'sent';
const isBreach = (event: TimelineEvent) => event.type === 'notice' && event.topic === 'service_target';

/**
 * Waits until every drill case is done, then holds each to exactly once: the case exists, was
 * routed to TEK by one routing event; its receipt is `sent` with one `sent` event on the timeline
 * and one .eml file; each measure was warned once and breached once (one alert of each, one
 * breach on the timeline). `accepted` must all be among the cases; any other case stored (its
 * answer lost in the fault) is held to the same.
 *
 * The wait ends `lateMs` after the last case's resolution was due: a check runs a little after
 * its time (the queue's timer, a busy machine), and a wait counted from the end of the burst
 * would leave the last case no room for that.
 */
export async function expectEachCaseDoneOnce(
  admin: ApiClient,
  options: { accepted: string[]; mailDir: string; lateMs: number },
): Promise<number> {
  const all = await drillCases(admin);
  const ids = all.map((found) => found.id);
  expect(ids).toEqual(expect.arrayContaining(options.accepted));
  const references = new Map(all.map((found) => [found.id, found.reference]));
  const lastDue = Math.max(...all.map((found) => Date.parse(found.receivedAt))) + RESOLUTION_MINUTES * 60_000;

  const alertsByCase = async () => {
    const byCase = new Map<string, string[]>();
    for (let offset = 0; ; offset += 500) {
      const page = await admin.alerts({ limit: 500, offset });
      for (const alert of page.items)
        if (alert.caseId)
          byCase.set(alert.caseId, [...(byCase.get(alert.caseId) ?? []), `${alert.kind} ${alert.measure}`]);
      if (page.items.length < 500) return byCase;
    }
  };
  const receiptFiles = () => {
    const files = readdirSync(options.mailDir);
    return (id: string) => files.filter((file) => file === `${references.get(id)}-receipt.eml`).length;
  };
  const expectedAlerts = ['breach first_response', 'breach resolution', 'warning first_response', 'warning resolution'];

  // Everything has happened once the last check of the last case has fired and every receipt is out;
  // if that never comes, the comparison below names each case and what it lacks.
  const finished = await eventually(
    async () => {
      const alerts = await alertsByCase();
      const files = receiptFiles();
      const unfinished = ids.filter((id) => (alerts.get(id)?.length ?? 0) < 4 || files(id) < 1);
      return unfinished.length === 0 ? true : undefined;
    },
    'every case routed, its receipt sent and its four checks fired',
    Math.max(0, lastDue + options.lateMs - Date.now()),
    500,
  ).catch(() => false);
  // A moment more, for anything that would happen twice to show.
  if (finished) await new Promise((resolve) => setTimeout(resolve, 1500));
  const alerts = await alertsByCase();
  const files = receiptFiles();
  const problems: string[] = [];
  for (const id of ids) {
    const [found, timeline, notifications] = await Promise.all([
      admin.getCase(id),
      admin.timeline(id),
      admin.caseNotifications(id),
    ]);
    const seen = {
      status: found.status,
      departmentCode: found.departmentCode,
      routings: timeline.filter(isSystemRouting).length,
      receipts: notifications.map((message) => `${message.kind} ${message.status}`),
      receiptsSent: timeline.filter(isReceiptSent).length,
      receiptFiles: files(id),
      alerts: [...(alerts.get(id) ?? [])].sort(),
      breachesOnTimeline: timeline.filter(isBreach).length,
    };
    const expected = {
      status: 'routed',
      departmentCode: 'TEK',
      routings: 1,
      receipts: ['receipt sent'],
      receiptsSent: 1,
      receiptFiles: 1,
      alerts: expectedAlerts,
      breachesOnTimeline: 2,
    };
    if (JSON.stringify(seen) !== JSON.stringify(expected))
      problems.push(`${references.get(id)}: ${JSON.stringify(seen)}`);
  }
  expect(problems).toEqual([]);
  return ids.length;
}

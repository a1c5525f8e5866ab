import { BusinessCalendar } from '../calendar/business-calendar';
import { CaseStatus } from '../cases/case-lifecycle';
import { Channel } from '../contacts/contact.types';
import { dueAtFor } from '../service-targets/due-time';
import { TargetTime } from '../service-targets/service-target.types';
import { openInstantOn, WORKING_DAY_MINUTES } from './demo-days';
import { SeededRandom } from './seeded-random';

const DAY_MS = 24 * 3600_000;

/** How the demo's cases came in: e-service and phone most, then e-mail and the desk (shares of all cases). */
const CASE_CHANNELS: ReadonlyArray<[Channel, number]> = [
  ['web', 0.34],
  ['phone', 0.28],
  ['email', 0.22],
  ['visit', 0.11],
  ['letter', 0.03],
  ['social', 0.02],
];
/** Channels a person at the service center takes, so only while it is open. */
const STAFFED_CHANNELS: ReadonlySet<Channel> = new Set(['phone', 'visit', 'letter']);

/** Shares of finished cases that missed their first-response and their resolution target. */
const FIRST_RESPONSE_LATE_SHARE = 0.12;
const RESOLUTION_LATE_SHARE = 0.15;
/** Cases still open: half of those whose resolution is not yet due, and a few stuck past it. */
const OPEN_WHILE_DUE_SHARE = 0.5;
const STUCK_SHARE = 0.08;
const STUCK_WITHIN_DAYS = 60;

/** The targets of one case, as the policies give them (null: no target for that measure). */
export interface DemoCaseTargets {
  firstResponse: TargetTime | null;
  resolution: TargetTime | null;
}

/** The times and status of one demo case, UTC; a breach is recorded at its due time, as the check would. */
export interface DemoCaseTimes {
  receivedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  status: CaseStatus;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstResponseBreachedAt: Date | null;
  resolutionBreachedAt: Date | null;
}

/**
 * When `count` demo cases came in over the year before `now`, oldest first, with their channel:
 * the staffed channels (phone, desk, letter) while the service center is open, the e-service,
 * e-mail and social media at any hour. Deterministic by `random`.
 */
export function demoArrivals(
  calendar: BusinessCalendar,
  now: Date,
  count: number,
  random: SeededRandom,
): Array<{ receivedAt: Date; channel: Channel }> {
  const weights = CASE_CHANNELS.map(([, share]) => share);
  const arrivals: Array<{ receivedAt: Date; channel: Channel }> = [];
  while (arrivals.length < count) {
    const channel = CASE_CHANNELS[random.weightedIndex(weights)][0];
    const candidate = new Date(now.getTime() - (1 + random.int(364)) * DAY_MS - random.int(DAY_MS));
    const receivedAt = STAFFED_CHANNELS.has(channel) ? openInstantOn(calendar, candidate, random) : candidate;
    if (receivedAt && receivedAt.getTime() < now.getTime()) arrivals.push({ receivedAt, channel });
  }
  return arrivals.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

/**
 * What became of one demo case by `now`: first response and resolution mostly within their
 * targets (due times by the service-target rules, `dueAtFor` on the business calendar), some late;
 * recent cases partly still open, and a few older ones stuck open past their resolution target.
 * A finished case is closed a day after its resolution.
 */
export function demoCaseTimes(
  calendar: BusinessCalendar,
  receivedAt: Date,
  targets: DemoCaseTargets,
  now: Date,
  random: SeededRandom,
): DemoCaseTimes {
  const firstResponseDueAt = targets.firstResponse ? dueAtFor(calendar, receivedAt, targets.firstResponse) : null;
  const resolutionDueAt = targets.resolution ? dueAtFor(calendar, receivedAt, targets.resolution) : null;
  // Without a target, a first response within a working day and a resolution within ten.
  const firstResponseBy = firstResponseDueAt ?? calendar.addWorkingDays(receivedAt, 1);
  const plannedFirstResponse = doneAt(calendar, receivedAt, firstResponseBy, FIRST_RESPONSE_LATE_SHARE, random);
  const resolutionBy = resolutionDueAt ?? calendar.addWorkingDays(receivedAt, 10);
  const plannedResolution =
    resolutionBy.getTime() <= plannedFirstResponse.getTime()
      ? plannedFirstResponse
      : doneAt(calendar, plannedFirstResponse, resolutionBy, RESOLUTION_LATE_SHARE, random);

  const stillDue = resolutionBy.getTime() > now.getTime();
  const recent = now.getTime() - receivedAt.getTime() < STUCK_WITHIN_DAYS * DAY_MS;
  const open =
    plannedResolution.getTime() > now.getTime() ||
    (stillDue ? random.chance(OPEN_WHILE_DUE_SHARE) : recent && random.chance(STUCK_SHARE));
  const firstResponseAt = plannedFirstResponse.getTime() <= now.getTime() ? plannedFirstResponse : null;
  const resolvedAt = open ? null : plannedResolution;
  const closedAt = resolvedAt ? new Date(resolvedAt.getTime() + DAY_MS) : null;
  const closed = closedAt !== null && closedAt.getTime() <= now.getTime();
  return {
    receivedAt,
    firstResponseAt,
    resolvedAt,
    closedAt: closed ? closedAt : null,
    status: resolvedAt === null ? 'routed' : closed ? 'closed' : 'resolved',
    firstResponseDueAt,
    resolutionDueAt,
    firstResponseBreachedAt: breachedAt(firstResponseDueAt, firstResponseAt, now),
    resolutionBreachedAt: breachedAt(resolutionDueAt, resolvedAt, now),
  };
}

/**
 * When something due at `dueAt` was done: within the open time between `from` and the due
 * time, or with probability `lateShare` from half an hour to three working days after it.
 */
export function doneAt(
  calendar: BusinessCalendar,
  from: Date,
  dueAt: Date,
  lateShare: number,
  random: SeededRandom,
): Date {
  if (random.chance(lateShare)) return calendar.addWorkingMinutes(dueAt, 30 + random.int(3 * WORKING_DAY_MINUTES));
  const allowedMinutes = calendar.workingMinutesBetween(from, dueAt);
  // Mostly early in the time allowed, as a service center with a queue works.
  const share = 0.05 + 0.9 * random.next() ** 2;
  const at = calendar.addWorkingMinutes(from, allowedMinutes * share);
  return at.getTime() > dueAt.getTime() ? dueAt : at;
}

/** The breach a check records at the due time: when the measure was not done by then and the time has come. */
function breachedAt(dueAt: Date | null, doneAtTime: Date | null, now: Date): Date | null {
  if (!dueAt || dueAt.getTime() > now.getTime()) return null;
  return doneAtTime === null || doneAtTime.getTime() > dueAt.getTime() ? dueAt : null;
}

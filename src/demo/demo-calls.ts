import { BusinessCalendar } from '../calendar/business-calendar';
import { CheckedCallRecord } from '../telephony/call-record-validator';
import { DemoWorkingDay, openInstantOn } from './demo-days';
import { SeededRandom } from './seeded-random';

const QUEUES: ReadonlyArray<[string, number]> = [
  ['main', 0.7],
  ['technical', 0.2],
  ['social', 0.1],
];
/** Mean wait of an answered call, and the share of callers who hang up (more on a busy Monday). */
const MEAN_WAIT_SECONDS = 38;
const ABANDON_SHARE = 0.07;
const MONDAY_ABANDON_SHARE = 0.12;

/**
 * The phone queue's calls over the demo year: per working day 22-35 (Mondays ten more) while
 * the service center is open, waits drawn from an exponential distribution (so some exceed the
 * 60-second answer target), a few callers hanging up, and the agent's "direct answer" flag on
 * most answered calls. Only calls that entered the queue before `now`. Deterministic by `random`.
 */
export function demoCalls(
  calendar: BusinessCalendar,
  days: readonly DemoWorkingDay[],
  agentEmail: string,
  now: Date,
  random: SeededRandom,
): CheckedCallRecord[] {
  const calls: CheckedCallRecord[] = [];
  const queueWeights = QUEUES.map(([, weight]) => weight);
  for (const day of days) {
    const count = 22 + random.int(14) + (day.monday ? 10 : 0);
    for (let n = 0; n < count; n++) {
      const startedAt = openInstantOn(calendar, day.opensAt, random) as Date;
      const abandoned = random.chance(day.monday ? MONDAY_ABANDON_SHARE : ABANDON_SHARE);
      const waitSeconds = abandoned
        ? 10 + exponential(70, random)
        : Math.min(1200, exponential(day.monday ? MEAN_WAIT_SECONDS * 1.6 : MEAN_WAIT_SECONDS, random));
      if (startedAt.getTime() + waitSeconds * 1000 > now.getTime()) continue;
      const r = random.next();
      calls.push({
        callId: `demo-${day.localDate}-${n + 1}`,
        startedAt,
        queue: QUEUES[random.weightedIndex(queueWeights)][0],
        waitSeconds,
        outcome: abandoned ? 'abandoned' : 'answered',
        talkSeconds: abandoned ? 0 : 45 + exponential(200, random),
        callbackRequested: abandoned && random.chance(0.2),
        agentEmail: abandoned ? null : agentEmail,
        servicePointCode: 'PHONE',
        directAnswer: abandoned ? null : r < 0.7 ? true : r < 0.92 ? false : null,
      });
    }
  }
  return calls;
}

/** Whole seconds from an exponential distribution with the given mean. */
function exponential(meanSeconds: number, random: SeededRandom): number {
  return Math.round(-meanSeconds * Math.log(1 - random.next()));
}

import { BusinessCalendar, DEFAULT_CALENDAR_SETTINGS } from '../calendar/business-calendar';
import {
  CaseTargetClock,
  checksToSchedule,
  overdueMeasures,
  plannedDueTimes,
  resumedDueTimes,
} from './case-target-clock';

/** Default calendar (Mon-Fri 08:00-16:30 Stockholm, UTC+2 in May 2026); see due-time.spec.ts. */
const calendar = new BusinessCalendar(DEFAULT_CALENDAR_SETTINGS);
const at = (iso: string) => new Date(iso);

function clock(overrides: Partial<CaseTargetClock> = {}): CaseTargetClock {
  return {
    status: 'routed',
    firstResponseAt: null,
    resolvedAt: null,
    firstResponseDueAt: null,
    resolutionDueAt: null,
    firstResponseWarnedAt: null,
    resolutionWarnedAt: null,
    firstResponseBreachedAt: null,
    resolutionBreachedAt: null,
    targetClockStartedAt: at('2026-05-04T08:00:00Z'),
    targetPausedAt: null,
    targetPausedWorkingMinutes: 0,
    ...overrides,
  };
}

const iso = (times: Record<string, Date | null>) =>
  Object.fromEntries(Object.entries(times).map(([key, value]) => [key, value?.toISOString() ?? null]));

describe('the service-target clock of a case', () => {
  it('plans both measures from the clock start', () => {
    const planned = plannedDueTimes(calendar, clock(), {
      first_response: { value: 1, unit: 'working_days' },
      resolution: { value: 5, unit: 'working_days' },
    });
    expect(iso(planned)).toEqual({
      first_response: '2026-05-05T14:30:00.000Z',
      resolution: '2026-05-11T14:30:00.000Z',
    });
  });

  it('re-plans from the clock start moved by the time already paused, and keeps a measure that is done', () => {
    // Paused 510 working minutes before; the first response was given, so its due time stays.
    const planned = plannedDueTimes(
      calendar,
      clock({
        targetPausedWorkingMinutes: 510,
        firstResponseAt: at('2026-05-04T09:00:00Z'),
        firstResponseDueAt: at('2026-05-05T14:30:00Z'),
      }),
      {
        first_response: { value: 2, unit: 'working_hours' },
        resolution: { value: 10, unit: 'working_days' },
      },
    );
    // 10 working days from Monday 4 May is Tuesday 19 May 16:30; 510 minutes later is Wednesday 20 May 16:30.
    expect(iso(planned)).toEqual({
      first_response: '2026-05-05T14:30:00.000Z',
      resolution: '2026-05-20T14:30:00.000Z',
    });
  });

  it('moves running due times by the paused working minutes on resuming, but not a breached one', () => {
    const paused = clock({
      status: 'waiting',
      firstResponseDueAt: at('2026-05-05T14:30:00Z'),
      resolutionDueAt: at('2026-05-11T14:30:00Z'),
    });
    expect(iso(resumedDueTimes(calendar, paused, 510))).toEqual({
      first_response: '2026-05-06T14:30:00.000Z',
      resolution: '2026-05-12T14:30:00.000Z',
    });
    const breached = { ...paused, firstResponseBreachedAt: at('2026-05-05T14:30:00Z') };
    expect(iso(resumedDueTimes(calendar, breached, 510)).first_response).toBe('2026-05-05T14:30:00.000Z');
  });

  it('finds running measures overdue at a change', () => {
    const running = clock({
      firstResponseDueAt: at('2026-05-05T14:30:00Z'),
      resolutionDueAt: at('2026-05-11T14:30:00Z'),
    });
    expect(overdueMeasures(running, at('2026-05-05T14:30:00Z'))).toEqual(['first_response']);
    expect(
      overdueMeasures({ ...running, firstResponseAt: at('2026-05-05T10:00:00Z') }, at('2026-05-06T10:00:00Z')),
    ).toEqual([]);
    expect(overdueMeasures({ ...running, status: 'duplicate' }, at('2026-06-01T10:00:00Z'))).toEqual([]);
  });

  it('schedules a warning at 80 % and a breach at the due time for each running measure', () => {
    const running = clock({
      firstResponseDueAt: at('2026-05-05T14:30:00Z'),
      resolutionDueAt: at('2026-05-11T14:30:00Z'),
    });
    const checks = checksToSchedule(calendar, running, 0.8).map(
      (check) => `${check.measure} ${check.check} ${check.at.toISOString()}`,
    );
    // Resolution: Monday 10:00 to Monday 11 May 16:30 allows 390 + 5 x 510 = 2940 minutes; 80 % is
    // 2352: 390 on Monday, 1530 for Tuesday to Thursday, then 432 into Friday: 15:12 local.
    expect(checks).toEqual([
      'first_response warning 2026-05-05T11:30:00.000Z',
      'first_response breach 2026-05-05T14:30:00.000Z',
      'resolution warning 2026-05-08T13:12:00.000Z',
      'resolution breach 2026-05-11T14:30:00.000Z',
    ]);
  });

  it('schedules nothing while paused, and no second warning', () => {
    const running = clock({ firstResponseDueAt: at('2026-05-05T14:30:00Z'), resolutionDueAt: null });
    expect(
      checksToSchedule(calendar, { ...running, status: 'waiting', targetPausedAt: at('2026-05-04T09:00:00Z') }, 0.8),
    ).toEqual([]);
    const warned = checksToSchedule(calendar, { ...running, firstResponseWarnedAt: at('2026-05-05T11:30:00Z') }, 0.8);
    expect(warned.map((check) => check.check)).toEqual(['breach']);
  });
});

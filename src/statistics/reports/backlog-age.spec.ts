import { BusinessCalendar, DEFAULT_CALENDAR_SETTINGS } from '../../calendar/business-calendar';
import { earliestArrivalStillWithin } from './backlog-statistics.service';

describe('backlog age thresholds', () => {
  const calendar = new BusinessCalendar(DEFAULT_CALENDAR_SETTINGS);
  // Friday 20 March 2026, 12:00 in Stockholm.
  const nowMs = Date.parse('2026-03-20T12:00:00+01:00');
  const lowestMs = Date.parse('2026-01-01T00:00:00+01:00');

  it.each([0, 2, 5, 10])(
    'puts every arrival on the side addWorkingDays puts it: within %i working days or not',
    (limit) => {
      const thresholdMs = earliestArrivalStillWithin(calendar, limit, nowMs, lowestMs);
      const wrong: string[] = [];
      for (let arrivedMs = lowestMs; arrivedMs <= nowMs; arrivedMs += 7 * 60_000) {
        const within = nowMs <= calendar.addWorkingDays(new Date(arrivedMs), limit).getTime();
        if (within !== arrivedMs >= thresholdMs) wrong.push(new Date(arrivedMs).toISOString());
      }
      for (const arrivedMs of [thresholdMs - 1, thresholdMs])
        if (nowMs <= calendar.addWorkingDays(new Date(arrivedMs), limit).getTime() !== arrivedMs >= thresholdMs)
          wrong.push(new Date(arrivedMs).toISOString());
      expect(wrong).toEqual([]);
    },
  );
});

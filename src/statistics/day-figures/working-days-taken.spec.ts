import { BusinessCalendar, DEFAULT_CALENDAR_SETTINGS } from '../../calendar/business-calendar';
import {
  countAgainstTarget,
  MOST_WORKING_DAYS,
  WorkingDaysCounter,
  WorkingDaysTakenTally,
  workingDaysTakenBytes,
  workingDaysTakenOf,
} from './working-days-taken';

const HOUR_MS = 3_600_000;

describe('working days taken', () => {
  const calendar = new BusinessCalendar(DEFAULT_CALENDAR_SETTINGS);
  const day0 = (arrivalMs: number) => calendar.addWorkingDays(new Date(arrivalMs), 0).getTime();

  it('counts a case as within N working days exactly when addWorkingDays(arrival, N) says so, for every N', () => {
    const counter = new WorkingDaysCounter(calendar);
    // Arrivals around Easter and Midsummer 2026 (Stockholm), before, at and after the closing time.
    const arrivals = [
      '2026-04-01T10:00:00+02:00',
      '2026-04-02T16:30:00+02:00',
      '2026-04-03T09:00:00+02:00',
      '2026-06-18T16:29:59+02:00',
      '2026-06-19T11:00:00+02:00',
      // After Friday's closing, before summer time begins on Sunday 29 March: day 0 is Monday.
      '2026-03-27T17:00:00.250+01:00',
    ].map(Date.parse);
    const differences: string[] = [];
    for (const arrivalMs of arrivals)
      for (let doneMs = arrivalMs; doneMs < arrivalMs + 40 * 24 * HOUR_MS; doneMs += 5 * HOUR_MS + 7 * 60_000) {
        const taken = counter.daysTaken(arrivalMs, day0(arrivalMs), doneMs);
        for (const target of [0, 1, 2, 3, 5, 10, 20])
          if (taken <= target !== doneMs <= calendar.addWorkingDays(new Date(arrivalMs), target).getTime())
            differences.push(`${new Date(arrivalMs).toISOString()} done ${new Date(doneMs).toISOString()} +${target}`);
      }
    expect(differences).toEqual([]);
    // At the closing instant itself a case is still within day 0.
    const closing = day0(arrivals[0]);
    expect(counter.daysTaken(arrivals[0], closing, closing)).toBe(0);
    expect(counter.daysTaken(arrivals[0], closing, closing + 1)).toBe(1);
  });

  it('counts a case that took longer than the largest target as late under every target', () => {
    const arrivalMs = Date.parse('2025-01-07T10:00:00+01:00');
    const taken = new WorkingDaysCounter(calendar).daysTaken(
      arrivalMs,
      day0(arrivalMs),
      Date.parse('2027-01-07T10:00:00+01:00'),
    );
    expect(taken).toBe(MOST_WORKING_DAYS + 1);
  });

  it('adds up met, late, missed and pending against a target, and keeps the figures through their bytes', () => {
    // A day that starts at 1,700,000,000,000 ms.
    const dayStartMs = 1_700_000_000_000;
    const firstResponse = new WorkingDaysTakenTally(dayStartMs);
    for (const days of [3, 0, 251, 1, 3, 0, 3]) firstResponse.addDone(days);
    // Two arrivals share day 0 (closing at +5,000 ms), one has its own (+6,000 ms).
    firstResponse.addOpen(dayStartMs + 100, dayStartMs + 5000);
    firstResponse.addOpen(dayStartMs + 150, dayStartMs + 5000);
    firstResponse.addOpen(dayStartMs + 1500, dayStartMs + 6000);
    const resolution = new WorkingDaysTakenTally(dayStartMs);
    resolution.addDone(7);
    const bytes = workingDaysTakenBytes(firstResponse, resolution);
    expect(bytes.byteLength).toBe(4 * (4 + 8 + 4 + 2));
    // Read back from an odd offset too, as a reader's buffer may hold it.
    const odd = Buffer.alloc(bytes.byteLength + 1);
    bytes.copy(odd, 1);
    for (const read of [bytes, odd.subarray(1)]) {
      const back = workingDaysTakenOf(read, dayStartMs);
      expect([...back.firstResponse.taken]).toEqual([0, 2, 1, 1, 3, 3, 251, 1]);
      expect([...back.firstResponse.open]).toEqual([dayStartMs + 100, 2, dayStartMs + 1500, 1]);
      expect([...back.resolution.taken]).toEqual([7, 1]);
      expect([...back.resolution.open]).toEqual([]);
      // Due: the arrival plus 10 ms a working day; now is 1,505 ms into the day.
      const dueMs = (arrivalMs: number) => arrivalMs + 10 * 2;
      const nowMs = dayStartMs + 1505;
      expect(countAgainstTarget(back.firstResponse, 2, nowMs, dueMs)).toEqual({
        met: 3,
        late: 4,
        missed: 2,
        pending: 1,
      });
      expect(countAgainstTarget(back.firstResponse, 3, nowMs, dueMs)).toEqual({
        met: 6,
        late: 1,
        missed: 2,
        pending: 1,
      });
      expect(countAgainstTarget(back.resolution, 6, nowMs, dueMs)).toEqual({ met: 0, late: 1, missed: 0, pending: 0 });
      // Due at "now" itself is still pending, as the SQL's `due < now` leaves it.
      expect(countAgainstTarget(back.firstResponse, 2, dayStartMs + 1520, dueMs)).toEqual({
        met: 3,
        late: 4,
        missed: 2,
        pending: 1,
      });
      expect(countAgainstTarget(back.firstResponse, 2, dayStartMs + 1521, dueMs).missed).toBe(3);
    }
    expect(() => countAgainstTarget(workingDaysTakenOf(bytes, dayStartMs).resolution, 251, 0, () => 0)).toThrow(
      RangeError,
    );
  });
});

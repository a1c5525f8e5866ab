import { BusinessCalendar } from '../calendar/business-calendar';
import { demoArrivals, demoCaseTimes } from './demo-case-times';
import { SeededRandom } from './seeded-random';

// Default calendar: Europe/Stockholm (UTC+2 in April 2026), Mon-Fri 08:00-16:30, Swedish holidays
// (Good Friday 3 April and Easter Monday 6 April 2026 are before the dates used here).
const calendar = new BusinessCalendar();
const twoWorkingDays = { value: 2, unit: 'working_days' as const };
const tenWorkingDays = { value: 10, unit: 'working_days' as const };

describe('demoCaseTimes', () => {
  const receivedAt = new Date('2026-04-13T08:00:00Z'); // Monday 13 April, 10:00 local
  const now = new Date('2026-11-02T09:00:00Z');

  it('plans the due times as the service-target rules do: by the close of the N-th working day after arrival', () => {
    const times = demoCaseTimes(
      calendar,
      receivedAt,
      { firstResponse: twoWorkingDays, resolution: tenWorkingDays },
      now,
      new SeededRandom(1),
    );
    // Day 0 is Monday 13 April: 2 working days -> Wednesday 15 April 16:30; 10 -> Monday 27 April 16:30.
    expect(times.firstResponseDueAt).toEqual(new Date('2026-04-15T14:30:00Z'));
    expect(times.resolutionDueAt).toEqual(new Date('2026-04-27T14:30:00Z'));
  });

  it('records a breach exactly when a measure was done after its due time, at the due time', () => {
    let late = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const times = demoCaseTimes(
        calendar,
        receivedAt,
        { firstResponse: twoWorkingDays, resolution: tenWorkingDays },
        now,
        new SeededRandom(seed),
      );
      // Received months before `now`: long finished and closed a day after the resolution.
      expect(times.status).toBe('closed');
      const firstResponseAt = times.firstResponseAt as Date;
      const resolvedAt = times.resolvedAt as Date;
      expect(firstResponseAt.getTime()).toBeGreaterThan(receivedAt.getTime());
      expect(resolvedAt.getTime()).toBeGreaterThanOrEqual(firstResponseAt.getTime());
      expect(times.closedAt).toEqual(new Date(resolvedAt.getTime() + 24 * 3600_000));
      const frLate = firstResponseAt > (times.firstResponseDueAt as Date);
      const resLate = resolvedAt > (times.resolutionDueAt as Date);
      expect(times.firstResponseBreachedAt).toEqual(frLate ? times.firstResponseDueAt : null);
      expect(times.resolutionBreachedAt).toEqual(resLate ? times.resolutionDueAt : null);
      if (frLate || resLate) late++;
    }
    // About 12 % late first responses and 15 % late resolutions: some, far from all.
    expect(late).toBeGreaterThan(30);
    expect(late).toBeLessThan(150);
  });

  it('leaves a case received this morning open, its targets still running', () => {
    const times = demoCaseTimes(
      calendar,
      new Date('2026-11-02T07:30:00Z'),
      { firstResponse: twoWorkingDays, resolution: tenWorkingDays },
      new Date('2026-11-02T08:00:00Z'),
      new SeededRandom(7),
    );
    expect(times).toMatchObject({
      status: 'routed',
      resolvedAt: null,
      closedAt: null,
      firstResponseBreachedAt: null,
      resolutionBreachedAt: null,
    });
  });
});

describe('demoArrivals', () => {
  it('takes phone, desk and letter cases only while the service center is open, oldest first, all before now', () => {
    const now = new Date('2026-11-02T09:00:00Z');
    const arrivals = demoArrivals(calendar, now, 400, new SeededRandom(2026));
    expect(arrivals).toHaveLength(400);
    for (const [index, { receivedAt, channel }] of arrivals.entries()) {
      expect(receivedAt.getTime()).toBeLessThan(now.getTime());
      if (index > 0) expect(receivedAt.getTime()).toBeGreaterThanOrEqual(arrivals[index - 1].receivedAt.getTime());
      if (['phone', 'visit', 'letter'].includes(channel))
        expect({ channel, open: calendar.isOpenAt(receivedAt) }).toEqual({ channel, open: true });
    }
    // The e-service and e-mail also bring cases in the evening and at weekends.
    expect(arrivals.some(({ receivedAt, channel }) => channel === 'web' && !calendar.isOpenAt(receivedAt))).toBe(true);
  });
});

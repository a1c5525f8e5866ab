import { nextDailyRetentionRun } from './retention-schedule';

describe('the next daily retention run', () => {
  const zone = 'Europe/Stockholm';

  it('is tonight at 02:30 local time while that is still ahead', () => {
    expect(nextDailyRetentionRun(new Date('2026-03-01T00:10:00Z'), zone, null)).toEqual({
      scheduledFor: '2026-03-01',
      at: new Date('2026-03-01T01:30:00Z'),
    });
  });

  it('is the next night once the hour has passed, or when tonight has already run', () => {
    expect(nextDailyRetentionRun(new Date('2026-03-01T10:00:00Z'), zone, null)).toEqual({
      scheduledFor: '2026-03-02',
      at: new Date('2026-03-02T01:30:00Z'),
    });
    expect(nextDailyRetentionRun(new Date('2026-03-01T00:10:00Z'), zone, '2026-03-01')).toEqual({
      scheduledFor: '2026-03-02',
      at: new Date('2026-03-02T01:30:00Z'),
    });
  });

  it('is for the day after the latest run, when that run was for a later date than today', () => {
    expect(nextDailyRetentionRun(new Date('2026-03-01T10:00:00Z'), zone, '2026-03-02')).toEqual({
      scheduledFor: '2026-03-03',
      at: new Date('2026-03-03T01:30:00Z'),
    });
  });

  it('keeps 02:30 local time across the change to summer time (UTC+2)', () => {
    expect(nextDailyRetentionRun(new Date('2026-03-29T12:00:00Z'), zone, null)).toEqual({
      scheduledFor: '2026-03-30',
      at: new Date('2026-03-30T00:30:00Z'),
    });
  });
});

import { localYear } from './time-zone';

describe('localYear', () => {
  it('is the UTC year far from New Year', () => {
    expect(localYear(new Date('2026-06-15T12:00:00Z'))).toBe(2026);
    expect(localYear(new Date('2026-01-02T00:00:00Z'), 'Pacific/Kiritimati')).toBe(2026);
  });

  it('is the next year in Stockholm at 23:30 UTC on New Year’s Eve (00:30 local)', () => {
    expect(localYear(new Date('2025-12-31T23:30:00Z'))).toBe(2026);
  });

  it('is the previous year in New York at 02:00 UTC on New Year’s Day (21:00 local)', () => {
    expect(localYear(new Date('2026-01-01T02:00:00Z'), 'America/New_York')).toBe(2025);
  });

  it('is the next year at UTC+14 from 10:00 UTC on New Year’s Eve', () => {
    expect(localYear(new Date('2025-12-31T09:59:00Z'), 'Pacific/Kiritimati')).toBe(2025);
    expect(localYear(new Date('2025-12-31T10:00:00Z'), 'Pacific/Kiritimati')).toBe(2026);
  });
});

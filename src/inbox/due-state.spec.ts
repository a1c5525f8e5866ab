import { dueStateOf } from './due-state';

describe('the due state an inbox shows', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  const due = (fields: Partial<Parameters<typeof dueStateOf>[0]>) =>
    dueStateOf({ dueAt: null, warnedAt: null, breachedAt: null, pausedAt: null, ...fields }, now);

  it('is none without a due time', () => {
    expect(due({})).toBeNull();
  });

  it('is ok before the warning, warning once warned, breached once the due time has passed or a breach is recorded', () => {
    expect(due({ dueAt: new Date('2026-03-02T12:00:00Z') })).toBe('ok');
    expect(due({ dueAt: new Date('2026-03-02T12:00:00Z'), warnedAt: new Date('2026-03-02T09:00:00Z') })).toBe(
      'warning',
    );
    expect(due({ dueAt: new Date('2026-03-02T10:00:00Z') })).toBe('breached');
    expect(due({ dueAt: new Date('2026-03-02T12:00:00Z'), breachedAt: new Date('2026-03-02T09:30:00Z') })).toBe(
      'breached',
    );
  });

  it('keeps a waiting case where it stood when it began to wait', () => {
    expect(due({ dueAt: new Date('2026-03-02T09:00:00Z'), pausedAt: new Date('2026-03-02T08:00:00Z') })).toBe('ok');
  });
});

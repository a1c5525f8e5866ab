import { BusinessCalendar, DEFAULT_CALENDAR_SETTINGS } from '../../calendar/business-calendar';
import { MedianAndP90, ValueList } from '../percentiles';
import { CaseFactsRow, CaseFigures } from './case-figures';

// Default calendar: Mon-Fri 08:00-16:30 Stockholm; March 2026 is UTC+1.
const calendar = new BusinessCalendar(DEFAULT_CALENDAR_SETTINGS);
const ms = (iso: string) => Date.parse(iso);
const facts = (overrides: Partial<CaseFactsRow>): CaseFactsRow => ({
  receivedMs: ms('2026-03-02T09:00:00Z'),
  firstResponseMs: null,
  resolvedMs: null,
  returnCount: 0,
  reopenCount: 0,
  duplicate: false,
  firstResponseDueMs: null,
  resolutionDueMs: null,
  ...overrides,
});

describe('case figures', () => {
  const now = ms('2026-03-20T11:00:00Z');
  const targets = { firstResponseTargetWorkingDays: 2, resolutionTargetWorkingDays: 10 };

  it('measures working hours from receipt to resolution: Mon 10:00 to Tue 11:30 is 6.5 + 3.5 hours', async () => {
    const figures = new CaseFigures(calendar, now, targets);
    figures.add('TEK', facts({ resolvedMs: ms('2026-03-03T10:30:00Z'), firstResponseMs: ms('2026-03-03T10:30:00Z') }));
    expect(await figures.row('TEK')).toMatchObject({
      received: 1,
      resolved: 1,
      medianResolutionWorkingHours: 10,
      firstResponseWithinTarget: 1,
      resolutionWithinTarget: 1,
    });
  });

  it('prefers a stored due time to the target: a first response due Monday 08:05 and given 08:10 is late', async () => {
    const figures = new CaseFigures(calendar, now, targets);
    figures.add(
      'TEK',
      facts({ firstResponseMs: ms('2026-03-02T09:10:00Z'), firstResponseDueMs: ms('2026-03-02T09:05:00Z') }),
    );
    expect(await figures.row('TEK')).toMatchObject({
      firstResponseWithinTarget: 0,
      firstResponseMeasured: 1,
      firstResponseWithinTargetPercent: 0,
    });
  });

  it('counts a duplicate as received but measures nothing for it', async () => {
    const figures = new CaseFigures(calendar, now, targets);
    figures.add('TEK', facts({ duplicate: true }));
    expect(await figures.total()).toMatchObject({
      received: 1,
      duplicates: 1,
      firstResponseMeasured: 0,
      firstResponsePending: 0,
      resolutionMeasured: 0,
    });
  });

  it('selects the median of working times once when one group holds every case, as the total does', async () => {
    const lists: number[][] = [];
    const selecting = (list: ValueList): Promise<MedianAndP90> => {
      lists.push([...list.contents().flatMap((block) => [...block])]);
      return Promise.resolve(list.medianAndP90());
    };
    // Received Mon 10:00 local; resolved Tue, Wed and Thu 11:30 local: 10, 18.5 and 27 working hours.
    const resolved = ['2026-03-03T10:30:00Z', '2026-03-04T10:30:00Z', '2026-03-05T10:30:00Z'];
    const one = new CaseFigures(calendar, now, targets, selecting);
    for (const at of resolved) one.add(null, facts({ resolvedMs: ms(at) }));
    const row = await one.row(null);
    const total = await one.total();
    expect(lists).toEqual([[600, 1110, 1620]]);
    expect([row.medianResolutionWorkingHours, total.medianResolutionWorkingHours]).toEqual([18.5, 18.5]);
    expect(total.p90ResolutionWorkingHours).toBe(row.p90ResolutionWorkingHours);

    // Two groups: each group's values, and the total's.
    lists.length = 0;
    const two = new CaseFigures(calendar, now, targets, selecting);
    resolved.forEach((at, index) => two.add(index === 0 ? 'BUF' : 'TEK', facts({ resolvedMs: ms(at) })));
    await Promise.all([two.row('BUF'), two.row('TEK')]);
    expect((await two.total()).medianResolutionWorkingHours).toBe(18.5);
    expect(lists).toEqual([[600], [1110, 1620], [600, 1110, 1620]]);
  });

  it('answers an empty group for a period without cases', async () => {
    expect(await new CaseFigures(calendar, now, targets).row('2026-W13')).toMatchObject({
      received: 0,
      resolved: 0,
      medianResolutionWorkingHours: null,
      returnedPercent: null,
    });
  });
});

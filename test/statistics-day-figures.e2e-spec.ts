import { DataSource, In, IsNull, LessThan, Not } from 'typeorm';
import { Case } from '../src/cases/entities/case.entity';
import { Gender } from '../src/citizens/citizen.types';
import { Citizen } from '../src/citizens/entities/citizen.entity';
import { newId } from '../src/common/ids';
import { DayFiguresCatalogByChannel1766700001100 as CatalogByChannel } from '../src/database/migrations/1766700001100-day-figures-catalog-by-channel';
import { DayFiguresGenderLevel1766700001300 as GenderLevel } from '../src/database/migrations/1766700001300-day-figures-gender-level';
import { DayFiguresWorkingDaysTaken1766700001900 as WorkingDaysTaken } from '../src/database/migrations/1766700001900-day-figures-working-days-taken';
import { CaseDayFiguresDay } from '../src/statistics/day-figures/case-day-figures.entity';
import { CaseDayFiguresService, DayFiguresRead } from '../src/statistics/day-figures/case-day-figures.service';
import { CaseStatisticsService } from '../src/statistics/reports/case-statistics.service';
import { ApiClient } from './support/api-client';
import { StatisticsQuery } from './support/api-types';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The cases report from daily figures answers exactly what it answers from the cases, over the
 * demo's year (stored due times, duplicates, returns, reopenings, open cases past their target)
 * with citizens of every gender linked to some of its cases: every grouping, a channel, a
 * handler's department, a period that starts and ends within a day; every fresh day is taken from
 * the daily figures, by catalog entry and by gender of one channel too, and under a what-if target
 * (counted from the working days each case took). A case changed afterwards,
 * by the application or by SQL, takes its day out of the daily figures until the next refresh
 * builds that day, and only that day, again; so does a change of a citizen's gender or a deleted
 * citizen for the days of their cases, and a day built with another layout of the figures.
 */
describe('statistics: the cases report from daily figures', () => {
  const now = '2026-11-02T09:00:00Z';
  const year = { from: '2025-11-02', to: '2026-11-03' };
  let t: TestApp;
  let manager: ApiClient;
  let handler: ApiClient;
  let admin: ApiClient;
  let dayFigures: CaseDayFiguresService;
  let dataSource: DataSource;
  let citizens: Array<{ id: string; utcDays: Set<string> }>;

  const asks: Array<[string, () => ApiClient, StatisticsQuery]> = [
    ['the year', () => manager, year],
    ['by department', () => manager, { ...year, groupBy: 'department' }],
    ['by channel', () => manager, { ...year, groupBy: 'channel' }],
    ['by catalog entry', () => manager, { ...year, groupBy: 'catalog' }],
    ['by gender', () => manager, { ...year, groupBy: 'gender' }],
    ['phone cases by gender', () => manager, { ...year, channel: 'phone', groupBy: 'gender' }],
    ["a handler's e-mailed cases by gender", () => handler, { ...year, channel: 'email', groupBy: 'gender' }],
    ["a handler's department by gender", () => handler, { ...year, groupBy: 'gender' }],
    ['by month', () => manager, { ...year, groupBy: 'month' }],
    ['by ISO week', () => manager, { ...year, groupBy: 'week' }],
    ['by day', () => manager, { ...year, groupBy: 'day' }],
    ['phone cases by department', () => manager, { ...year, channel: 'phone', groupBy: 'department' }],
    ['phone cases by catalog entry', () => manager, { ...year, channel: 'phone', groupBy: 'catalog' }],
    ["a handler's department by month", () => handler, { ...year, groupBy: 'month' }],
    ["a handler's e-mailed cases by catalog entry", () => handler, { ...year, channel: 'email', groupBy: 'catalog' }],
    [
      'a what-if resolution target by month',
      () => manager,
      { ...year, resolutionTargetWorkingDays: 5, groupBy: 'month' },
    ],
    [
      'a what-if first-response target by gender',
      () => manager,
      { ...year, firstResponseTargetWorkingDays: 1, groupBy: 'gender' },
    ],
    [
      'a what-if resolution target for phone cases by gender',
      () => manager,
      { ...year, channel: 'phone', resolutionTargetWorkingDays: 5, groupBy: 'gender' },
    ],
    [
      'what-if targets at their extremes by ISO week',
      () => manager,
      { ...year, firstResponseTargetWorkingDays: 0, resolutionTargetWorkingDays: 250, groupBy: 'week' },
    ],
    [
      'what-if targets, a handler by catalog entry',
      () => handler,
      { ...year, firstResponseTargetWorkingDays: 1, resolutionTargetWorkingDays: 3, groupBy: 'catalog' },
    ],
    [
      'a period from and to an instant within a day',
      () => manager,
      { from: '2026-03-15T10:30:00Z', to: '2026-09-01T12:00:00Z', groupBy: 'department' },
    ],
  ];

  /** Every ask's answer, in order. */
  const answers = () => Promise.all(asks.map(([, client, query]) => client().statistics('cases', query)));
  /** The answers with no day fresh: every figure read from the cases. */
  async function answersFromCases() {
    const days = dataSource.getRepository(CaseDayFiguresDay);
    const built = await days.find();
    await days.clear();
    const fromCases = await answers();
    // Put the days back as they were, so the next refresh finds them fresh.
    if (built.length > 0) await days.insert(built);
    return fromCases;
  }

  beforeAll(async () => {
    t = await createTestApp({ now, env: { SEED_DEMO_HISTORY: 'true' } });
    [manager, handler, admin] = await ApiClient.loginAll(
      t,
      'manager@demo.local',
      'handler@demo.local',
      'admin@demo.local',
    );
    dayFigures = t.app.get(CaseDayFiguresService);
    dataSource = t.app.get(DataSource);
    citizens = await linkCitizens();
  });

  /**
   * The demo's cases are anonymous: one citizen of each gender, and one who gave none, is linked
   * by SQL to every seventh case of the year before the last days, and one case keeps a gender
   * without a citizen, as the retention run leaves it. Answers the citizens, each with the UTC
   * days of their cases.
   */
  async function linkCitizens(): Promise<Array<{ id: string; utcDays: Set<string> }>> {
    const genders: Array<Gender | null> = ['female', 'male', 'other', 'not_stated', null];
    const linked = genders.map((gender) => ({ id: newId(), gender, utcDays: new Set<string>() }));
    await dataSource.getRepository(Citizen).insert(linked.map(({ id, gender }) => ({ id, gender })));
    const cases = await dataSource.getRepository(Case).find({
      select: { id: true, receivedAt: true },
      where: { receivedAt: LessThan(new Date('2026-10-25T00:00:00Z')) },
      order: { receivedAt: 'ASC' },
    });
    const ids = new Map<string, string[]>();
    cases.forEach((one, index) => {
      if (index % 7 !== 0) return;
      const citizen = linked[(index / 7) % linked.length];
      citizen.utcDays.add(one.receivedAt.toISOString().slice(0, 10));
      ids.set(citizen.id, [...(ids.get(citizen.id) ?? []), one.id]);
    });
    for (const [citizenId, caseIds] of ids)
      await dataSource.getRepository(Case).update({ id: In(caseIds) }, { citizenId });
    await dataSource.getRepository(Case).update({ id: cases[1].id }, { citizenGender: 'female' });
    return linked;
  }
  afterAll(() => t?.close());

  it('builds a day for every day of the history up to three days ago, and none again while nothing changes', async () => {
    await dayFigures.refresh();
    const [{ days }] = await dataSource.query('SELECT COUNT(*) AS days FROM case_day_figures_days');
    // The history begins a year before 2 November; the last three days are read from the cases.
    expect(Number(days)).toBeGreaterThan(360);
    expect(await dayFigures.refresh()).toEqual({ built: 0, fresh: Number(days), skipped: 0 });
  });

  it('answers every ask exactly as the cases do', async () => {
    const fromDays = await answers();
    const fromCases = await answersFromCases();
    asks.forEach(([name], index) => {
      expect({ name, ...fromDays[index] }).toEqual({ name, ...fromCases[index] });
    });
    // Not an empty year: the demo's figures are there.
    expect(fromDays[0].total.received).toBeGreaterThan(500);
    expect(fromDays[0].total.resolutionPending + fromDays[0].total.firstResponsePending).toBeGreaterThan(0);
  });

  it('takes every fresh day from the daily figures, for every ask: by catalog entry and by gender of one channel, under a what-if target too', async () => {
    await dayFigures.refresh();
    const read = jest.spyOn(dayFigures, 'read');
    // The parts of the period each report reads from the cases, counted and measured.
    const readCases = jest.spyOn(
      t.app.get<CaseStatisticsService, { readCases: (...args: unknown[]) => Promise<void> }>(CaseStatisticsService),
      'readCases',
    );
    try {
      await answers();
      expect(read).toHaveBeenCalledTimes(asks.length);
      const reads = await Promise.all(
        read.mock.results.map(async (result, index) => {
          const [{ period }, filter] = read.mock.calls[index];
          const { fromCases } = (await result.value) as DayFiguresRead;
          const fromCasesMs = fromCases.reduce((sum, [fromMs, toMs]) => sum + toMs - fromMs, 0);
          return {
            periodMs: period.toMs - period.fromMs,
            fromCasesMs,
            byGenderOfChannel: !!filter.byGender && !!filter.channel,
          };
        }),
      );
      // Only the last days of the period are left to the cases: those a refresh does not build yet.
      for (const { periodMs, fromCasesMs } of reads) {
        expect(fromCasesMs).toBeLessThanOrEqual(5 * 86_400_000);
        expect(fromCasesMs).toBeLessThan(periodMs);
      }
      expect(reads.filter((one) => one.byGenderOfChannel)).toHaveLength(3);
      // Under a what-if target too: no report reads more than those last days from the cases.
      expect(read.mock.calls.filter(([, filter]) => filter.whatIf)).toHaveLength(5);
      for (const [, range] of readCases.mock.calls as Array<[unknown, { fromMs: number; toMs: number }]>)
        expect(range.toMs - range.fromMs).toBeLessThanOrEqual(5 * 86_400_000);
    } finally {
      read.mockRestore();
      readCases.mockRestore();
    }
  });

  it('reads a day built with another layout from the cases, as a process of the version before would have built it', async () => {
    await dayFigures.refresh();
    // A week laid out as before the third level: no rows per channel and catalog entry.
    const week = "local_day >= '2026-03-02' AND local_day <= '2026-03-08'";
    await dataSource.query(`DELETE FROM case_day_figures WHERE ${week} AND by_catalog = TRUE AND channel IS NOT NULL`);
    await dataSource.query(`UPDATE case_day_figures_days SET layout = 0 WHERE ${week}`);
    expect(await answers()).toEqual(await answersFromCases());
    expect(await dayFigures.refresh()).toEqual({ built: 7, fresh: expect.any(Number) as number, skipped: 0 });
    expect(await answers()).toEqual(await answersFromCases());
  });

  it('reads a day changed since from the cases, and the next refresh builds that day alone again', async () => {
    const before = await answers();
    const cases = dataSource.getRepository(Case);
    const open = await cases.findOneOrFail({
      where: { resolvedAt: IsNull(), status: Not('duplicate'), receivedAt: LessThan(new Date('2026-10-25T00:00:00Z')) },
      order: { receivedAt: 'ASC' },
    });
    // Written by SQL, as a tool outside the application would: the trigger still counts it.
    await cases.update({ id: open.id }, { status: 'resolved', resolvedAt: new Date('2026-10-28T10:00:00Z') });
    const afterChange = await answers();
    expect(afterChange[0].total.resolved).toBe(before[0].total.resolved + 1);
    expect(afterChange).toEqual(await answersFromCases());

    // An imported case of a day long past, by the application.
    const line = {
      externalId: 'DAY-FIGURES-1',
      receivedAt: '2026-02-10T08:00:00Z',
      resolvedAt: '2026-02-12T12:00:00Z',
      departmentCode: 'VA',
      catalogCode: 'water_leak',
      channel: 'letter',
      description: 'Läcka',
      status: 'resolved',
    };
    await admin.importCases(`${JSON.stringify(line)}\n`);
    const afterImport = await answers();
    expect(afterImport[0].total.received).toBe(before[0].total.received + 1);
    expect(afterImport).toEqual(await answersFromCases());

    const refreshed = await dayFigures.refresh();
    // The resolved case's day and the imported case's day (each touching one or two UTC days).
    expect(refreshed.built).toBeGreaterThanOrEqual(2);
    expect(refreshed.built).toBeLessThanOrEqual(4);
    expect(await answers()).toEqual(afterImport);
  });

  it("reads the days of a citizen's cases from the cases once their gender changes or they are deleted, by SQL, until the next refresh builds those days", async () => {
    await dayFigures.refresh();
    const byGender = () => manager.statistics('cases', { ...year, groupBy: 'gender' });
    const citizenRows = dataSource.getRepository(Citizen);
    for (const [citizen, change] of [
      [citizens[0], () => citizenRows.update({ id: citizens[0].id }, { gender: 'other' })],
      [citizens[1], () => citizenRows.delete({ id: citizens[1].id })],
    ] as const) {
      const before = await byGender();
      // Written by SQL, as a tool outside the application would: the citizens' triggers count it.
      await change();
      const after = await byGender();
      expect(after).not.toEqual(before);
      expect(after.total).toEqual(before.total);
      expect(await answers()).toEqual(await answersFromCases());
      const refreshed = await dayFigures.refresh();
      // The local days the citizen's UTC days touch: one or two each.
      expect(refreshed.built).toBeGreaterThanOrEqual(citizen.utcDays.size);
      expect(refreshed.built).toBeLessThanOrEqual(2 * citizen.utcDays.size);
      expect(await byGender()).toEqual(after);
    }
  });

  it('measures with the calendar now in force: a new calendar version reads from the cases until every day is built with it', async () => {
    const { timeZone, openingHours, holidayCountry, closedDates } = await admin.calendar();
    // A day closed in June moves working times and due times of the cases around it.
    await admin.replaceCalendar({
      timeZone,
      openingHours,
      holidayCountry,
      closedDates: [...closedDates, '2026-06-15'],
    });
    const fromCases = await answersFromCases();
    expect(await answers()).toEqual(fromCases);
    // A refresh told to stop (the process shuts down) builds nothing; the days wait for the next.
    expect((await dayFigures.refresh(() => true)).built).toBe(0);
    const refreshed = await dayFigures.refresh();
    expect(refreshed.fresh).toBe(0);
    expect(refreshed.built).toBeGreaterThan(360);
    expect(await answers()).toEqual(fromCases);
  });

  it('takes the working days taken and the third and fourth levels back and brings them again: the figures emptied, the schema as the entities say, every day built anew', async () => {
    await dayFigures.refresh();
    const runner = dataSource.createQueryRunner();
    try {
      await runner.beforeMigration();
      await new WorkingDaysTaken().down(runner);
      await new GenderLevel().down(runner);
      await new CatalogByChannel().down(runner);
      await new CatalogByChannel().up(runner);
      await new GenderLevel().up(runner);
      await new WorkingDaysTaken().up(runner);
      await runner.afterMigration();
    } finally {
      await runner.release();
    }
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    expect(upQueries.map((query) => query.query)).toEqual([]);
    const [{ rows }] = await dataSource.query<Array<{ rows: number | string }>>(
      'SELECT COUNT(*) AS rows FROM case_day_figures',
    );
    expect(Number(rows)).toBe(0);
    const fromCases = await answers();
    const refreshed = await dayFigures.refresh();
    expect(refreshed).toEqual({ built: expect.any(Number) as number, fresh: 0, skipped: 0 });
    expect(refreshed.built).toBeGreaterThan(360);
    expect(await answers()).toEqual(fromCases);
  });
});

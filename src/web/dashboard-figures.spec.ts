import { FigureFormat } from './dashboard-figures';
import { translator } from './i18n/languages';

describe('the dashboard figures in the page language', () => {
  const names = new Map([['TEK', 'Tekniska förvaltningen']]);

  it('writes shares, counts, months and departments in Swedish, English and Danish', () => {
    const sv = new FigureFormat('sv', translator('sv'), names);
    const en = new FigureFormat('en', translator('en'), names);
    const da = new FigureFormat('da', translator('da'), names);
    expect([sv.percent(95.24), en.percent(95.24), da.percent(95)]).toEqual(['95,24\u00a0%', '95.24%', '95,0\u00a0%']);
    expect([sv.count(12345), en.count(12345), da.count(12345)]).toEqual(['12\u00a0345', '12,345', '12.345']);
    expect([sv.month('2026-03'), en.month('2026-03'), da.month('2026-03')]).toEqual([
      'mars 2026',
      'March 2026',
      'marts 2026',
    ]);
    expect([sv.department('TEK'), sv.department('XYZ'), en.department(null)]).toEqual([
      'Tekniska förvaltningen',
      'XYZ',
      'No department',
    ]);
  });

  it('says "–" where there was nothing to measure, and yes or no in words', () => {
    const en = new FigureFormat('en', translator('en'), names);
    expect([en.percent(null), en.hours(null), en.yesNo(null)]).toEqual(['–', '–', '–']);
    expect([en.yesNo(true), en.yesNo(false), en.hours(10.25)]).toEqual(['Yes', 'No', '10.3']);
  });
});

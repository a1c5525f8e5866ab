import { csvField, toCsv } from './csv-writer';

describe('CSV writer', () => {
  it('writes a header row of field names and one line per row', () => {
    expect(toCsv([{ group: 'TEK', received: 3, medianResolutionWorkingHours: 10.5 }])).toBe(
      'group,received,medianResolutionWorkingHours\nTEK,3,10.5\n',
    );
  });

  it('quotes commas, quotes and line breaks, and leaves null empty', () => {
    expect(csvField('Vatten, avlopp')).toBe('"Vatten, avlopp"');
    expect(csvField('säger "hej"')).toBe('"säger ""hej"""');
    expect(csvField('två\nrader')).toBe('"två\nrader"');
    expect(toCsv([{ group: null, received: 0 }])).toBe('group,received\n,0\n');
  });

  it('lines up rows that lack a field, and writes only the header for no rows', () => {
    expect(toCsv([{ a: 1 }, { a: 2, b: true }])).toBe('a,b\n1,\n2,true\n');
    expect(toCsv([], ['group', 'received'])).toBe('group,received\n');
  });

  it('writes instants as ISO 8601 UTC', () =>
    expect(csvField(new Date('2026-03-02T09:00:00Z'))).toBe('2026-03-02T09:00:00.000Z'));
});

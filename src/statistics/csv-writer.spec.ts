import { toCsv } from './csv-writer';

describe('CSV writer', () => {
  it('writes a header row of field names and one line per row', () => {
    expect(toCsv([{ group: 'TEK', received: 3, medianResolutionWorkingHours: 10.5 }])).toBe(
      'group,received,medianResolutionWorkingHours\nTEK,3,10.5\n',
    );
  });

  it('quotes commas, quotes and line breaks, and leaves null empty', () => {
    expect(toCsv([{ a: 'Vatten, avlopp', b: 'säger "hej"', c: 'två\nrader', d: null }])).toBe(
      'a,b,c,d\n"Vatten, avlopp","säger ""hej""","två\nrader",\n',
    );
  });

  it('lines up rows that lack a field, and writes only the header for no rows', () => {
    expect(toCsv([{ a: 1 }, { a: 2, b: true }])).toBe('a,b\n1,\n2,true\n');
    expect(toCsv([], 'rfc4180', ['group', 'received'])).toBe('group,received\n');
  });

  it('writes instants as ISO 8601 UTC', () =>
    expect(toCsv([{ at: new Date('2026-03-02T09:00:00Z') }])).toBe('at\n2026-03-02T09:00:00.000Z\n'));

  it('writes what Swedish Excel opens: semicolons, a decimal comma, CRLF and a byte-order mark', () => {
    expect(toCsv([{ group: 'Vatten; avlopp', received: 3, share: 0.25 }], 'excel')).toBe(
      '\uFEFFgroup;received;share\r\n"Vatten; avlopp";3;0,25\r\n',
    );
    // A comma needs no quotes when the delimiter is a semicolon.
    expect(toCsv([{ group: 'Bygg, plan', share: 1 }], 'excel')).toBe('\uFEFFgroup;share\r\nBygg, plan;1\r\n');
  });
});

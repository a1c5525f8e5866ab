import { REDACTION_MARKERS as M } from './redaction';
import { publicStatus, publishAfter, publishedSummary, searchTextOf, SUMMARY_MAX_CHARS } from './register-publication';

describe('the public register rules', () => {
  it.each([
    ['new', 'received'],
    ['triaged', 'received'],
    ['routed', 'received'],
    ['returned', 'received'],
    ['in_progress', 'in_progress'],
    ['waiting', 'in_progress'],
    ['reopened', 'in_progress'],
    ['resolved', 'resolved'],
    ['closed', 'closed'],
    ['duplicate', 'closed'],
  ] as const)('shows a %s case as %s', (status, shown) => {
    expect(publicStatus(status)).toBe(shown);
  });

  it('publishes an entry the rule’s hours after receipt', () => {
    expect(publishAfter(new Date('2026-03-02T09:30:00Z'), { delayHours: 36, publishes: 'summary' })).toEqual(
      new Date('2026-03-03T21:30:00Z'),
    );
  });

  it('redacts the whole text before cutting it to a register line at a word boundary', () => {
    // The phone number straddles the cut: cut first, "Ring a … a 070" would be left, which no rule then finds.
    const text = `Ring ${'a '.repeat(146)}070-123 45 67`;
    const published = publishedSummary(text, {});
    expect(published).toBe(`Ring ${'a '.repeat(145)}a…`);
    expect(published.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS + 1);
    expect(publishedSummary('Lena Berg:  ring\n070-123 45 67', { names: ['Lena Berg'] })).toBe(
      `${M.name}: ring ${M.phone}`,
    );
  });

  it('searches in lower case, Swedish letters too', () => {
    expect(searchTextOf('Ölstugan VID Åsen')).toBe('ölstugan vid åsen');
    expect(searchTextOf(null)).toBeNull();
  });
});

import { CATALOGS, LANGUAGES, translator } from './languages';

describe('the message catalogs', () => {
  it('hold the same keys in Swedish, English and Danish, none empty', () => {
    const keys = Object.keys(CATALOGS.sv).sort();
    for (const language of LANGUAGES) {
      expect(Object.keys(CATALOGS[language]).sort()).toEqual(keys);
      expect(Object.entries(CATALOGS[language]).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });

  it('use in each language the same values a text puts in', () => {
    const valuesOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const differ = Object.keys(CATALOGS.en).filter((key) =>
      LANGUAGES.some((language) => valuesOf(CATALOGS[language][key]).join() !== valuesOf(CATALOGS.en[key]).join()),
    );
    expect(differ).toEqual([]);
  });

  it('put values in, and fall back to the key for an unknown one', () => {
    const t = translator('en');
    expect(t('case.title', { reference: '2026-000123' })).toBe('Case 2026-000123');
    expect(translator('sv')('case.title', { reference: '2026-000123' })).toBe('Ärende 2026-000123');
    expect(t('no.such.key')).toBe('no.such.key');
  });
});

import { KeywordMatcher, matchStrength, MATCH_STRENGTH } from './keyword-matcher';
import { TRIAGE_FIXTURE_CATALOG } from './triage-catalog.fixture';
import { TriageCatalogEntry } from './triage.types';

describe('KeywordMatcher', () => {
  const matcher = new KeywordMatcher(TRIAGE_FIXTURE_CATALOG);
  const top = (text: string) => matcher.match(text)[0]?.catalogCode ?? null;

  it.each([
    ['Gatlampan utanför Storgatan 12 är trasig', 'street_light'],
    ['Det är ett stort hål i vägen på Skolvägen', 'pothole'],
    ['Soptunnan har inte tömts på två veckor', 'waste_collection_missed'],
    ['Der er graffiti på muren ved skolen', 'graffiti'],
    ['The street light on Main Street is broken', 'street_light'],
    ['Gatubelysningen på Kyrkogatan är släckt', 'street_light'],
    ['Gadelampen på hjørnet er gået i stykker', 'street_light'],
    ['Det är fullt med potthål på Ringvägen', 'pothole'],
    ['Vattnet läcker ut på gatan vid torget', 'water_leak'],
    ['There is a burst pipe under the road', 'water_leak'],
    ['Jag vill söka bygglov för ett attefallshus', 'building_permit'],
    ['Min dotter ska börja förskoleklass, hur ansöker jag om skolplacering?', 'school_placement'],
    ['Grannarna spelar hög musik varje natt', 'noise'],
    ['Bilar står felparkerade på Parkvägen', 'parking'],
    ['A car is parked on the pavement', 'parking'],
    ['Gräset i parken är inte klippt', 'park_maintenance'],
    ['Der er ikke ryddet sne på vejen', 'snow_clearance'],
    ['Någon har sprayat tags på Parkskolans vägg', 'graffiti'],
  ])('%s -> %s', (text, code) => {
    expect(top(text)).toBe(code);
  });

  it('gives an unopposed stem match 0.9 x (0.85 + 0.1 x written-form agreement) and lists the matched keyword', () => {
    // "gatlampan" vs "gatlampa": 8 of 9 letters agree -> score 0.85 + 0.1 * 8/9
    const [suggestion, ...others] = matcher.match('Gatlampan utanför Storgatan 12 är trasig');
    expect(others).toEqual([]);
    expect(suggestion.matchedPhrases).toEqual(['gatlampa']);
    expect(suggestion.score).toBeCloseTo(0.85 + 0.1 * (8 / 9), 10);
    expect(suggestion.confidence).toBeCloseTo(0.9 * suggestion.score, 10);
  });

  it('gives an exact word 0.9 confidence and combines several phrases by noisy-OR', () => {
    expect(matcher.match('Der er graffiti på muren ved skolen')[0]).toMatchObject({
      catalogCode: 'graffiti',
      score: 1,
      confidence: 0.9,
    });
    const [permit] = matcher.match('Jag vill söka bygglov för ett attefallshus');
    expect(permit.matchedPhrases.sort()).toEqual(['attefallshus', 'bygglov']);
    expect(permit.score).toBe(1);
  });

  it('matches keywords inside Swedish compounds (compound head) but not short stems in street names', () => {
    const [light] = matcher.match('Gatubelysningen fungerar inte');
    expect(light.catalogCode).toBe('street_light');
    expect(matcher.match('Vi bor på Skolvägen och Storgatan')).toEqual([]);
  });

  it('splits confidence when several entries match about equally well', () => {
    // gatlampa (stem, 8/9 agree), park (stem, 4/6), Danish "parkeret" (da stem "park", 4/8): all far below 0.6
    const suggestions = matcher.match('Gatlampan i parken är trasig');
    expect(suggestions.map((s) => [s.catalogCode, Math.round(s.confidence * 1000) / 1000])).toEqual([
      ['street_light', 0.292],
      ['park_maintenance', 0.271],
      ['parking', 0.268],
    ]);
  });

  it('requires every word of a multi-word keyword or name', () => {
    // "street" alone (from "Street lighting" / "street light") must not match an address
    expect(matcher.match('There is graffiti on Main Street')[0].catalogCode).toBe('graffiti');
    expect(matcher.match('There is graffiti on Main Street').map((s) => s.catalogCode)).not.toContain('street_light');
  });

  it('damps a keyword shared by several entries', () => {
    const shared: TriageCatalogEntry[] = [
      { ...TRIAGE_FIXTURE_CATALOG[0], code: 'a', name: { sv: 'A', en: 'A' }, keywords: ['container'] },
      { ...TRIAGE_FIXTURE_CATALOG[0], code: 'b', name: { sv: 'B', en: 'B' }, keywords: ['container', 'återvinning'] },
    ];
    const m = new KeywordMatcher(shared);
    expect(m.match('container').map((s) => [s.catalogCode, s.score])).toEqual([
      ['a', 0.5],
      ['b', 0.5],
    ]);
    expect(m.match('container för återvinning')[0].catalogCode).toBe('b');
  });

  it('matches a keyword said to be missing only against a missing word, and a plain keyword against one at half strength', () => {
    const entry = (code: string, keywords: string[]): TriageCatalogEntry => ({
      ...TRIAGE_FIXTURE_CATALOG[0],
      code,
      name: { sv: code, en: code },
      keywords,
    });
    const m = new KeywordMatcher([entry('permit', ['bygglov']), entry('illegal', ['utan bygglov'])]);
    // illegal: "bygglov" missing in both, the same word -> 1; permit: the same word, said to be missing -> 0.5.
    // Confidence 0.9 x s³ / (1² + 0.5²): 0.72 and 0.09.
    expect(m.match('Grannen bygger utan bygglov').map((s) => [s.catalogCode, s.score, s.confidence])).toEqual([
      ['illegal', 1, 0.72],
      ['permit', 0.5, 0.09],
    ]);
    expect(m.match('Jag vill söka bygglov').map((s) => [s.catalogCode, s.score])).toEqual([['permit', 1]]);
  });

  it('counts a keyword that names a landmark ("vid skolan") at half strength', () => {
    const [light, school] = matcher.match('Gatlampan vid skolan är trasig');
    expect(light).toMatchObject({ catalogCode: 'street_light', score: 0.85 + 0.1 * (8 / 9) });
    expect(school).toBeUndefined();
    const withSchool = new KeywordMatcher([
      ...TRIAGE_FIXTURE_CATALOG,
      { ...TRIAGE_FIXTURE_CATALOG[0], code: 'school', name: { sv: 'Skola', en: 'School' }, keywords: ['skolan'] },
    ]);
    expect(withSchool.match('Gatlampan vid skolan är trasig').find((s) => s.catalogCode === 'school')?.score).toBe(0.5);
  });

  it('returns [] when nothing matches', () => {
    expect(matcher.match('Hej, jag undrar över öppettiderna')).toEqual([]);
    expect(matcher.match('')).toEqual([]);
  });
});

describe('matchStrength', () => {
  it.each([
    ['gatlamp', 'gatlamp', true, MATCH_STRENGTH.stem],
    ['graffitin', 'graffiti', true, MATCH_STRENGTH.stem],
    ['graffitin', 'graffiti', false, 0], // inflection tails only for Swedish/Danish stems
    ['gatubelysning', 'belysning', true, MATCH_STRENGTH.compoundHead],
    ['stadspark', 'park', true, MATCH_STRENGTH.compoundHead],
    ['gatlampsstolp', 'gatlamp', true, MATCH_STRENGTH.compoundModifier],
    ['lamp', 'gatlamp', true, MATCH_STRENGTH.genericHead],
    ['skolväg', 'väg', true, 0], // keyword too short for a compound match
    ['parker', 'park', false, 0], // English stem of "parkering" is not park + inflection
    ['felparker', 'park', true, 0], // "park" is neither head nor a long enough modifier here
  ])('%s vs keyword %s (nordic %s) -> %d', (text, keyword, nordic, expected) => {
    expect(matchStrength(text, keyword, nordic)).toBe(expected);
  });
});

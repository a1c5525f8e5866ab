import { DEMO_HISTORY_TEMPLATES, generateDemoHistory } from './demo-history';
import { TRIAGE_FIXTURE_CATALOG } from '../triage/triage-catalog.fixture';
import { TriageCatalogEntry } from '../triage/triage.types';
import { DEMO_CATALOG } from './demo-municipality';

describe('generateDemoHistory', () => {
  const history = generateDemoHistory(TRIAGE_FIXTURE_CATALOG, 600, 42);

  it('is deterministic by seed', () => {
    expect(generateDemoHistory(TRIAGE_FIXTURE_CATALOG, 600, 42)).toEqual(history);
    expect(generateDemoHistory(TRIAGE_FIXTURE_CATALOG, 20, 43)).not.toEqual(history.slice(0, 20));
    expect(history.slice(0, 3)).toEqual([
      {
        id: 'demo-42-0',
        catalogCode: 'water_leak',
        text: 'Jag vill anmäla att det står massor av vatten vid Kyrkogatan, det verkar komma från en ledning. Kan ni åtgärda detta snarast?',
      },
      {
        id: 'demo-42-1',
        catalogCode: 'waste_collection_missed',
        text: 'Jag vill anmäla att soptunnan på Ringvägen 12 stod ute vid vägen men hämtades inte.',
      },
      { id: 'demo-42-2', catalogCode: 'parking', text: 'Hvoran får jeg en beboerparkeringslicens?' }, // with a typo
    ]);
  });

  it('makes the requested number of labelled, varied, fully expanded texts', () => {
    expect(history).toHaveLength(600);
    expect(new Set(history.map((e) => e.id)).size).toBe(600);
    expect(new Set(history.map((e) => e.catalogCode))).toEqual(new Set(TRIAGE_FIXTURE_CATALOG.map((e) => e.code)));
    expect(new Set(history.map((e) => e.text)).size).toBeGreaterThan(500);
    expect(history.filter((e) => /[{}|]/.test(e.text))).toEqual([]);
  });

  it('is mostly Swedish with some Danish and English', () => {
    const danish = history.filter((e) => /(^| )(er|ikke|på vejen|jeg)( |$)|[æø]/i.test(e.text)).length;
    const english = history.filter((e) => /(^| )(the|is|has|there)( |$)/i.test(e.text)).length;
    expect(danish).toBeGreaterThan(20);
    expect(english).toBeGreaterThan(20);
    expect(danish + english).toBeLessThan(180);
  });

  it('has templates for the common demo types', () => {
    expect(Object.keys(DEMO_HISTORY_TEMPLATES).sort()).toEqual(
      [
        ...TRIAGE_FIXTURE_CATALOG.map((e) => e.code),
        'fallen_tree',
        'general_complaint',
        'gritting',
        'home_care',
        'illegal_construction',
        'indoor_environment',
        'pests',
        'playground',
        'preschool_place',
        'sewage_blockage',
        'street_cleaning',
        'swimming_pool',
        'traffic_sign',
        'water_bill',
      ].sort(),
    );
  });

  it('writes every demo type with templates in Swedish, Danish and English, with the demo catalog codes', () => {
    const demoCodes = new Set(DEMO_CATALOG.map((entry) => entry.code));
    for (const [code, set] of Object.entries(DEMO_HISTORY_TEMPLATES)) {
      expect({ code, known: demoCodes.has(code) }).toEqual({ code, known: true });
      expect({ code, sv: set.sv.length > 0, da: (set.da?.length ?? 0) > 0, en: (set.en?.length ?? 0) > 0 }).toEqual({
        code,
        sv: true,
        da: true,
        en: true,
      });
    }
  });

  it('labels a neighbour building without a permit as illegal building, not as a permit application', () => {
    const permit = JSON.stringify(DEMO_HISTORY_TEMPLATES.building_permit);
    expect(permit).not.toMatch(/utan|uden|without/);
    expect(JSON.stringify(DEMO_HISTORY_TEMPLATES.illegal_construction)).toMatch(/utan .*lov/);
  });

  it('falls back to names and keywords for types without templates', () => {
    const dogs: TriageCatalogEntry = {
      code: 'dog_waste',
      name: { sv: 'Hundbajs', en: 'Dog fouling' },
      kind: 'complaint',
      departmentCode: 'parks',
      priority: 'low',
      keywords: ['hundbajs', 'hundpåsar'],
    };
    const generated = generateDemoHistory([dogs], 30, 1);
    expect(generated.every((e) => e.catalogCode === 'dog_waste')).toBe(true);
    // all but the occasional typo mention a keyword or the name
    expect(generated.filter((e) => /hundbajs|hundpåsar|dog fouling/i.test(e.text)).length).toBeGreaterThanOrEqual(26);
    expect(generated.filter((e) => /anmäla att jag|för att hur/.test(e.text))).toEqual([]);
  });

  it('returns [] for an empty catalog or count', () => {
    expect(generateDemoHistory([], 10, 1)).toEqual([]);
    expect(generateDemoHistory(TRIAGE_FIXTURE_CATALOG, 0, 1)).toEqual([]);
  });
});

import { generateDemoHistory } from '../demo/demo-history';
import { TRIAGE_FIXTURE_CATALOG } from './triage-catalog.fixture';
import { evaluateTriageQuality, fnv1a } from './triage-quality';
import { TriageHistoryExample } from './triage.types';

describe('evaluateTriageQuality', () => {
  /**
   * 20 examples without ids: every 5th (positions 4, 9, 14, 19) is held out. The 16 training
   * examples are 4 per type, below both history thresholds, so the engine answers from keywords
   * and the outcome can be worked out by hand:
   *   4  street_light      "Gatlampan ... är trasig"      -> street_light 0.85, auto      correct
   *   9  park_maintenance  "Gatlampan i parken är trasig" -> street_light 0.29, 2nd park  wrong, top 3
   *   14 snow_clearance    "Ingen har plogat ..."         -> no suggestion                wrong
   *   19 park_maintenance  "Graffiti på väggen ..."       -> graffiti 0.9, auto           wrong
   */
  const filler = (i: number): TriageHistoryExample => ({
    text: ['Hål i gatan', 'Klotter på bron', 'Hög musik', 'Bygglov för carport'][i % 4] + ` nummer ${i}`,
    catalogCode: ['pothole', 'graffiti', 'noise', 'building_permit'][i % 4],
  });
  const heldOut: Record<number, TriageHistoryExample> = {
    4: { text: 'Gatlampan på Storgatan är trasig', catalogCode: 'street_light' },
    9: { text: 'Gatlampan i parken är trasig', catalogCode: 'park_maintenance' },
    14: { text: 'Ingen har plogat vår gata', catalogCode: 'snow_clearance' },
    19: { text: 'Graffiti på väggen vid toaletten', catalogCode: 'park_maintenance' },
  };
  let fillers = 0;
  const history = Array.from({ length: 20 }, (_, i) => heldOut[i] ?? filler(fillers++));

  it('computes the metrics on a tiny dataset as worked out by hand', () => {
    expect(evaluateTriageQuality(TRIAGE_FIXTURE_CATALOG, history)).toEqual({
      trainingExamples: 16,
      heldOutExamples: 4,
      accuracy: 0.25,
      top3Accuracy: 0.5,
      autoTriagedShare: 0.5,
      accuracyWhenAutoTriaged: 0.5,
      autoTriageThreshold: 0.6,
      perCatalogCode: {
        park_maintenance: { heldOutExamples: 2, correct: 0, accuracy: 0 },
        snow_clearance: { heldOutExamples: 1, correct: 0, accuracy: 0 },
        street_light: { heldOutExamples: 1, correct: 1, accuracy: 1 },
      },
    });
  });

  it('passes engine options through (a threshold nothing reaches auto-triages nothing)', () => {
    const report = evaluateTriageQuality(TRIAGE_FIXTURE_CATALOG, history, { engine: { autoTriageThreshold: 0.95 } });
    expect(report).toMatchObject({ autoTriagedShare: 0, accuracyWhenAutoTriaged: null, autoTriageThreshold: 0.95 });
  });

  it('splits by hashed id when examples have ids, independent of order', () => {
    const withIds = history.map((e, i) => ({ ...e, id: `case-${i}` }));
    const report = evaluateTriageQuality(TRIAGE_FIXTURE_CATALOG, withIds);
    const expectedHeldOut = withIds.filter((e) => fnv1a(e.id) % 5 === 0).length;
    expect(report.heldOutExamples).toBe(expectedHeldOut);
    expect(report.trainingExamples).toBe(20 - expectedHeldOut);
    expect(evaluateTriageQuality(TRIAGE_FIXTURE_CATALOG, [...withIds].reverse())).toEqual(report);
  });

  it('reports null ratios for empty history', () => {
    expect(evaluateTriageQuality(TRIAGE_FIXTURE_CATALOG, [])).toEqual({
      trainingExamples: 0,
      heldOutExamples: 0,
      accuracy: null,
      top3Accuracy: null,
      autoTriagedShare: null,
      accuracyWhenAutoTriaged: null,
      autoTriageThreshold: 0.6,
      perCatalogCode: {},
    });
  });

  it('uses the standard 32-bit FNV-1a hash', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('reports the quality on the demo history (600 cases, seed 42)', () => {
    const report = evaluateTriageQuality(TRIAGE_FIXTURE_CATALOG, generateDemoHistory(TRIAGE_FIXTURE_CATALOG, 600, 42));
    expect(report).toMatchObject({ trainingExamples: 484, heldOutExamples: 116 });
    expect(report.accuracy).toBe(DEMO_ACCURACY);
    expect(report.accuracy!).toBeGreaterThanOrEqual(0.9);
    expect(report.accuracyWhenAutoTriaged!).toBeGreaterThanOrEqual(report.accuracy!);
  });
});

const DEMO_ACCURACY = 0.9914;

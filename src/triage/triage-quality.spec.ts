import { generateDemoHistory } from '../demo/demo-history';
import { DEMO_CATALOG } from '../demo/demo-municipality';
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
      configuredMinimum: 0,
      calibration: {
        outcome: 'too_little_history',
        targetPrecision: 0.95,
        heldOutExamples: 4,
        threshold: null,
        precision: null,
        coverage: null,
        autoTriaged: 0,
      },
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
      configuredMinimum: 0,
      calibration: {
        outcome: 'too_little_history',
        targetPrecision: 0.95,
        heldOutExamples: 0,
        threshold: null,
        precision: null,
        coverage: null,
        autoTriaged: 0,
      },
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
    // One held-out case of 116 is wrong: every confidence keeps 115/116 right, so the lowest one is the threshold.
    expect(report.calibration).toEqual({
      outcome: 'calibrated',
      targetPrecision: 0.95,
      heldOutExamples: 116,
      threshold: 0.1776,
      precision: 0.9914,
      coverage: 1,
      autoTriaged: 116,
    });
    expect(report.autoTriageThreshold).toBe(0.1776);
  });

  it('calibrates the threshold on the demo municipality, and keeps the configured minimum as a floor', () => {
    // The ids the demo seed gives its imported history, so the split is the one the running app makes.
    const history = generateDemoHistory(DEMO_CATALOG, 600, 2026).map((e, i) => ({ ...e, id: `demo-history-${i + 1}` }));
    const report = evaluateTriageQuality(DEMO_CATALOG, history, { configuredMinimum: 0.2 });
    expect(report.calibration).toEqual({
      outcome: 'calibrated',
      targetPrecision: 0.95,
      heldOutExamples: 114,
      threshold: DEMO_MUNICIPALITY_THRESHOLD,
      precision: 0.9545,
      coverage: 0.9649,
      autoTriaged: 110,
    });
    expect(report).toMatchObject({ configuredMinimum: 0.2, autoTriageThreshold: 0.2 });
    expect(report.accuracyWhenAutoTriaged!).toBeGreaterThanOrEqual(0.95);
    const unfloored = evaluateTriageQuality(DEMO_CATALOG, history);
    expect(unfloored.autoTriageThreshold).toBe(DEMO_MUNICIPALITY_THRESHOLD);
    expect(unfloored.accuracyWhenAutoTriaged).toBe(0.9545);
  });

  it('turns auto-triage off when no threshold keeps the target precision', () => {
    // Without ids every fifth case is held out, and every held-out case is labelled against its text.
    const confused = generateDemoHistory(DEMO_CATALOG, 300, 2026).map(({ text, catalogCode }, i) => ({
      text,
      catalogCode: i % 5 !== 4 ? catalogCode : catalogCode === 'street_light' ? 'pothole' : 'street_light',
    }));
    const report = evaluateTriageQuality(DEMO_CATALOG, confused, { configuredMinimum: 0.2 });
    expect(report.calibration).toMatchObject({ outcome: 'target_not_reached', heldOutExamples: 60, threshold: null });
    expect(report).toMatchObject({ autoTriageThreshold: null, autoTriagedShare: 0, accuracyWhenAutoTriaged: null });
  });

  it('measures at most maxHeldOut held-out cases, the first in history order', () => {
    const history = generateDemoHistory(TRIAGE_FIXTURE_CATALOG, 100, 42).map(({ text, catalogCode }) => ({
      text,
      catalogCode,
    }));
    expect(evaluateTriageQuality(TRIAGE_FIXTURE_CATALOG, history, { maxHeldOut: 7 })).toMatchObject({
      trainingExamples: 80,
      heldOutExamples: 7,
    });
  });
});

const DEMO_MUNICIPALITY_THRESHOLD = 0.1565;

const DEMO_ACCURACY = 0.9914;

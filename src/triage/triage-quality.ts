import { calibrateThreshold, CalibrationOptions, ThresholdCalibration, thresholdInForce } from './triage-calibration';
import { TriageEngine, TriageEngineOptions } from './triage-engine';
import { TriageCatalogEntry, TriageHistoryExample } from './triage.types';

export interface CatalogCodeQuality {
  heldOutExamples: number;
  correct: number;
  accuracy: number;
}

/** Backs GET /api/v1/triage/quality. Ratios are 0..1 rounded to 4 decimals; null when undefined (0/0). */
export interface TriageQualityReport {
  trainingExamples: number;
  heldOutExamples: number;
  /** Share of held-out cases whose top suggestion was the type a person chose (no suggestion = wrong). */
  accuracy: number | null;
  /** Share whose chosen type was among the top three suggestions. */
  top3Accuracy: number | null;
  /** Share that would have been triaged automatically (confidence >= the threshold in force). */
  autoTriagedShare: number | null;
  /** Accuracy among those auto-triaged: the error rate citizens would actually see. */
  accuracyWhenAutoTriaged: number | null;
  /** The threshold in force (thresholdInForce): calibrated, never below the configured minimum; null: auto-triage is off. */
  autoTriageThreshold: number | null;
  /** The configured minimum (TRIAGE_MIN_CONFIDENCE): the threshold in force is never below it. */
  configuredMinimum: number;
  /** The threshold read off the held-out history, with its precision and coverage there. */
  calibration: ThresholdCalibration;
  perCatalogCode: Record<string, CatalogCodeQuality>;
}

export interface TriageQualityOptions {
  /** Every n-th example is held out. Default 5 (20 %). */
  holdOutEvery?: number;
  /** At most this many held-out examples are measured, the first in history order (newest first). Default all. */
  maxHeldOut?: number;
  /** The configured minimum threshold (a floor). Default 0. */
  configuredMinimum?: number;
  calibration?: CalibrationOptions;
  /** `autoTriageThreshold` here is the threshold used until history calibrates one (default 0.6). */
  engine?: TriageEngineOptions;
}

/**
 * Trains a fresh engine on part of the history, measures it on the rest, and calibrates the
 * auto-triage threshold there (triage-calibration.ts).
 *
 * The split is deterministic so the number does not jump between calls: an example with an `id`
 * is held out when FNV-1a(id) mod n == 0 (stable when history grows or is reordered); one without
 * an id is held out when its position mod n == n - 1 (every n-th: the 5th, 10th, ...).
 */
export function evaluateTriageQuality(
  catalog: readonly TriageCatalogEntry[],
  history: readonly TriageHistoryExample[],
  options: TriageQualityOptions = {},
): TriageQualityReport {
  const steps = triageQualitySteps(catalog, history, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * evaluateTriageQuality one held-out example at a time: it yields after each, so a caller on a
 * busy server can give the event loop a turn now and then (a suggestion takes a few milliseconds,
 * thousands of them would hold up every request).
 */
export function* triageQualitySteps(
  catalog: readonly TriageCatalogEntry[],
  history: readonly TriageHistoryExample[],
  options: TriageQualityOptions = {},
): Generator<void, TriageQualityReport> {
  const every = Math.max(2, Math.floor(options.holdOutEvery ?? 5));
  const training: TriageHistoryExample[] = [];
  const heldOut: TriageHistoryExample[] = [];
  history.forEach((example, index) => (isHeldOut(example, index, every) ? heldOut : training).push(example));
  const measured = heldOut.slice(0, options.maxHeldOut ?? heldOut.length);

  const engine = new TriageEngine(catalog, options.engine);
  engine.train(training);
  const outcomes: Array<{ catalogCode: string; confidence: number; hit: boolean; top3: boolean }> = [];
  for (const example of measured) {
    const suggestion = engine.suggest(example.text);
    const codes = suggestion ? [suggestion.catalogCode, ...suggestion.alternatives.map((a) => a.catalogCode)] : [];
    outcomes.push({
      catalogCode: example.catalogCode,
      confidence: suggestion?.confidence ?? 0,
      hit: codes[0] === example.catalogCode,
      top3: codes.slice(0, 3).includes(example.catalogCode),
    });
    yield;
  }

  const calibration = calibrateThreshold(
    outcomes.map((outcome) => ({ confidence: outcome.confidence, correct: outcome.hit })),
    options.calibration,
  );
  const configuredMinimum = options.configuredMinimum ?? 0;
  const threshold = thresholdInForce(calibration, configuredMinimum, engine.options.autoTriageThreshold);
  const auto = outcomes.filter(
    (outcome) => threshold !== null && outcome.confidence > 0 && outcome.confidence >= threshold,
  );
  return {
    trainingExamples: training.length,
    heldOutExamples: measured.length,
    accuracy: ratio(
      count(outcomes, (o) => o.hit),
      outcomes.length,
    ),
    top3Accuracy: ratio(
      count(outcomes, (o) => o.top3),
      outcomes.length,
    ),
    autoTriagedShare: ratio(auto.length, outcomes.length),
    accuracyWhenAutoTriaged: ratio(
      count(auto, (o) => o.hit),
      auto.length,
    ),
    autoTriageThreshold: threshold,
    configuredMinimum,
    calibration,
    perCatalogCode: perCatalogCode(outcomes),
  };
}

function perCatalogCode(
  outcomes: ReadonlyArray<{ catalogCode: string; hit: boolean }>,
): Record<string, CatalogCodeQuality> {
  const perCode: Record<string, { heldOutExamples: number; correct: number }> = {};
  for (const outcome of outcomes) {
    const stats = (perCode[outcome.catalogCode] ??= { heldOutExamples: 0, correct: 0 });
    stats.heldOutExamples++;
    if (outcome.hit) stats.correct++;
  }
  const result: Record<string, CatalogCodeQuality> = {};
  for (const code of Object.keys(perCode).sort()) {
    const stats = perCode[code];
    result[code] = { ...stats, accuracy: ratio(stats.correct, stats.heldOutExamples) ?? 0 };
  }
  return result;
}

function count<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.reduce((total, item) => total + (predicate(item) ? 1 : 0), 0);
}

function isHeldOut(example: TriageHistoryExample, index: number, every: number): boolean {
  return example.id !== undefined ? fnv1a(example.id) % every === 0 : index % every === every - 1;
}

/** 32-bit FNV-1a over UTF-16 code units: tiny, well-spread and stable across platforms. */
export function fnv1a(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10000) / 10000;
}

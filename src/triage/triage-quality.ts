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
  /** Share that would have been triaged automatically (confidence >= threshold). */
  autoTriagedShare: number | null;
  /** Accuracy among those auto-triaged: the error rate citizens would actually see. */
  accuracyWhenAutoTriaged: number | null;
  autoTriageThreshold: number;
  perCatalogCode: Record<string, CatalogCodeQuality>;
}

export interface TriageQualityOptions {
  /** Every n-th example is held out. Default 5 (20 %). */
  holdOutEvery?: number;
  engine?: TriageEngineOptions;
}

/**
 * Trains a fresh engine on part of the history and measures it on the rest.
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
  const every = Math.max(2, Math.floor(options.holdOutEvery ?? 5));
  const training: TriageHistoryExample[] = [];
  const heldOut: TriageHistoryExample[] = [];
  history.forEach((example, index) => (isHeldOut(example, index, every) ? heldOut : training).push(example));

  const engine = new TriageEngine(catalog, options.engine);
  engine.train(training);

  let correct = 0;
  let top3 = 0;
  let auto = 0;
  let autoCorrect = 0;
  const perCode: Record<string, { heldOutExamples: number; correct: number }> = {};
  for (const example of heldOut) {
    const suggestion = engine.suggest(example.text);
    const codes = suggestion ? [suggestion.catalogCode, ...suggestion.alternatives.map((a) => a.catalogCode)] : [];
    const hit = codes[0] === example.catalogCode;
    const stats = (perCode[example.catalogCode] ??= { heldOutExamples: 0, correct: 0 });
    stats.heldOutExamples++;
    if (hit) {
      correct++;
      stats.correct++;
    }
    if (codes.slice(0, 3).includes(example.catalogCode)) top3++;
    if (suggestion?.autoTriage) {
      auto++;
      if (hit) autoCorrect++;
    }
  }

  const perCatalogCode: Record<string, CatalogCodeQuality> = {};
  for (const code of Object.keys(perCode).sort()) {
    const stats = perCode[code];
    perCatalogCode[code] = { ...stats, accuracy: ratio(stats.correct, stats.heldOutExamples) ?? 0 };
  }
  return {
    trainingExamples: training.length,
    heldOutExamples: heldOut.length,
    accuracy: ratio(correct, heldOut.length),
    top3Accuracy: ratio(top3, heldOut.length),
    autoTriagedShare: ratio(auto, heldOut.length),
    accuracyWhenAutoTriaged: ratio(autoCorrect, auto),
    autoTriageThreshold: engine.options.autoTriageThreshold,
    perCatalogCode,
  };
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

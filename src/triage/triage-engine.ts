import type { Priority } from '../catalog/catalog.types';
import { KeywordMatcher } from './keyword-matcher';
import { NaiveBayesClassifier, NaiveBayesModelJSON } from './naive-bayes-classifier';
import { applyPriorityRules } from './priority-rules';
import { TextNormaliser } from './text-normaliser';
import { TriageCandidate, TriageCatalogEntry, TriageHistoryExample } from './triage.types';

export type TriageSource = 'keywords' | 'history' | 'combined';

export interface TriageEngineOptions {
  /**
   * Suggestions at or above this confidence may be applied without a person (`autoTriage`).
   * TriageService passes the threshold calibrated on held-out history (triage-calibration.ts);
   * the default, 0.6, is for an engine without measured history, where confidence is keywords alone.
   */
  autoTriageThreshold?: number;
  /** History counts as "enough" when every type seen in it has this many examples... Default 5. */
  minExamplesPerClass?: number;
  /** ...or when there are this many examples in total. Default 50. */
  minTotalExamples?: number;
  /** Share of the history classifier when blending with keywords. Default 0.6. */
  historyWeight?: number;
  /**
   * Naive Bayes temperature, see NaiveBayesClassifier. Default 1.5: on the demo history T = 1 was
   * best calibrated (Brier score) and still slightly under-confident, but templated demo texts are
   * easier than real ones, where NB is known to be over-confident; re-check with the quality report.
   */
  temperature?: number;
  /** Number of runner-up candidates returned. Default 3. */
  maxAlternatives?: number;
}

export interface TriageSuggestion extends TriageCandidate {
  source: TriageSource;
  /** Confidence minus the runner-up's: a small margin means the text fits two types. */
  margin: number;
  /** confidence >= autoTriageThreshold: the caller may set the type without asking a person. */
  autoTriage: boolean;
  /** The type's catalog priority raised by the text priority rules. */
  priority: Priority;
  matchedPriorityRules: string[];
  /** Catalog keywords/names that matched, to show agents why. */
  matchedKeywords: string[];
  alternatives: TriageCandidate[];
}

const DEFAULTS: Required<TriageEngineOptions> = {
  autoTriageThreshold: 0.6,
  minExamplesPerClass: 5,
  minTotalExamples: 50,
  historyWeight: 0.6,
  temperature: 1.5,
  maxAlternatives: 3,
};

/**
 * Suggests a catalog type for a case text from catalog keywords and, once there is enough of it,
 * from history (cases whose type a person set or corrected).
 *
 * Little history: keywords only; a Naive Bayes model trained on a handful of cases is noise. Enough
 * history: confidence = historyWeight x posterior + (1 - historyWeight) x keyword confidence, so the
 * two must agree for a high value; when only one side has evidence for the text, that side is used
 * alone (source "history" or "keywords"). The posterior is normalised and tempered and the keyword
 * confidence already shrinks with competing matches, so a higher confidence is more often right; it
 * is not a probability, though (with little history in a language it runs low), which is why the
 * threshold to act on is calibrated on held-out history (triage-calibration.ts).
 */
export class TriageEngine {
  readonly options: Readonly<Required<TriageEngineOptions>>;
  private readonly normaliser: TextNormaliser;
  private readonly matcher: KeywordMatcher;
  private readonly entries: ReadonlyMap<string, TriageCatalogEntry>;
  private classifier = new NaiveBayesClassifier();

  constructor(
    catalog: readonly TriageCatalogEntry[],
    options: TriageEngineOptions = {},
    normaliser = new TextNormaliser(),
  ) {
    this.options = { ...DEFAULTS, ...stripUndefined(options) };
    this.normaliser = normaliser;
    this.matcher = new KeywordMatcher(catalog, normaliser);
    this.entries = new Map(catalog.map((entry) => [entry.code, entry]));
  }

  /** Replaces the history model with one learnt from `history`. */
  train(history: readonly TriageHistoryExample[]): void {
    this.classifier = new NaiveBayesClassifier();
    history.forEach((example) => this.learn(example));
  }

  /** Adds one corrected/confirmed case. Types no longer in the catalog are skipped. */
  learn(example: TriageHistoryExample): void {
    if (!this.entries.has(example.catalogCode)) return;
    this.classifier.learn(this.normaliser.features(example.text), example.catalogCode);
  }

  exportModel(): NaiveBayesModelJSON {
    return this.classifier.toJSON();
  }

  loadModel(model: NaiveBayesModelJSON): void {
    this.classifier = NaiveBayesClassifier.fromJSON(model);
  }

  /** Whether history is used at all: ≥ minTotalExamples, or ≥ 2 types each with ≥ minExamplesPerClass. */
  get historyReady(): boolean {
    const counts = Object.entries(this.classifier.examplesPerLabel()).filter(([code]) => this.entries.has(code));
    const total = counts.reduce((sum, [, n]) => sum + n, 0);
    if (total >= this.options.minTotalExamples) return true;
    return counts.length >= 2 && counts.every(([, n]) => n >= this.options.minExamplesPerClass);
  }

  /** Best type for `text`, or null when neither keywords nor history have any evidence. */
  suggest(text: string): TriageSuggestion | null {
    const keywords = this.matcher.match(text);
    const history = this.historyDistribution(text);
    let source: TriageSource;
    const scores = new Map<string, number>();
    if (history && keywords.length > 0) {
      source = 'combined';
      const w = this.options.historyWeight;
      history.forEach((p, code) => scores.set(code, w * p));
      keywords.forEach((k) => scores.set(k.catalogCode, (scores.get(k.catalogCode) ?? 0) + (1 - w) * k.confidence));
    } else if (history) {
      source = 'history';
      history.forEach((p, code) => scores.set(code, p));
    } else if (keywords.length > 0) {
      source = 'keywords';
      keywords.forEach((k) => scores.set(k.catalogCode, k.confidence));
    } else {
      return null;
    }
    const ranked = [...scores.entries()]
      .map(([catalogCode, confidence]) => ({ catalogCode, confidence: round(confidence) }))
      .sort((a, b) => b.confidence - a.confidence || a.catalogCode.localeCompare(b.catalogCode));
    const [best, ...rest] = ranked;
    const entry = this.entries.get(best.catalogCode)!;
    const { priority, matchedRules } = applyPriorityRules(text, entry.priority);
    return {
      catalogCode: best.catalogCode,
      confidence: best.confidence,
      source,
      margin: round(best.confidence - (rest[0]?.confidence ?? 0)),
      autoTriage: best.confidence >= this.options.autoTriageThreshold,
      priority,
      matchedPriorityRules: matchedRules,
      matchedKeywords: keywords.find((k) => k.catalogCode === best.catalogCode)?.matchedPhrases ?? [],
      alternatives: rest.filter((c) => c.confidence > 0).slice(0, this.options.maxAlternatives),
    };
  }

  /** Posterior over catalog codes, or undefined if history is not ready or knows none of the words. */
  private historyDistribution(text: string): Map<string, number> | undefined {
    if (!this.historyReady) return undefined;
    const features = this.normaliser.features(text);
    if (!this.classifier.knowsAny(features)) return undefined;
    const predictions = this.classifier.predict(features, {
      temperature: this.options.temperature,
      labels: [...this.entries.keys()],
    });
    return new Map(predictions.map((p) => [p.label, p.probability]));
  }
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

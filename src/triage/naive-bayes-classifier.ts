/**
 * Multinomial Naive Bayes with Laplace (add-alpha) smoothing over bag-of-words features.
 *
 * Why our own and not `natural`'s BayesClassifier: requiring only
 * `natural/lib/natural/classifiers/bayes_classifier` is clean (checked: no stdout, no .env loading,
 * ~10 ms, 21 modules), but the model behind it (`apparatus` BayesClassifier) is unsuitable:
 * - it is not a textbook model: presence-only features, absent features ignored, ad-hoc smoothing
 *   (first occurrence counts 1 + smoothing, class totals start at 1);
 * - `getClassifications` returns prior x exp(sum of logs), neither normalised nor in log space, so
 *   values do not sum to 1 (0.0147 in total for a 2-word text over 10 classes) and underflow towards
 *   1e-235 on longer texts: not usable as a confidence without re-deriving the maths;
 * - features are dense 0/1 vectors over the whole vocabulary built with indexOf per token, and the
 *   serialised form carries every training document.
 * The algorithm itself is twenty lines, so a small, exact, JSON-serialisable version is simpler.
 *
 * Posteriors are computed in log space and normalised with log-sum-exp. A `temperature` > 1 flattens
 * them: NB multiplies per-word evidence as if words were independent, which makes raw posteriors
 * over-confident; the triage engine picks a temperature that keeps confidence close to accuracy.
 */
export interface NaiveBayesModelJSON {
  version: 1;
  alpha: number;
  /** Training documents per label. */
  docCounts: Record<string, number>;
  /** Occurrences of each feature per label. */
  featureCounts: Record<string, Record<string, number>>;
}

export interface NaiveBayesPrediction {
  label: string;
  /** Normalised posterior probability, 0..1; all predictions of one call sum to 1. */
  probability: number;
}

export class NaiveBayesClassifier {
  private readonly docCounts = new Map<string, number>();
  private readonly featureCounts = new Map<string, Map<string, number>>();
  private readonly totalFeatures = new Map<string, number>();
  private readonly vocabulary = new Set<string>();
  private documents = 0;

  /** @param alpha Laplace smoothing pseudo-count; 1 is the textbook value. */
  constructor(readonly alpha = 1) {
    if (!(alpha > 0)) throw new Error('alpha must be positive');
  }

  /** Adds one labelled document. Empty documents are ignored: they carry no evidence. */
  learn(features: readonly string[], label: string): void {
    if (features.length === 0) return;
    this.documents++;
    this.docCounts.set(label, (this.docCounts.get(label) ?? 0) + 1);
    let counts = this.featureCounts.get(label);
    if (!counts) this.featureCounts.set(label, (counts = new Map<string, number>()));
    for (const feature of features) {
      counts.set(feature, (counts.get(feature) ?? 0) + 1);
      this.vocabulary.add(feature);
    }
    this.totalFeatures.set(label, (this.totalFeatures.get(label) ?? 0) + features.length);
  }

  get exampleCount(): number {
    return this.documents;
  }

  /** True if any feature was seen in training, i.e. the model has evidence about this text. */
  knowsAny(features: readonly string[]): boolean {
    return features.some((f) => this.vocabulary.has(f));
  }

  /** Documents per label, e.g. to decide whether there is enough history to trust the model. */
  examplesPerLabel(): Record<string, number> {
    return Object.fromEntries(this.docCounts);
  }

  /**
   * Posterior over the known labels (optionally only `labels`), best first. Features never seen in
   * training are skipped: they would add the same smoothed penalty to each label up to a tiny
   * size-dependent difference, i.e. mostly noise. Returns [] when nothing has been learnt.
   */
  predict(
    features: readonly string[],
    options: { temperature?: number; labels?: readonly string[] } = {},
  ): NaiveBayesPrediction[] {
    const temperature = options.temperature ?? 1;
    const labels = (options.labels ?? [...this.docCounts.keys()]).filter((l) => this.docCounts.has(l));
    if (labels.length === 0) return [];
    const known = features.filter((f) => this.vocabulary.has(f));
    const vocabularySize = this.vocabulary.size;
    const logJoint = labels.map((label) => {
      const counts = this.featureCounts.get(label)!;
      const denominator = Math.log((this.totalFeatures.get(label) ?? 0) + this.alpha * vocabularySize);
      let score = Math.log(this.docCounts.get(label)! / this.documents);
      for (const feature of known) score += Math.log((counts.get(feature) ?? 0) + this.alpha) - denominator;
      return score / temperature;
    });
    const max = Math.max(...logJoint);
    const logSum = max + Math.log(logJoint.reduce((sum, s) => sum + Math.exp(s - max), 0));
    return labels
      .map((label, i) => ({ label, probability: Math.exp(logJoint[i] - logSum) }))
      .sort((a, b) => b.probability - a.probability || a.label.localeCompare(b.label));
  }

  toJSON(): NaiveBayesModelJSON {
    const featureCounts: Record<string, Record<string, number>> = {};
    for (const [label, counts] of this.featureCounts) featureCounts[label] = Object.fromEntries(counts);
    return { version: 1, alpha: this.alpha, docCounts: Object.fromEntries(this.docCounts), featureCounts };
  }

  static fromJSON(json: NaiveBayesModelJSON): NaiveBayesClassifier {
    if (json.version !== 1) throw new Error(`unsupported Naive Bayes model version ${String(json.version)}`);
    const model = new NaiveBayesClassifier(json.alpha);
    for (const [label, docs] of Object.entries(json.docCounts)) {
      const counts = new Map(Object.entries(json.featureCounts[label] ?? {}));
      model.docCounts.set(label, docs);
      model.featureCounts.set(label, counts);
      model.totalFeatures.set(
        label,
        [...counts.values()].reduce((a, b) => a + b, 0),
      );
      counts.forEach((_, feature) => model.vocabulary.add(feature));
      model.documents += docs;
    }
    return model;
  }
}

/**
 * Which confidence is high enough to set a case's type without a person, measured on the
 * municipality's own held-out history: the engine's confidence ranks suggestions well but is not
 * a probability (a correct Danish suggestion may score 0.3, a Swedish one 0.8), so the threshold
 * is read off what happened on cases it was not trained on.
 */
export interface ScoredExample {
  /** The engine's confidence for its best suggestion; 0 when it had none. */
  confidence: number;
  /** Whether that suggestion was the type a person chose. */
  correct: boolean;
}

export interface CalibrationOptions {
  /** The share of automatic triages that must be right. Default 0.95. */
  targetPrecision?: number;
  /** Fewer held-out examples than this: not enough to measure anything. Default 50. */
  minimumHeldOut?: number;
  /** A threshold must auto-triage at least this many held-out examples, so one case does not swing it. Default 30. */
  minimumAutoTriaged?: number;
}

export type CalibrationOutcome = 'calibrated' | 'too_little_history' | 'target_not_reached';

/** Ratios 0..1 rounded to 4 decimals. */
export interface ThresholdCalibration {
  outcome: CalibrationOutcome;
  targetPrecision: number;
  heldOutExamples: number;
  /** The lowest confidence at which auto-triage kept the target precision on held-out history; null unless calibrated. */
  threshold: number | null;
  /** Right among the held-out examples at or above the threshold. */
  precision: number | null;
  /** Share of the held-out examples at or above the threshold: what would be triaged without a person. */
  coverage: number | null;
  autoTriaged: number;
}

const DEFAULTS: Required<CalibrationOptions> = { targetPrecision: 0.95, minimumHeldOut: 50, minimumAutoTriaged: 30 };

/**
 * The lowest threshold t such that, of the held-out examples with confidence >= t, at least
 * `targetPrecision` were right, counting at least `minimumAutoTriaged` examples: the threshold
 * that triages the most cases while keeping the precision. Candidates are the confidences seen;
 * examples without a suggestion (confidence 0) are never auto-triaged.
 */
export function calibrateThreshold(
  scored: readonly ScoredExample[],
  options: CalibrationOptions = {},
): ThresholdCalibration {
  const { targetPrecision, minimumHeldOut, minimumAutoTriaged } = { ...DEFAULTS, ...options };
  const uncalibrated = (outcome: CalibrationOutcome): ThresholdCalibration => ({
    outcome,
    targetPrecision,
    heldOutExamples: scored.length,
    threshold: null,
    precision: null,
    coverage: null,
    autoTriaged: 0,
  });
  if (scored.length < minimumHeldOut) return uncalibrated('too_little_history');
  const ranked = scored.filter((example) => example.confidence > 0).sort((a, b) => b.confidence - a.confidence);
  let right = 0;
  let best: { threshold: number; right: number; count: number } | null = null;
  for (let index = 0; index < ranked.length; index += 1) {
    const example = ranked[index];
    if (example.correct) right += 1;
    const count = index + 1;
    // Only where the next example scores lower: a threshold takes all examples of equal confidence.
    const lastOfItsConfidence = index === ranked.length - 1 || ranked[index + 1].confidence < example.confidence;
    if (lastOfItsConfidence && count >= minimumAutoTriaged && right / count >= targetPrecision) {
      best = { threshold: example.confidence, right, count };
    }
  }
  if (!best) return uncalibrated('target_not_reached');
  return {
    outcome: 'calibrated',
    targetPrecision,
    heldOutExamples: scored.length,
    threshold: best.threshold,
    precision: round(best.right / best.count),
    coverage: round(best.count / scored.length),
    autoTriaged: best.count,
  };
}

/**
 * The threshold the routing job uses: the calibrated one, never below the configured minimum
 * (TRIAGE_MIN_CONFIDENCE, a floor); with too little history to calibrate, `uncalibrated` (the
 * engine's keyword-era default, 0.6) or the minimum if higher. Null when history shows no
 * threshold keeps the target precision: then no type is set without a person.
 */
export function thresholdInForce(
  calibration: Pick<ThresholdCalibration, 'outcome' | 'threshold'>,
  configuredMinimum: number,
  uncalibrated: number,
): number | null {
  if (calibration.outcome === 'calibrated' && calibration.threshold !== null)
    return Math.max(calibration.threshold, configuredMinimum);
  if (calibration.outcome === 'too_little_history') return Math.max(uncalibrated, configuredMinimum);
  return null;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

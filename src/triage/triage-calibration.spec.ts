import { calibrateThreshold, ScoredExample, thresholdInForce } from './triage-calibration';

/** `n` examples at `confidence`, the first `right` of them correct. */
const at = (confidence: number, n: number, right = n): ScoredExample[] =>
  Array.from({ length: n }, (_, i) => ({ confidence, correct: i < right }));

describe('calibrateThreshold', () => {
  it('takes the lowest confidence at which the held-out precision still reaches the target', () => {
    // Ranked: 40 at 0.8 all right (40/40), 20 at 0.5 with 1 wrong (59/60 = 0.983),
    // 20 at 0.3 with 4 wrong (75/80 = 0.9375 < 0.95), 20 without a suggestion.
    const scored = [...at(0.3, 20, 16), ...at(0.8, 40), ...at(0, 20, 0), ...at(0.5, 20, 19)];
    expect(calibrateThreshold(scored)).toEqual({
      outcome: 'calibrated',
      targetPrecision: 0.95,
      heldOutExamples: 100,
      threshold: 0.5,
      precision: 0.9833,
      coverage: 0.6,
      autoTriaged: 60,
    });
  });

  it('lets a later run of right answers carry an earlier mistake', () => {
    // 0.9: 1 wrong of 10 (0.9); 0.7: +30 right (39/40 = 0.975); 0.4: +10 with 3 wrong (46/50 = 0.92).
    const scored = [...at(0.9, 10, 9), ...at(0.7, 30), ...at(0.4, 10, 7)];
    expect(calibrateThreshold(scored)).toMatchObject({
      threshold: 0.7,
      precision: 0.975,
      coverage: 0.8,
      autoTriaged: 40,
    });
  });

  it('needs enough auto-triaged examples, and says when no threshold reaches the target', () => {
    // 20 right at 0.9 are too few to stand on; with the next 40 (half wrong) the precision is 40/60.
    const scored = [...at(0.9, 20), ...at(0.5, 40, 20)];
    expect(calibrateThreshold(scored)).toEqual({
      outcome: 'target_not_reached',
      targetPrecision: 0.95,
      heldOutExamples: 60,
      threshold: null,
      precision: null,
      coverage: null,
      autoTriaged: 0,
    });
    expect(calibrateThreshold(scored, { minimumAutoTriaged: 20 })).toMatchObject({ threshold: 0.9, precision: 1 });
  });

  it('does not calibrate on too little history', () => {
    expect(calibrateThreshold(at(0.9, 49))).toMatchObject({ outcome: 'too_little_history', threshold: null });
    expect(calibrateThreshold([])).toMatchObject({ outcome: 'too_little_history', heldOutExamples: 0 });
  });

  it('takes a different target precision', () => {
    const scored = [...at(0.8, 40), ...at(0.5, 20, 19), ...at(0.3, 20, 16)];
    expect(calibrateThreshold(scored, { targetPrecision: 0.9 })).toMatchObject({ threshold: 0.3, precision: 0.9375 });
  });
});

describe('thresholdInForce', () => {
  it('uses the calibrated threshold, never below the configured minimum', () => {
    expect(thresholdInForce({ outcome: 'calibrated', threshold: 0.42 }, 0.2, 0.6)).toBe(0.42);
    expect(thresholdInForce({ outcome: 'calibrated', threshold: 0.12 }, 0.2, 0.6)).toBe(0.2);
  });

  it('falls back to the uncalibrated threshold without enough history, and turns auto-triage off when the target is out of reach', () => {
    expect(thresholdInForce({ outcome: 'too_little_history', threshold: null }, 0.2, 0.6)).toBe(0.6);
    expect(thresholdInForce({ outcome: 'too_little_history', threshold: null }, 0.7, 0.6)).toBe(0.7);
    expect(thresholdInForce({ outcome: 'target_not_reached', threshold: null }, 0.2, 0.6)).toBeNull();
  });
});

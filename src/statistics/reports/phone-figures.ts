import { percent, roundTo } from '../figures';
import { CountedValues } from '../percentiles';
import { GroupKey } from '../report-grouping';

export type DirectAnswerSource = 'call_records' | 'contacts';

/** What the phone report adds up per group. */
export interface CallCounts {
  calls: number;
  answered: number;
  abandoned: number;
  answeredWaitSeconds: number;
  answeredWithinTarget: number;
  /** Calls (or, as a stand-in, phone contacts) for which a direct answer is known either way. */
  directAnswerKnown: number;
  directAnswers: number;
  /** Waits of answered calls in whole seconds, counted per value, for the median and the 90th percentile. */
  waits: CountedValues;
}

export interface PhoneStatisticsRow {
  group: GroupKey;
  calls: number;
  answered: number;
  answeredPercent: number | null;
  abandoned: number;
  abandonedPercent: number | null;
  averageWaitSeconds: number | null;
  medianWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  answerTargetSeconds: number;
  answeredWithinTarget: number;
  answeredWithinTargetPercent: number | null;
  directAnswerSource: DirectAnswerSource;
  directAnswers: number;
  directAnswerBase: number;
  directAnswerPercent: number | null;
}

export function noCalls(): CallCounts {
  return {
    calls: 0,
    answered: 0,
    abandoned: 0,
    answeredWaitSeconds: 0,
    answeredWithinTarget: 0,
    directAnswerKnown: 0,
    directAnswers: 0,
    waits: new CountedValues(),
  };
}

export function sumCalls(groups: Iterable<CallCounts>): CallCounts {
  const total = noCalls();
  for (const group of groups) {
    total.calls += group.calls;
    total.answered += group.answered;
    total.abandoned += group.abandoned;
    total.answeredWaitSeconds += group.answeredWaitSeconds;
    total.answeredWithinTarget += group.answeredWithinTarget;
    total.directAnswerKnown += group.directAnswerKnown;
    total.directAnswers += group.directAnswers;
    total.waits.addAll(group.waits);
  }
  return total;
}

/**
 * Waits are those of answered calls (the time to answer); answered within target is out of all
 * calls, so that a caller who gave up counts against the target rather than disappearing from it.
 */
export function phoneRow(
  group: GroupKey,
  counts: CallCounts,
  answerTargetSeconds: number,
  source: DirectAnswerSource,
): PhoneStatisticsRow {
  const { median, p90 } = counts.waits.medianAndP90();
  return {
    group,
    calls: counts.calls,
    answered: counts.answered,
    answeredPercent: percent(counts.answered, counts.calls),
    abandoned: counts.abandoned,
    abandonedPercent: percent(counts.abandoned, counts.calls),
    averageWaitSeconds: counts.answered === 0 ? null : roundTo(counts.answeredWaitSeconds / counts.answered, 2),
    medianWaitSeconds: median,
    p90WaitSeconds: p90,
    answerTargetSeconds,
    answeredWithinTarget: counts.answeredWithinTarget,
    answeredWithinTargetPercent: percent(counts.answeredWithinTarget, counts.calls),
    directAnswerSource: source,
    directAnswers: counts.directAnswers,
    directAnswerBase: counts.directAnswerKnown,
    directAnswerPercent: percent(counts.directAnswers, counts.directAnswerKnown),
  };
}

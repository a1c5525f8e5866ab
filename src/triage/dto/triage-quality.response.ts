import { ApiProperty } from '@nestjs/swagger';
import { TriageQualityReport } from '../triage-quality';

const SHARE = { type: Number, nullable: true, minimum: 0, maximum: 1 } as const;

/** The auto-triage threshold read off the held-out history. */
export class TriageCalibrationResponse {
  @ApiProperty({
    enum: ['calibrated', 'too_little_history', 'target_not_reached'],
    description:
      'calibrated: a threshold kept the target precision; too_little_history: fewer than 50 held-out cases (the threshold in force is then 0.6, or the configured minimum if higher); target_not_reached: no threshold kept it, so auto-triage is off',
  })
  outcome: string;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'Share of automatic triages that must be right', example: 0.95 })
  targetPrecision: number;

  @ApiProperty({ description: 'Held-out cases measured', example: 114 })
  heldOutExamples: number;

  @ApiProperty({
    ...SHARE,
    description: 'The lowest confidence at which automatic triage kept the target precision on held-out history',
    example: 0.1565,
  })
  threshold: number | null;

  @ApiProperty({ ...SHARE, description: 'Right among the held-out cases at or above the threshold', example: 0.9545 })
  precision: number | null;

  @ApiProperty({
    ...SHARE,
    description: 'Share of the held-out cases at or above the threshold: those triaged without a person',
    example: 0.9649,
  })
  coverage: number | null;

  @ApiProperty({ description: 'Held-out cases at or above the threshold', example: 110 })
  autoTriaged: number;
}

/**
 * How well triage would have done on a held-out fifth of the history, trained on the rest, and
 * the auto-triage threshold calibrated there. Shares are 0..1 with four decimals, null when their
 * base is 0.
 */
export class TriageQualityResponse {
  @ApiProperty({ description: 'History cases trained on', example: 480 })
  trainingExamples: number;

  @ApiProperty({ description: 'History cases held out and measured', example: 120 })
  heldOutExamples: number;

  @ApiProperty({ ...SHARE, description: 'Share whose top suggestion was the type a person chose' })
  accuracy: number | null;

  @ApiProperty({ ...SHARE, description: 'Share whose chosen type was among the top three suggestions' })
  top3Accuracy: number | null;

  @ApiProperty({ ...SHARE, description: 'Share that would have been triaged automatically at the threshold in force' })
  autoTriagedShare: number | null;

  @ApiProperty({ ...SHARE, description: 'Accuracy among those: the error rate citizens would see' })
  accuracyWhenAutoTriaged: number | null;

  @ApiProperty({
    ...SHARE,
    description:
      'The threshold in force: the confidence at or above which the routing job sets a type without a person. The calibrated threshold, never below the configured minimum; null: auto-triage is off',
    example: 0.2,
  })
  autoTriageThreshold: number | null;

  @ApiProperty({
    minimum: 0,
    maximum: 1,
    description: 'TRIAGE_MIN_CONFIDENCE: a floor, the threshold in force is never below it',
    example: 0.2,
  })
  configuredMinimum: number;

  @ApiProperty({ type: TriageCalibrationResponse })
  calibration: TriageCalibrationResponse;

  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: {
        heldOutExamples: { type: 'integer' },
        correct: { type: 'integer' },
        accuracy: { type: 'number', minimum: 0, maximum: 1 },
      },
      required: ['heldOutExamples', 'correct', 'accuracy'],
    },
    description: 'Per catalog type of the held-out cases: how many, how many right, and the share',
    example: { street_light: { heldOutExamples: 12, correct: 11, accuracy: 0.9167 } },
  })
  perCatalogCode: TriageQualityReport['perCatalogCode'];
}

export function toTriageQualityResponse(report: TriageQualityReport): TriageQualityResponse {
  return {
    trainingExamples: report.trainingExamples,
    heldOutExamples: report.heldOutExamples,
    accuracy: report.accuracy,
    top3Accuracy: report.top3Accuracy,
    autoTriagedShare: report.autoTriagedShare,
    accuracyWhenAutoTriaged: report.accuracyWhenAutoTriaged,
    autoTriageThreshold: report.autoTriageThreshold,
    configuredMinimum: report.configuredMinimum,
    calibration: { ...report.calibration },
    perCatalogCode: report.perCatalogCode,
  };
}

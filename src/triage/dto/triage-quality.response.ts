import { ApiProperty } from '@nestjs/swagger';
import { TriageQualityReport } from '../triage-quality';

const SHARE = { type: Number, nullable: true, minimum: 0, maximum: 1 } as const;

/**
 * How well triage would have done on a held-out fifth of the history, trained on the rest.
 * Shares are 0..1 with four decimals, null when their base is 0.
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

  @ApiProperty({ ...SHARE, description: 'Share that would have been triaged automatically' })
  autoTriagedShare: number | null;

  @ApiProperty({ ...SHARE, description: 'Accuracy among those: the error rate citizens would see' })
  accuracyWhenAutoTriaged: number | null;

  @ApiProperty({ description: 'The confidence at or above which a type is set automatically', example: 0.6 })
  autoTriageThreshold: number;

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
    perCatalogCode: report.perCatalogCode,
  };
}

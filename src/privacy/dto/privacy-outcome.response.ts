import { ApiProperty } from '@nestjs/swagger';
import { CorrectionOutcome, ErasureOutcome, PrivacyOutcomeItem } from '../privacy-requests.service';

/** One thing an erasure or correction dealt with. */
export class PrivacyOutcomeItemResponse {
  @ApiProperty({ enum: ['citizen', 'contact', 'case'], description: 'A citizen record, a contact or a case' })
  what: 'citizen' | 'contact' | 'case';

  @ApiProperty({ example: '2026-000123', description: "The case's reference, or the contact's or citizen record's id" })
  id: string;

  @ApiProperty({ required: false, description: 'Why it was kept: the obligation or need that keeps it' })
  reason?: string;
}

/** What an erasure (GDPR art. 17) erased and what it kept, and why. */
export class ErasureResponse {
  @ApiProperty({ type: [PrivacyOutcomeItemResponse] }) erased: PrivacyOutcomeItemResponse[];
  @ApiProperty({ type: [PrivacyOutcomeItemResponse] }) kept: PrivacyOutcomeItemResponse[];
}

/** What a correction (GDPR art. 16) corrected, and what it kept as it was, and why. */
export class CorrectionResponse {
  @ApiProperty({ type: [PrivacyOutcomeItemResponse] }) corrected: PrivacyOutcomeItemResponse[];
  @ApiProperty({ type: [String], example: ['email'], description: 'The details corrected' }) fields: string[];
  @ApiProperty({ type: [PrivacyOutcomeItemResponse] }) kept: PrivacyOutcomeItemResponse[];
}

const item = (entry: PrivacyOutcomeItem): PrivacyOutcomeItemResponse => ({ ...entry });

export function toErasureResponse(outcome: ErasureOutcome): ErasureResponse {
  return { erased: outcome.erased.map(item), kept: outcome.kept.map(item) };
}

export function toCorrectionResponse(outcome: CorrectionOutcome): CorrectionResponse {
  return { corrected: outcome.corrected.map(item), fields: outcome.fields, kept: outcome.kept.map(item) };
}

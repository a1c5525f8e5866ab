import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { PageResponse } from '../../common/page.response';
import { CASE_KINDS, CaseKind } from '../../catalog/catalog.types';
import { RetentionPoliciesInForce } from '../retention-policies.service';
import { RetentionRunView } from '../retention.service';

const DAYS = { type: Number, minimum: 1, maximum: 36500 } as const;

/** One retention rule: for a catalog entry, for a kind, or (neither) the default. */
export class RetentionPolicyResponse {
  @ApiProperty({ required: false, example: 'water_leak', description: 'The catalog entry the rule is for' })
  catalogCode?: string;

  @ApiProperty({ required: false, enum: CASE_KINDS, description: 'The kind the rule is for' })
  kind?: CaseKind;

  @ApiProperty({ ...DAYS, example: 730, description: 'Days after closing that a case keeps its personal data' })
  caseRetentionDays: number;

  @ApiProperty({
    ...DAYS,
    example: 90,
    description: 'Days after it ended that a contact answered without a case keeps its personal data',
  })
  contactRetentionDays: number;
}

/** The retention rules in force. */
export class RetentionPoliciesResponse {
  @ApiProperty({ type: [RetentionPolicyResponse] })
  policies: RetentionPolicyResponse[];

  @ApiProperty({ description: 'True while no rules are stored and the built-in ones apply' })
  builtIn: boolean;

  @ApiInstant('When the stored rules were last replaced; null for the built-in ones', { nullable: true })
  updatedAt: Date | null;
}

export function toRetentionPoliciesResponse(inForce: RetentionPoliciesInForce): RetentionPoliciesResponse {
  return {
    policies: inForce.policies.map((policy) => ({ ...policy })),
    builtIn: inForce.builtIn,
    updatedAt: inForce.updatedAt,
  };
}

const COUNT = { type: Number, minimum: 0, example: 0 } as const;

/** What a retention run did, as counts (never the data). */
export class RetentionRunResponse {
  @ApiProperty({ example: 12 })
  id: number;

  @ApiProperty({ enum: ['schedule', 'admin'] })
  trigger: 'schedule' | 'admin';

  @ApiInstant('When the run started')
  startedAt: Date;

  @ApiInstant('When it finished')
  finishedAt: Date;

  @ApiProperty({ ...COUNT, description: 'Cases whose citizen link, location and personal data in texts were removed' })
  casesAnonymised: number;

  @ApiProperty({ ...COUNT, description: 'Texts redacted on those cases: descriptions, notes, replies, reasons' })
  caseTextsRedacted: number;

  @ApiProperty({ ...COUNT, description: 'Contacts whose citizen link was removed and summary redacted' })
  contactsAnonymised: number;

  @ApiProperty({ ...COUNT, description: 'Notes on callbacks made, redacted' })
  callbackNotesRedacted: number;

  @ApiProperty({ ...COUNT, description: 'Messages to citizens whose citizen link and masked address were removed' })
  messagesAnonymised: number;

  @ApiProperty({ ...COUNT, description: 'Citizen records deleted, nothing kept referring to them' })
  citizensDeleted: number;

  @ApiProperty({ ...COUNT, description: 'Photos citizens sent with their cases (e-service form, Open311), deleted' })
  photosDeleted: number;

  @ApiProperty({ ...COUNT, description: 'Free comments of the satisfaction survey removed; the grades stay' })
  ratingCommentsRemoved: number;

  @ApiProperty({ ...COUNT, description: 'E-mails from the citizen about the case, kept whole, deleted' })
  emailsDeleted: number;
}

/** The retention runs done, newest first. */
export class RetentionRunPageResponse extends PageResponse(RetentionRunResponse) {}

export function toRetentionRunResponse(run: RetentionRunView): RetentionRunResponse {
  return { ...run };
}

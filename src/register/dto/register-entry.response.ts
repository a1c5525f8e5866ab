import { ApiProperty } from '@nestjs/swagger';
import { RegisterEntry } from '../entities/register-entry.entity';
import { PUBLIC_STATUSES, PublicStatus } from '../register-publication';

/** A case's register entry as its handlers see it: what is published, when, and their own decisions. */
export class RegisterEntryResponse {
  @ApiProperty({ example: '2026-000123' })
  reference: string;

  @ApiProperty({ enum: PUBLIC_STATUSES })
  status: PublicStatus;

  @ApiProperty()
  confidential: boolean;

  @ApiProperty()
  withheld: boolean;

  @ApiProperty({ description: 'UTC: when the entry may be published' })
  publishAfter: string;

  @ApiProperty({ nullable: true, description: 'UTC: when it was first published' })
  publishedAt: string | null;

  @ApiProperty({ description: 'Whether the published text is up to date with the latest change' })
  upToDate: boolean;

  @ApiProperty({ nullable: true, description: 'The text as published, redacted' })
  publishedSummary: string | null;

  @ApiProperty({
    nullable: true,
    description: "The handler's own wording, published (redacted) instead of the description",
  })
  editedSummary: string | null;

  @ApiProperty({ nullable: true, description: 'UTC' })
  editedAt: string | null;
}

export function toRegisterEntryResponse(entry: RegisterEntry): RegisterEntryResponse {
  return {
    reference: entry.reference,
    status: entry.status,
    confidential: entry.confidential,
    withheld: entry.withheld,
    publishAfter: entry.publishAfter.toISOString(),
    publishedAt: entry.publishedAt?.toISOString() ?? null,
    upToDate: entry.publishedVersion === entry.planVersion,
    publishedSummary: entry.summary,
    editedSummary: entry.editedSummary,
    editedAt: entry.editedAt?.toISOString() ?? null,
  };
}

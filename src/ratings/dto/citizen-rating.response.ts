import { ApiProperty } from '@nestjs/swagger';
import { GENDERS } from '../../citizens/citizen.types';
import { ApiInstant } from '../../common/api-instant.decorator';
import { CitizenRating, RATING_SOURCES } from '../entities/citizen-rating.entity';

const SCORE = { type: Number, nullable: true, minimum: 1, maximum: 5 } as const;

/**
 * A citizen's rating of one contact or one case, scores 1-5 (null: not asked or not answered).
 * Channel, department, service point and gender are copied from what was rated, so that the
 * statistics survive the deletion of the contact, case or person.
 */
export class CitizenRatingResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The rated contact, or null' })
  contactId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The rated case, or null' })
  caseId: string | null;

  @ApiProperty({ ...SCORE, description: 'Ease (enkelhet): how easy it was to get in touch and get help' })
  ease: number | null;

  @ApiProperty({ ...SCORE, description: 'Treatment (bemötande): how the citizen was treated' })
  treatment: number | null;

  @ApiProperty({ ...SCORE, description: 'Clarity (tydlighet): how clear the information or answer was' })
  clarity: number | null;

  @ApiProperty({ description: 'The channel of what was rated', example: 'phone' })
  channel: string;

  @ApiProperty({ type: String, nullable: true, description: 'The department the rating counts for', example: 'SC' })
  departmentCode: string | null;

  @ApiProperty({ type: String, nullable: true })
  servicePointCode: string | null;

  @ApiProperty({ type: String, enum: GENDERS, nullable: true })
  gender: string | null;

  @ApiProperty({ enum: RATING_SOURCES, description: 'Recorded by staff, or given by the citizen through the survey' })
  source: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The staff member who recorded it' })
  recordedById: string | null;

  @ApiInstant('When it was given')
  ratedAt: Date;
}

export function toCitizenRatingResponse(rating: CitizenRating): CitizenRatingResponse {
  return {
    id: rating.id,
    contactId: rating.contactId,
    caseId: rating.caseId,
    ease: rating.ease,
    treatment: rating.treatment,
    clarity: rating.clarity,
    channel: rating.channel,
    departmentCode: rating.departmentCode,
    servicePointCode: rating.servicePointCode,
    gender: rating.gender,
    source: rating.source,
    recordedById: rating.recordedById,
    ratedAt: rating.ratedAt,
  };
}

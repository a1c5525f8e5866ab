import { ApiProperty } from '@nestjs/swagger';
import { GENDERS, MESSAGE_LANGUAGES } from '../citizen.types';
import { CitizenView } from '../citizens.service';

/** The citizen of a contact or case as staff see them; a personal identity number is never sent. */
export class CitizenResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true, example: 'Anna Andersson' })
  name: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'anna@example.com' })
  email: string | null;

  @ApiProperty({ type: String, nullable: true, example: '070-123 45 67' })
  phone: string | null;

  @ApiProperty({ type: String, enum: GENDERS, nullable: true, description: 'As the citizen stated it, for statistics' })
  gender: string | null;

  @ApiProperty({
    type: String,
    enum: MESSAGE_LANGUAGES,
    nullable: true,
    description: 'The language for messages; null: not known (Swedish)',
  })
  language: string | null;

  @ApiProperty({ description: 'Whether a personal identity number is on file (it is stored encrypted)' })
  hasPersonalNumber: boolean;
}

export function toCitizenResponse(citizen: CitizenView): CitizenResponse {
  return {
    id: citizen.id,
    name: citizen.name,
    email: citizen.email,
    phone: citizen.phone,
    gender: citizen.gender,
    language: citizen.language,
    hasPersonalNumber: citizen.hasPersonalNumber,
  };
}

import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { ContactCallback } from '../entities/contact-callback.entity';

/** A promised callback that was made: when, by whom, and whether the citizen answered. */
export class ContactCallbackResponse {
  @ApiProperty({ format: 'uuid', description: 'The contact that promised the callback' })
  contactId: string;

  @ApiInstant('When the citizen was called back')
  madeAt: Date;

  @ApiProperty({ description: 'Whether the citizen answered; a call that did not reach them still keeps the promise' })
  reached: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'No answer, left a voicemail' })
  note: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The staff member who called' })
  madeById: string | null;

  @ApiInstant('When it was recorded')
  createdAt: Date;
}

export function toContactCallbackResponse(callback: ContactCallback): ContactCallbackResponse {
  return {
    contactId: callback.contactId,
    madeAt: callback.madeAt,
    reached: callback.reached,
    note: callback.note,
    madeById: callback.madeById,
    createdAt: callback.createdAt,
  };
}

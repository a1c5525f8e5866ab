import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';

/** An attachment of a citizen's e-mail, as a data URL a browser opens or saves. */
export class EmailAttachmentResponse {
  @ApiProperty({ type: String, nullable: true, example: 'hal-i-vagen.jpg' })
  filename: string | null;

  @ApiProperty({ example: 'image/jpeg' })
  contentType: string;

  @ApiProperty({ example: 482113, description: 'Bytes' })
  sizeBytes: number;

  @ApiProperty({ example: 'data:image/jpeg;base64,/9j/4AAQSkZJRg...' })
  dataUrl: string;
}

/** One e-mail the citizen sent about a case, whole: the text as written (quotes included) and its attachments. */
export class CaseEmailResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '<CAF=x7@mail.example.se>' })
  messageId: string;

  @ApiInstant('When we received it (UTC)')
  receivedAt: Date;

  @ApiProperty({ example: 'Anna Andersson <anna@example.se>' })
  from: string;

  @ApiProperty({ example: 'Gatlampan är trasig' })
  subject: string;

  @ApiProperty({ description: 'The whole text part (or the HTML part as text), quotes and signature included' })
  text: string;

  @ApiProperty({ type: [EmailAttachmentResponse] })
  attachments: EmailAttachmentResponse[];
}

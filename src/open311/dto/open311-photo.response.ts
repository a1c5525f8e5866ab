import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { Open311Photo } from '../entities/open311-photo.entity';

/** The photo a citizen's app sent with a service request, metadata removed, as a data URL an <img> shows. */
export class Open311PhotoResponse {
  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ enum: ['image/jpeg', 'image/png'] })
  contentType: string;

  @ApiProperty({ example: 482113, description: 'Bytes, as stored' })
  sizeBytes: number;

  @ApiInstant('When it was received')
  receivedAt: Date;

  @ApiProperty({ example: 'data:image/jpeg;base64,/9j/4AAQSkZJRg...' })
  dataUrl: string;
}

export function toOpen311PhotoResponse(photo: Open311Photo): Open311PhotoResponse {
  return {
    caseId: photo.caseId,
    contentType: photo.contentType,
    sizeBytes: photo.sizeBytes,
    receivedAt: photo.createdAt,
    dataUrl: `data:${photo.contentType};base64,${Buffer.from(photo.bytes).toString('base64')}`,
  };
}

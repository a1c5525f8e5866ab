import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { ApiInstant } from '../../common/api-instant.decorator';
import { HasText } from '../../common/has-text.decorator';
import { Open311ClientView } from '../open311-clients.service';

/** A client application to issue an Open311 API key to. */
export class CreateOpen311ClientDto {
  @ApiProperty({ example: 'FixaMinGata', description: 'Who the key is for, as admins will recognise it' })
  @IsString()
  @HasText()
  @MaxLength(200)
  name: string;
}

/** A client application of the Open311 interface; its key is never shown again. */
export class Open311ClientResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'FixaMinGata' })
  name: string;

  @ApiInstant('When the key was issued')
  createdAt: Date;

  @ApiInstant('When the key was revoked; null while it works', { nullable: true })
  revokedAt: Date | null;
}

/** A newly issued key: `apiKey` is shown this once and kept only as a hash. */
export class IssuedOpen311ClientResponse extends Open311ClientResponse {
  @ApiProperty({ example: 'q3Jx0v6S0bS2mY0XH1m6b1lq1v3jH8m4h2mG3kq9ZpA', description: 'Shown once; store it now' })
  apiKey: string;
}

export function toOpen311ClientResponse(client: Open311ClientView): Open311ClientResponse {
  return { id: client.id, name: client.name, createdAt: client.createdAt, revokedAt: client.revokedAt };
}

import {
  Controller,
  ForbiddenException,
  HttpCode,
  Inject,
  NotFoundException,
  PayloadTooLargeException,
  Post,
  Req,
  UnauthorizedException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Request } from 'express';
import { Readable } from 'node:stream';
import { decodedBody, drainRequest } from '../imports/import-format';
import { Public } from '../auth/public.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { sameSecret } from '../common/same-secret';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { INBOUND_EMAIL_LIMITS, InboundEmailReception, MessageTooLargeError } from './inbound-email-reception.service';

/** What the gateway is told of an accepted message: its id here, and whether it was already here. */
export class AcceptedEmailResponse {
  @ApiProperty({ format: 'uuid', description: 'The stored message' })
  inboundEmailId: string;

  @ApiProperty({ description: 'True when a message with this Message-ID was already stored (kept once)' })
  duplicate: boolean;
}

/**
 * POST /api/v1/inbound/email: a mail gateway hands in one raw RFC 822 message
 * (`Content-Type: message/rfc822`), authenticated with the shared secret INBOUND_EMAIL_SECRET as
 * `Authorization: Bearer <secret>` (compared in constant time). 202 once the message is stored
 * with its filing job; the same Message-ID again is a 202 too, stored once. Without the secret
 * configured the endpoint does not exist (404).
 */
@ApiTags('inbound e-mail')
@Public()
@Controller('api/v1/inbound/email')
export class InboundEmailController {
  constructor(
    private readonly reception: InboundEmailReception,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Hand in an e-mail to the service center (raw RFC 822, message/rfc822)' })
  @ApiHeader({ name: 'Authorization', description: 'Bearer INBOUND_EMAIL_SECRET' })
  @ApiConsumes('message/rfc822')
  @ApiBody({ description: 'One raw RFC 822 message, at most 25 MB', schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({ type: AcceptedEmailResponse, description: 'Stored; it is filed in the background' })
  @ApiErrors(400, 401, 403, 404, 413, 415)
  async receive(@Req() request: Request): Promise<AcceptedEmailResponse> {
    const refusal = this.refusalOf(request);
    if (refusal) {
      // Read to its end, so the answer reaches the gateway instead of a reset connection.
      await drainRequest(request);
      throw refusal;
    }
    const raw = await readBody(decodedBody(request), INBOUND_EMAIL_LIMITS.messageBytes);
    try {
      return await this.reception.accept(raw);
    } catch (error: unknown) {
      if (error instanceof MessageTooLargeError) throw new PayloadTooLargeException(error.message);
      throw error;
    }
  }

  /** Why the request is refused before its body is read: 404 (off), 401, 403, 415; null when it is not. */
  private refusalOf(request: Request): Error | null {
    const secret = this.config.inboundEmail.secret;
    if (!secret) return new NotFoundException();
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!given) return new UnauthorizedException('Send Authorization: Bearer <INBOUND_EMAIL_SECRET>');
    if (!sameSecret(given, secret)) return new ForbiddenException('The inbound e-mail secret does not match');
    if (!request.is('message/rfc822'))
      return new UnsupportedMediaTypeException('Content-Type: send the message as message/rfc822');
    return null;
  }
}

/** The request's body as bytes (a gzip, deflate or br Content-Encoding undone), at most `most` of them (413 beyond). */
async function readBody(body: Readable, most: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > most) throw new PayloadTooLargeException(`The message is larger than ${most} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

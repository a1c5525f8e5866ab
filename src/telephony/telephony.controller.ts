import { Controller, Get, HttpCode, Post, Query, Req, UnsupportedMediaTypeException, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { InvalidInputError } from '../common/domain-errors';
import { toPageResponse } from '../common/page.response';
import { decodedBody, drainRequest, readImportLines } from '../imports/import-format';
import { uploadCharset } from '../imports/upload-text';
import { SourceLine } from '../imports/source-line';
import { CALL_RECORD_FIELDS, REQUIRED_CALL_RECORD_FIELDS } from './call-record-validator';
import { CallImportResultDto } from './dto/call-import-result.dto';
import { CallRecordPageResponse, toCallRecordResponse } from './dto/call-record.response';
import { ListCallsQuery } from './dto/list-calls-query.dto';
import { TelephonyService } from './telephony.service';
import { TelephonyWebhookGuard } from './telephony-webhook.guard';

const CALL_SHAPE = { fields: CALL_RECORD_FIELDS, required: REQUIRED_CALL_RECORD_FIELDS };

@ApiTags('telephony')
@Controller('api/v1/telephony/calls')
export class TelephonyController {
  constructor(private readonly telephony: TelephonyService) {}

  /**
   * One endpoint for both ways the platform delivers: a JSON webhook (one record or an
   * array, parsed by Express's JSON parser up to this endpoint's own 5 MB limit, see
   * LARGER_JSON_BODIES) and a CSV export with a header row, streamed from the request
   * unparsed (a gzip, deflate or br Content-Encoding undone as it streams in).
   */
  @Post()
  @Public()
  @UseGuards(TelephonyWebhookGuard)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Store call records from the telephony platform (JSON webhook or CSV), all or nothing, once per callId',
  })
  @ApiHeader({
    name: 'X-Telephony-Secret',
    required: false,
    description: 'The shared secret TELEPHONY_WEBHOOK_SECRET; or send an admin bearer token',
  })
  @ApiBearerAuth()
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({
    schema: {
      example: {
        callId: 'c-100',
        startedAt: '2025-05-12T08:03:10Z',
        queue: 'main',
        waitSeconds: 45,
        outcome: 'answered',
        talkSeconds: 180,
        callbackRequested: false,
        directAnswer: true,
      },
    },
  })
  @ApiOkResponse({ type: CallImportResultDto })
  @ApiErrors(400, 401, 403, 413, 415)
  async receive(@Req() request: Request): Promise<CallImportResultDto> {
    try {
      const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (mediaType === 'application/json')
        return await this.telephony.storeCalls('webhook', jsonRecords(request.body));
      if (mediaType === 'text/csv')
        return await this.telephony.storeCalls(
          'csv',
          readImportLines(decodedBody(request), 'csv', CALL_SHAPE, uploadCharset(request.headers['content-type'])),
        );
      throw new UnsupportedMediaTypeException(
        `Content-Type must be application/json or text/csv; got "${mediaType || 'none'}"`,
      );
    } finally {
      await drainRequest(request);
    }
  }

  @Get()
  @Roles('manager', 'admin')
  @ApiBearerAuth()
  @ApiOkResponse({ type: CallRecordPageResponse, description: 'Newest first' })
  @ApiErrors(400, 401, 403)
  async list(@Query() query: ListCallsQuery): Promise<CallRecordPageResponse> {
    return toPageResponse(await this.telephony.list(query), toCallRecordResponse);
  }
}

/** A webhook's records as numbered lines: the position in the array, or 1 for a single object. */
async function* jsonRecords(body: unknown): AsyncGenerator<SourceLine> {
  if (typeof body !== 'object' || body === null)
    throw new InvalidInputError(['body: must be one call record or an array of them']);
  const records: unknown[] = Array.isArray(body) ? body : [body];
  for (const [index, record] of records.entries()) {
    const isObject = typeof record === 'object' && record !== null && !Array.isArray(record);
    yield {
      line: index + 1,
      fields: isObject ? (record as Record<string, unknown>) : null,
      errors: isObject ? [] : ['must be a JSON object'],
    };
  }
}

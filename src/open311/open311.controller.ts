import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseEnumPipe,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { InvalidInputError, NotFoundError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import {
  createdDocument,
  discoveryDocument,
  requestsDocument,
  serviceDefinitionDocument,
  servicesDocument,
  tokenDocument,
  updateCreatedDocument,
  updatesDocument,
} from './dto/open311-answers';
import { readServiceRequestQuery } from './dto/service-request-query';
import { readServiceRequest } from './dto/service-request.input';
import { Open311ClientsService } from './open311-clients.service';
import {
  Open311Document,
  Open311Format,
  OPEN311_FORMATS,
  OPEN311_MEDIA_TYPES,
  renderOpen311,
} from './open311-document';
import { Open311ExceptionFilter } from './open311-exception.filter';
import { Open311Service } from './open311.service';
import { photoTypeOf, PhotoType, withoutMetadata } from '../common/photo-metadata';

/** The largest photo a citizen's app may send as `media`, in bytes (8 MB; 413 above it). */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;

type Fields = Record<string, unknown>;

const FORMAT = new ParseEnumPipe(Object.fromEntries(OPEN311_FORMATS.map((format) => [format, format])), {
  exceptionFactory: () => new NotFoundException('The format is .xml or .json'),
});

/** The longest a citizen's update may be, in characters (as a description). */
const MAX_UPDATE_LENGTH = 4000;

/**
 * Open311 GeoReport v2 under `/open311/v2`, in XML and JSON by the path's suffix, for citizens'
 * apps (docs/citizen-channels.md). Public: reading needs no key; posting needs a client
 * application's `api_key`. The specification describes these operations, so they stay out of
 * the OpenAPI document of the staff API.
 */
@ApiExcludeController()
@Public()
@UseFilters(Open311ExceptionFilter)
@Controller('open311/v2')
export class Open311Controller {
  constructor(
    private readonly open311: Open311Service,
    private readonly clients: Open311ClientsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('discovery.:format')
  discovery(@Param('format', FORMAT) format: Open311Format, @Req() request: Request, @Res() response: Response): void {
    const url = `${request.protocol}://${request.get('host')}/open311/v2`;
    send(response, format, 200, discoveryDocument(this.config.open311, url));
  }

  @Get('services.:format')
  async services(
    @Param('format', FORMAT) format: Open311Format,
    @Query() query: Fields,
    @Res() response: Response,
  ): Promise<void> {
    this.requireJurisdiction(query);
    send(response, format, 200, servicesDocument(await this.open311.services()));
  }

  @Get('services/:code.:format')
  async service(
    @Param('code') code: string,
    @Param('format', FORMAT) format: Open311Format,
    @Query() query: Fields,
    @Res() response: Response,
  ): Promise<void> {
    this.requireJurisdiction(query);
    send(response, format, 200, serviceDefinitionDocument(await this.open311.service(code)));
  }

  @Post('requests.:format')
  @HttpCode(201)
  @UseInterceptors(
    FileInterceptor('media', { limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 100, fieldSize: 64 * 1024 } }),
  )
  async submit(
    @Param('format', FORMAT) format: Open311Format,
    @Query() query: Fields,
    @Body() body: Fields | undefined,
    @UploadedFile() media: UploadedPhoto | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const fields = { ...query, ...(body ?? {}) };
    this.requireJurisdiction(fields);
    const client = await this.clients.authenticate(fields.api_key);
    const { input, problems } = await readServiceRequest(fields);
    const photo = media ? readPhoto(media, problems) : undefined;
    if (problems.length) throw new InvalidInputError(problems);
    send(response, format, 201, createdDocument(await this.open311.submit(client, input, photo)));
  }

  @Get('requests.:format')
  async list(
    @Param('format', FORMAT) format: Open311Format,
    @Query() query: Fields,
    @Res() response: Response,
  ): Promise<void> {
    this.requireJurisdiction(query);
    const { query: criteria, problems } = readServiceRequestQuery(query);
    if (problems.length) throw new InvalidInputError(problems);
    send(response, format, 200, requestsDocument(await this.open311.list(criteria), query.extensions === 'true'));
  }

  @Get('requests/:id.:format')
  async find(
    @Param('id') id: string,
    @Param('format', FORMAT) format: Open311Format,
    @Query() query: Fields,
    @Res() response: Response,
  ): Promise<void> {
    this.requireJurisdiction(query);
    send(response, format, 200, requestsDocument([await this.open311.find(id)], query.extensions === 'true'));
  }

  @Get('tokens/:token.:format')
  async token(
    @Param('token') token: string,
    @Param('format', FORMAT) format: Open311Format,
    @Query() query: Fields,
    @Res() response: Response,
  ): Promise<void> {
    this.requireJurisdiction(query);
    send(response, format, 200, tokenDocument(await this.open311.byToken(token)));
  }

  @Get('servicerequestupdates.:format')
  async updates(
    @Param('format', FORMAT) format: Open311Format,
    @Query() query: Fields,
    @Res() response: Response,
  ): Promise<void> {
    this.requireJurisdiction(query);
    const client = await this.clients.authenticate(query.api_key);
    const { query: window, problems } = readServiceRequestQuery({
      start_date: query.start_date,
      end_date: query.end_date,
    });
    if (problems.length) throw new InvalidInputError(problems);
    const before = window.before ?? new Date(8.64e15);
    const from = window.from ?? new Date(0);
    send(response, format, 200, updatesDocument(await this.open311.updates(client, from, before)));
  }

  @Post('servicerequestupdates.:format')
  @HttpCode(201)
  async addUpdate(
    @Param('format', FORMAT) format: Open311Format,
    @Query() query: Fields,
    @Body() body: Fields | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const fields = { ...query, ...(body ?? {}) };
    this.requireJurisdiction(fields);
    const client = await this.clients.authenticate(fields.api_key);
    const problems: string[] = [];
    const text = (field: string, required: boolean, maxLength: number): string | null => {
      const value = fields[field];
      if (typeof value === 'string' && value.trim() !== '') {
        if (value.length > maxLength) problems.push(`${field} is longer than ${maxLength} characters`);
        return value.trim();
      }
      if (value !== undefined && value !== '') problems.push(`${field} must be given once, as text`);
      else if (required) problems.push(`${field} is required`);
      return null;
    };
    const reference = text('service_request_id', true, 64);
    const description = text('description', true, MAX_UPDATE_LENGTH);
    const status = text('status', false, 40);
    const clientUpdateId = text('update_id', false, 100);
    if (problems.length || !reference || !description) throw new InvalidInputError(problems);
    const updateId = await this.open311.addUpdate(client, reference, {
      description,
      status: status?.toUpperCase() ?? null,
      clientUpdateId,
    });
    send(response, format, 201, updateCreatedDocument(updateId));
  }

  /** One jurisdiction per installation: `jurisdiction_id` may be left out, and any other id is not found (404). */
  private requireJurisdiction(fields: Fields): void {
    const given = fields.jurisdiction_id;
    if (given === undefined || given === '') return;
    if (given !== this.config.open311.jurisdictionId) {
      throw new NotFoundError('jurisdiction_id', typeof given === 'string' ? given : JSON.stringify(given));
    }
  }
}

/** What multer hands over of an uploaded file (kept in memory, at most MAX_PHOTO_BYTES). */
interface UploadedPhoto {
  buffer: Buffer;
}

/** The uploaded photo without its metadata; adds a problem naming `media` when it is not a whole JPEG or PNG. */
function readPhoto(media: UploadedPhoto, problems: string[]): { contentType: PhotoType; bytes: Buffer } | undefined {
  const contentType = photoTypeOf(media.buffer);
  if (!contentType) {
    problems.push('media must be a JPEG or PNG photo');
    return undefined;
  }
  try {
    return { contentType, bytes: withoutMetadata(media.buffer) };
  } catch {
    problems.push(`media is not a whole ${contentType === 'image/jpeg' ? 'JPEG' : 'PNG'} file`);
    return undefined;
  }
}

function send(response: Response, format: Open311Format, status: number, document: Open311Document): void {
  response.status(status).setHeader('Content-Type', OPEN311_MEDIA_TYPES[format]).send(renderOpen311(format, document));
}

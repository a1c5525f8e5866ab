import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { ApiErrors } from '../common/api-errors.decorator';
import { InvalidInputError } from '../common/domain-errors';
import { CorrectionRequestDto, PersonLookupDto } from './dto/person-lookup.dto';
import { PersonExtractResponse, toPersonExtractResponse } from './dto/person-extract.response';
import {
  CorrectionResponse,
  ErasureResponse,
  toCorrectionResponse,
  toErasureResponse,
} from './dto/privacy-outcome.response';
import { extractDocument } from './extract-document';
import { lookupOf } from './person-lookup';
import { PrivacyRequestsService } from './privacy-requests.service';

/**
 * The rights of the person (GDPR art. 15-17), exercised through an admin on the person's request:
 * a register extract, erasure, correction. Each request is logged. See docs/personal-data.md.
 */
@ApiTags('privacy')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Roles('admin')
@Controller('api/v1/privacy')
export class PrivacyController {
  constructor(private readonly requests: PrivacyRequestsService) {}

  @Post('extracts')
  @HttpCode(200)
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({
    type: PersonExtractResponse,
    description: 'Everything held about the person; with Accept: text/html a readable document of the same',
  })
  async extract(
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: PersonLookupDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PersonExtractResponse | string> {
    const { kind, lookup } = lookupOf(body);
    const extract = toPersonExtractResponse(await this.requests.extract(staff, kind, lookup));
    if (!prefersHtml(accept)) return extract;
    response.type('html');
    return extractDocument(extract);
  }

  @Post('erasures')
  @HttpCode(200)
  @ApiOkResponse({ type: ErasureResponse, description: 'What was erased, and what was kept and why' })
  async erase(@CurrentStaff() staff: StaffPrincipal, @Body() body: PersonLookupDto): Promise<ErasureResponse> {
    const { kind, lookup } = lookupOf(body);
    return toErasureResponse(await this.requests.erase(staff, kind, lookup));
  }

  @Post('corrections')
  @HttpCode(200)
  @ApiOkResponse({ type: CorrectionResponse, description: 'What was corrected, and what was kept as written and why' })
  async correct(
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: CorrectionRequestDto,
  ): Promise<CorrectionResponse> {
    const { corrections, ...person } = body;
    const { kind, lookup } = lookupOf(person);
    const fields = Object.fromEntries(Object.entries(corrections).filter(([, value]) => value !== undefined));
    if (Object.keys(fields).length === 0)
      throw new InvalidInputError(['corrections: give at least one of name, email or phone']);
    return toCorrectionResponse(await this.requests.correct(staff, kind, lookup, fields));
  }
}

/** Whether the client asks for HTML before JSON (a browser, or `Accept: text/html`). */
function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = accept.indexOf('text/html');
  const json = accept.indexOf('application/json');
  return html >= 0 && (json < 0 || html < json);
}

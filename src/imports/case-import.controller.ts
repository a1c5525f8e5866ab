import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import type { StaffPrincipal } from '../auth/roles';
import { ApiErrors } from '../common/api-errors.decorator';
import { CaseImportService } from './case-import.service';
import { CASE_IMPORT_FIELDS, REQUIRED_CASE_IMPORT_FIELDS } from './case-line-validator';
import { CaseImportResultDto } from './dto/case-import-result.dto';
import { decodedBody, drainRequest, importFormat, readImportLines } from './import-format';
import { uploadCharset } from './upload-text';

const CASE_SHAPE = { fields: CASE_IMPORT_FIELDS, required: REQUIRED_CASE_IMPORT_FIELDS };

@ApiTags('import')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1/import')
export class CaseImportController {
  constructor(private readonly imports: CaseImportService) {}

  /**
   * The body is read as a stream straight from the request: Express's JSON parser only
   * takes application/json, so these media types reach here unread, whatever their size.
   * A gzip, deflate or br Content-Encoding is undone as it streams in.
   */
  @Post('cases')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Import historical cases, all or nothing (NDJSON, or CSV with a header row)' })
  @ApiConsumes('application/x-ndjson', 'text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example:
        '{"externalId":"LEG-1","receivedAt":"2024-03-05T08:15:00Z","departmentCode":"TEK","catalogCode":"street_light","channel":"phone","description":"Släckt gatlampa","status":"new"}',
    },
  })
  @ApiOkResponse({ type: CaseImportResultDto })
  @ApiErrors(400, 403, 409, 415)
  async importCases(@CurrentStaff() staff: StaffPrincipal, @Req() request: Request): Promise<CaseImportResultDto> {
    try {
      const contentType = request.headers['content-type'];
      const lines = readImportLines(
        decodedBody(request),
        importFormat(contentType),
        CASE_SHAPE,
        uploadCharset(contentType),
      );
      return await this.imports.importCases(staff, lines);
    } finally {
      await drainRequest(request);
    }
  }
}

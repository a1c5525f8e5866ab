import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { StaffPrincipal } from '../auth/roles';
import { CaseResponse, toCaseResponse } from '../cases/dto/case.response';
import { ApiErrors } from '../common/api-errors.decorator';
import { toPageResponse } from '../common/page.response';
import { PaginationQueryDto } from '../common/pagination.dto';
import { DepartmentInboxService } from './department-inbox.service';
import { InboxPageResponse, toInboxItemResponse } from './dto/inbox-item.response';

@ApiTags('inbox')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1/departments/:code/inbox')
export class DepartmentInboxController {
  constructor(private readonly inbox: DepartmentInboxService) {}

  /** The cases waiting for the department, most urgent first, then the one due first. */
  @Get()
  @ApiOkResponse({ type: InboxPageResponse })
  @ApiErrors(400, 403, 404)
  async list(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
    @Query() page: PaginationQueryDto,
  ): Promise<InboxPageResponse> {
    return toPageResponse(await this.inbox.list(staff, code, page), toInboxItemResponse);
  }

  /** Claims the next case for the caller: 200 with the case, now in progress and theirs, or 204 when the inbox is empty. */
  @Post('next')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseResponse, description: 'The claimed case, now in progress and assigned to the caller' })
  @ApiNoContentResponse({ description: 'Nothing left to claim' })
  @ApiErrors(403, 404)
  async next(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseResponse | undefined> {
    const claimed = await this.inbox.claimNext(staff, code);
    if (claimed) return toCaseResponse(claimed);
    response.status(204);
    return undefined;
  }
}

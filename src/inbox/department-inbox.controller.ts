import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { StaffPrincipal } from '../auth/roles';
import { CaseView } from '../cases/case.view';
import { Page, PaginationQueryDto } from '../common/pagination.dto';
import { DepartmentInboxService } from './department-inbox.service';
import { InboxItem } from './inbox-item.view';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('api/v1/departments/:code/inbox')
export class DepartmentInboxController {
  constructor(private readonly inbox: DepartmentInboxService) {}

  /** The cases waiting for the department, most urgent first, then the one due first. */
  @Get()
  list(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
    @Query() page: PaginationQueryDto,
  ): Promise<Page<InboxItem>> {
    return this.inbox.list(staff, code, page);
  }

  /** Claims the next case for the caller: 200 with the case, now in progress and theirs, or 204 when the inbox is empty. */
  @Post('next')
  @HttpCode(200)
  @ApiNoContentResponse({ description: 'Nothing left to claim' })
  async next(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('code') code: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseView | undefined> {
    const claimed = await this.inbox.claimNext(staff, code);
    if (claimed) return claimed;
    response.status(204);
    return undefined;
  }
}

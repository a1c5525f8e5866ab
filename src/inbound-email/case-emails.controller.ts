import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { StaffPrincipal } from '../auth/roles';
import { CasesService } from '../cases/cases.service';
import { ApiErrors } from '../common/api-errors.decorator';
import { ForbiddenError } from '../common/domain-errors';
import { CaseEmailResponse } from './dto/case-email.response';
import { InboundEmailReading } from './inbound-email-reading.service';

/**
 * Staff's view of the e-mails a citizen sent about a case, whole (the timeline shows what they
 * wrote without quotes and signature): for those who may read the case's content.
 */
@ApiTags('inbound e-mail')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1/cases')
export class CaseEmailsController {
  constructor(
    private readonly cases: CasesService,
    private readonly reading: InboundEmailReading,
  ) {}

  @Get(':id/emails')
  @ApiOperation({ summary: "The citizen's e-mails about a case, oldest first, with their attachments" })
  @ApiOkResponse({ type: [CaseEmailResponse] })
  @ApiErrors(403, 404)
  async emails(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<CaseEmailResponse[]> {
    // The case as the access policy lets this reader see it; an e-mail is content, like the description.
    const view = await this.cases.get(staff, id);
    if ('redacted' in view && view.redacted) {
      throw new ForbiddenError('The e-mails belong to a confidential case of another department');
    }
    return this.reading.emailsOf(view.id);
  }
}

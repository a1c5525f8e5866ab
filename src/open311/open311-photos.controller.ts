import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { StaffPrincipal } from '../auth/roles';
import { CasesService } from '../cases/cases.service';
import { ApiErrors } from '../common/api-errors.decorator';
import { ForbiddenError, NotFoundError } from '../common/domain-errors';
import { Open311PhotoResponse, toOpen311PhotoResponse } from './dto/open311-photo.response';
import { Open311Service } from './open311.service';

/** Staff's view of the photo an app sent with a service request: for those who may read the case. */
@ApiTags('open311')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1/open311/requests')
export class Open311PhotosController {
  constructor(
    private readonly cases: CasesService,
    private readonly open311: Open311Service,
  ) {}

  @Get(':id/photo')
  @ApiOperation({ summary: 'The photo sent with a service request, by case id or reference' })
  @ApiOkResponse({ type: Open311PhotoResponse })
  @ApiErrors(403, 404)
  async photo(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<Open311PhotoResponse> {
    // The case as the access policy lets this reader see it; a photo is content, like the description.
    const view = await this.cases.get(staff, id);
    if ('redacted' in view && view.redacted) {
      throw new ForbiddenError('The photo belongs to a confidential case of another department');
    }
    const photo = await this.open311.photoOf(view.id);
    if (!photo) throw new NotFoundError('Photo of case', id);
    return toOpen311PhotoResponse(photo);
  }
}

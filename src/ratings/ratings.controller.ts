import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { StaffPrincipal } from '../auth/roles';
import { ApiErrors } from '../common/api-errors.decorator';
import { CitizenRatingResponse, toCitizenRatingResponse } from './dto/citizen-rating.response';
import { RecordRatingDto } from './dto/record-rating.dto';
import { RatingsService } from './ratings.service';

@ApiTags('ratings')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1/ratings')
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  /** A staff member records the citizen's rating, e.g. asked at the end of a call. */
  @Post()
  @ApiCreatedResponse({ type: CitizenRatingResponse })
  @ApiErrors(400, 403, 404, 409)
  async record(@CurrentStaff() staff: StaffPrincipal, @Body() body: RecordRatingDto): Promise<CitizenRatingResponse> {
    const { contactId, caseId, ...scores } = body;
    return toCitizenRatingResponse(
      await this.ratings.record({ contactId, caseId }, scores, { source: 'staff', staff }),
    );
  }
}

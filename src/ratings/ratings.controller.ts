import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { StaffPrincipal } from '../auth/roles';
import { RecordRatingDto } from './dto/record-rating.dto';
import { CitizenRating } from './entities/citizen-rating.entity';
import { RatingsService } from './ratings.service';

@ApiTags('ratings')
@ApiBearerAuth()
@Controller('api/v1/ratings')
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  /** A staff member records the citizen's rating, e.g. asked at the end of a call. */
  @Post()
  record(@CurrentStaff() staff: StaffPrincipal, @Body() body: RecordRatingDto): Promise<CitizenRating> {
    const { contactId, caseId, ...scores } = body;
    return this.ratings.record({ contactId, caseId }, scores, { source: 'staff', staff });
  }
}

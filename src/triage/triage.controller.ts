import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { SuggestTriageDto } from './dto/suggest-triage.dto';
import { toTriageQualityResponse, TriageQualityResponse } from './dto/triage-quality.response';
import { toTriageSuggestionResponse, TriageSuggestionResponse } from './dto/triage-suggestion.response';
import { TriageService } from './triage.service';

@ApiTags('triage')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1/triage')
export class TriageController {
  constructor(private readonly triage: TriageService) {}

  /** What type a text looks like, for an agent deciding by hand. */
  @Post('suggest')
  @HttpCode(200)
  @ApiOkResponse({
    type: TriageSuggestionResponse,
    description: 'The suggestion; an empty body when neither keywords nor history point to any type',
  })
  @ApiErrors(400)
  async suggest(@Body() body: SuggestTriageDto): Promise<TriageSuggestionResponse | null> {
    const suggestion = await this.triage.suggest(body.text);
    return suggestion && toTriageSuggestionResponse(suggestion);
  }

  /** The classifier's accuracy on a held-out fifth of the history (trained on the rest). */
  @Get('quality')
  @Roles('manager', 'admin')
  @ApiOkResponse({ type: TriageQualityResponse })
  @ApiErrors(403)
  async quality(): Promise<TriageQualityResponse> {
    return toTriageQualityResponse(await this.triage.quality());
  }
}

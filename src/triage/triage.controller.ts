import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { SuggestTriageDto } from './dto/suggest-triage.dto';
import { TriageSuggestion } from './triage-engine';
import { TriageQualityReport } from './triage-quality';
import { TriageService } from './triage.service';

@ApiTags('triage')
@ApiBearerAuth()
@Controller('api/v1/triage')
export class TriageController {
  constructor(private readonly triage: TriageService) {}

  /** What type a text looks like, for an agent deciding by hand. */
  @Post('suggest')
  @HttpCode(200)
  suggest(@Body() body: SuggestTriageDto): Promise<TriageSuggestion | null> {
    return this.triage.suggest(body.text);
  }

  /** The classifier's accuracy on a held-out fifth of the history (trained on the rest). */
  @Get('quality')
  @Roles('manager', 'admin')
  quality(): Promise<TriageQualityReport> {
    return this.triage.quality();
  }
}

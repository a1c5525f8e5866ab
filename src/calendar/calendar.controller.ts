import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { ApiErrors } from '../common/api-errors.decorator';
import { CalendarService } from './calendar.service';
import { CalendarSettingsBody } from './dto/calendar-settings.dto';
import { CalendarSettingsResponse, toCalendarSettingsResponse } from './dto/calendar-settings.response';
import { WorkingTimeQuery } from './dto/working-time-query.dto';
import { toWorkingTimeResponse, WorkingTimeResponse } from './dto/working-time.response';

@ApiTags('calendar')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @Get()
  @ApiOkResponse({ type: CalendarSettingsResponse, description: 'The settings in force' })
  async settings(): Promise<CalendarSettingsResponse> {
    return toCalendarSettingsResponse(await this.calendars.settings());
  }

  @Put()
  @Roles('admin')
  @ApiBody({ type: CalendarSettingsBody })
  @ApiOkResponse({ type: CalendarSettingsResponse, description: 'The new version, now in force' })
  @ApiErrors(400, 403)
  // The body is a plain object on purpose: validateCalendarSettings checks it (see CalendarSettingsBody).
  async replace(
    @CurrentStaff() staff: StaffPrincipal,
    @Body() body: Record<string, unknown>,
  ): Promise<CalendarSettingsResponse> {
    return toCalendarSettingsResponse(await this.calendars.replace(staff, body));
  }

  @Get('history')
  @Roles('manager', 'admin')
  @ApiOkResponse({ type: [CalendarSettingsResponse], description: 'Every stored version, newest first' })
  @ApiErrors(403)
  async history(): Promise<CalendarSettingsResponse[]> {
    return (await this.calendars.history()).map(toCalendarSettingsResponse);
  }

  /** A helper for clients: working time between two instants, or a deadline N working days or minutes on. */
  @Get('working-time')
  @ApiOkResponse({ type: WorkingTimeResponse })
  @ApiErrors(400)
  async workingTime(@Query() query: WorkingTimeQuery): Promise<WorkingTimeResponse> {
    return toWorkingTimeResponse(await this.calendars.workingTime(query));
  }
}

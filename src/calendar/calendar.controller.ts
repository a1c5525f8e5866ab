import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { CalendarService, WorkingTimeAnswer } from './calendar.service';
import { CalendarSettingsView } from './calendar-settings.view';
import { CalendarSettingsBody } from './dto/calendar-settings.dto';
import { WorkingTimeQuery } from './dto/working-time-query.dto';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @Get()
  settings(): Promise<CalendarSettingsView> {
    return this.calendars.settings();
  }

  @Put()
  @Roles('admin')
  @ApiBody({ type: CalendarSettingsBody })
  // The body is a plain object on purpose: validateCalendarSettings checks it (see CalendarSettingsBody).
  replace(@CurrentStaff() staff: StaffPrincipal, @Body() body: Record<string, unknown>): Promise<CalendarSettingsView> {
    return this.calendars.replace(staff, body);
  }

  @Get('history')
  @Roles('manager', 'admin')
  history(): Promise<CalendarSettingsView[]> {
    return this.calendars.history();
  }

  /** A helper for clients: working time between two instants, or a deadline N working days or minutes on. */
  @Get('working-time')
  workingTime(@Query() query: WorkingTimeQuery): Promise<WorkingTimeAnswer> {
    return this.calendars.workingTime(query);
  }
}

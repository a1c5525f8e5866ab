import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { BusinessCalendar } from './calendar/business-calendar';

/**
 * The business calendar in force, for plans made inside a case's transaction: read through
 * that transaction's own entity manager (see CalendarService.current). A provider of its
 * own, so a test can put a calendar of its choosing in its place.
 */
@Injectable()
export class ServiceTargetCalendar {
  constructor(private readonly calendars: CalendarService) {}

  current(manager: EntityManager): Promise<BusinessCalendar> {
    return this.calendars.current(manager);
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarSettingsVersion } from '../calendar/entities/calendar-settings-version.entity';
import { BusinessCalendar, DEFAULT_CALENDAR_SETTINGS } from './calendar/business-calendar';

/**
 * The business calendar in force, read through the caller's entity manager. Plans are made
 * inside the case's transaction, which on PostgreSQL holds a pooled connection; asking
 * CalendarService (which reads through the data source) would wait for a second connection,
 * and forty intakes at once would wait on each other for good. Same rule as CalendarService:
 * the newest settings version wins, and its calendar is built once and kept.
 */
@Injectable()
export class ServiceTargetCalendar {
  private cached: { version: number; calendar: BusinessCalendar } | undefined;

  async current(manager: EntityManager): Promise<BusinessCalendar> {
    const newest = await manager
      .createQueryBuilder(CalendarSettingsVersion, 's')
      .select('s.version', 'version')
      .orderBy('s.version', 'DESC')
      .limit(1)
      .getRawOne<{ version: number | string }>();
    const version = newest ? Number(newest.version) : 0;
    if (this.cached?.version === version) return this.cached.calendar;
    const settings = version === 0 ? DEFAULT_CALENDAR_SETTINGS : (await manager.findOneByOrFail(CalendarSettingsVersion, { version })).settings;
    const loaded = { version, calendar: new BusinessCalendar(settings) };
    // A slower load of an older version must not replace a newer one.
    if (!this.cached || this.cached.version < version) this.cached = loaded;
    return loaded.calendar;
  }
}

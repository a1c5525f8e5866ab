import { Global, Module } from '@nestjs/common';
import { CalendarService } from './calendar.service';

/** Global: service targets, the inbox and statistics all ask CalendarService for the calendar. */
@Global()
@Module({
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}

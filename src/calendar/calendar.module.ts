import { Global, Module } from '@nestjs/common';
import { CalendarService } from './calendar.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarSettingsVersion } from './entities/calendar-settings-version.entity';

/** Global: service targets, the inbox and statistics all ask CalendarService for the calendar. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([CalendarSettingsVersion])],
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}

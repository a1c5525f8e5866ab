import { Module } from '@nestjs/common';
import { TelephonyService } from './telephony.service';
import { TelephonyWebhookGuard } from './telephony-webhook.guard';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CallRecord } from './entities/call-record.entity';
import { OrganisationModule } from '../organisation/organisation.module';

/** Call records from the telephony platform, for the phone accessibility figures. */
@Module({
  imports: [TypeOrmModule.forFeature([CallRecord]), OrganisationModule],
  providers: [TelephonyService, TelephonyWebhookGuard],
  exports: [TelephonyService],
})
export class TelephonyModule {}

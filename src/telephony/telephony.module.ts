import { Module } from '@nestjs/common';
import { TelephonyController } from './telephony.controller';
import { TelephonyService } from './telephony.service';
import { TelephonyWebhookGuard } from './telephony-webhook.guard';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CallRecord } from './entities/call-record.entity';
import { OrganisationModule } from '../organisation/organisation.module';

/** Call records from the telephony platform, for the phone accessibility figures. */
@Module({
  imports: [TypeOrmModule.forFeature([CallRecord]), OrganisationModule],
  controllers: [TelephonyController],
  providers: [TelephonyService, TelephonyWebhookGuard],
})
export class TelephonyModule {}

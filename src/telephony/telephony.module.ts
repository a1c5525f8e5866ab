import { Module } from '@nestjs/common';
import { TelephonyController } from './telephony.controller';
import { TelephonyService } from './telephony.service';
import { TelephonyWebhookGuard } from './telephony-webhook.guard';

/** Call records from the telephony platform, for the phone accessibility figures. */
@Module({
  controllers: [TelephonyController],
  providers: [TelephonyService, TelephonyWebhookGuard],
})
export class TelephonyModule {}

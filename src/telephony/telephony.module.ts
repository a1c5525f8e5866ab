import { Module } from '@nestjs/common';
import { TelephonyService } from './telephony.service';
import { TelephonyWebhookGuard } from './telephony-webhook.guard';

/** Call records from the telephony platform, for the phone accessibility figures. */
@Module({
  providers: [TelephonyService, TelephonyWebhookGuard],
  exports: [TelephonyService],
})
export class TelephonyModule {}

import { Module } from '@nestjs/common';
import { CallbacksService } from './callbacks.service';

/**
 * Callback tracking: which promised callbacks were made, and when. Their service target (due
 * time, warning and breach) lives with the other service targets in src/service-targets/.
 */
@Module({
  providers: [CallbacksService],
  exports: [CallbacksService],
})
export class CallbacksModule {}

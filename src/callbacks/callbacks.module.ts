import { Module } from '@nestjs/common';
import { ServiceTargetsModule } from '../service-targets/service-targets.module';
import { CallbackTargetChecks } from './callback-target-checks';
import { CallbackTargetPlanner } from './callback-target-planner';
import { CallbackTargetSubscriber } from './callback-target.subscriber';
import { CallbackTargetsController } from './callback-targets.controller';
import { CallbacksController } from './callbacks.controller';
import { CallbacksService } from './callbacks.service';
import { CallbackTargetsService } from './callback-targets.service';

/**
 * Callback tracking: which promised callbacks were made, and when; and their service target
 * (due time, warning and breach checks on the service-targets queue).
 */
@Module({
  imports: [ServiceTargetsModule],
  controllers: [CallbacksController, CallbackTargetsController],
  providers: [
    CallbacksService,
    CallbackTargetPlanner,
    CallbackTargetSubscriber,
    CallbackTargetChecks,
    CallbackTargetsService,
  ],
  exports: [CallbacksService],
})
export class CallbacksModule {}

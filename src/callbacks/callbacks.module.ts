import { Module } from '@nestjs/common';
import { CallbacksService } from './callbacks.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactCallback } from './entities/contact-callback.entity';
import { ContactsModule } from '../contacts/contacts.module';

/**
 * Callback tracking: which promised callbacks were made, and when. Their service target (due
 * time, warning and breach) lives with the other service targets in src/service-targets/.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ContactCallback]), ContactsModule],
  providers: [CallbacksService],
  exports: [CallbacksService],
})
export class CallbacksModule {}

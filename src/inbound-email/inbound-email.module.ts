import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module';
import { CitizensModule } from '../citizens/citizens.module';
import { ContactsModule } from '../contacts/contacts.module';
import { EmailThreads } from './email-threads.service';
import { InboundEmail } from './entities/inbound-email.entity';
import { FileInboundEmailJob } from './file-inbound-email.job';
import { InboundEmailFiling } from './inbound-email-filing.service';
import { InboundEmailReception } from './inbound-email-reception.service';
import { InboundEmailReconciler } from './inbound-email-reconciler.service';
import { InboundEmailReading } from './inbound-email-reading.service';
import { InboundEmailPersonalData } from './inbound-email-personal-data.service';

/**
 * The e-mail inbox: e-mail to the service center is stored whole (InboundEmailReception) and
 * filed by a job as a contact and a case, or onto the case it answers (InboundEmailFiling).
 * The SMTP listener runs in the API process only (InboundSmtpModule).
 */
@Module({
  imports: [TypeOrmModule.forFeature([InboundEmail]), CasesModule, CitizensModule, ContactsModule],
  providers: [
    InboundEmailReception,
    InboundEmailFiling,
    FileInboundEmailJob,
    InboundEmailReconciler,
    EmailThreads,
    InboundEmailReading,
    InboundEmailPersonalData,
  ],
  exports: [InboundEmailReception, EmailThreads, InboundEmailReading, InboundEmailPersonalData],
})
export class InboundEmailModule {}

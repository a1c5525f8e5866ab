import { Module } from '@nestjs/common';
import { InboundEmailModule } from './inbound-email.module';
import { InboundSmtpListener } from './inbound-smtp-listener.service';

/** The SMTP listener of the e-mail inbox (INBOUND_SMTP_PORT), loaded by the API process only. */
@Module({ imports: [InboundEmailModule], providers: [InboundSmtpListener], exports: [InboundSmtpListener] })
export class InboundSmtpModule {}

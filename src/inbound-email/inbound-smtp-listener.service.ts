import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { InvalidInputError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { INBOUND_EMAIL_LIMITS, InboundEmailReception, MessageTooLargeError } from './inbound-email-reception.service';

/** An SMTP refusal: smtp-server answers the error's `responseCode` with its message. */
function refusal(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * The service center's own SMTP listener (INBOUND_SMTP_PORT; none when unset), run in the API
 * process with the well-kept `smtp-server`. It accepts mail for INBOUND_EMAIL_ADDRESS only
 * (any other recipient: 550 at RCPT TO), announces and enforces the size limit (SIZE, 552), and
 * answers 250 to the message only once InboundEmailReception has committed it; a failure to
 * store answers 451, so the sending server tries again. No authentication: it is the public
 * receiving end (MX) of one address, as any mail server's is; STARTTLS is left to the relay in front.
 */
@Injectable()
export class InboundSmtpListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('InboundSmtpListener');
  private server: SMTPServer | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reception: InboundEmailReception,
  ) {}

  /** The port it listens on (the one taken when INBOUND_SMTP_PORT is 0); null when off. */
  get port(): number | null {
    const address = this.server?.server.address() as AddressInfo | null | undefined;
    return address ? address.port : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { smtpPort, smtpHost, address } = this.config.inboundEmail;
    if (smtpPort === undefined) return;
    const server = new SMTPServer({
      name: address.split('@')[1],
      banner: 'onewayin',
      size: INBOUND_EMAIL_LIMITS.messageBytes,
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onRcptTo: (recipient, _session, callback) => {
        if (recipient.address.toLowerCase() === address) return callback();
        callback(refusal(550, `No mailbox here by that name; write to ${address}`));
      },
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded)
            return callback(refusal(552, `The message is larger than ${INBOUND_EMAIL_LIMITS.messageBytes} bytes`));
          this.reception.accept(Buffer.concat(chunks)).then(
            () => callback(),
            (error: unknown) => {
              if (error instanceof MessageTooLargeError) return callback(refusal(552, error.message));
              if (error instanceof InvalidInputError) return callback(refusal(554, 'Not an RFC 822 message'));
              this.logger.error(`Could not store a received e-mail: ${(error as Error).name}`);
              callback(refusal(451, 'Could not store the message now; try again later'));
            },
          );
        });
      },
    });
    server.on('error', (error) => this.logger.error(`SMTP listener: ${error.message}`));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(smtpPort, smtpHost, () => resolve());
    });
    this.server = server;
    this.logger.log(`Receiving e-mail for ${address} by SMTP on port ${this.port}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

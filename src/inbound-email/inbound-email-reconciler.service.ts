import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Reconciler, Reconciliation } from '../queue/reconciliation.service';
import { InboundEmail } from './entities/inbound-email.entity';
import { fileInboundEmailJob } from './file-inbound-email.job';

const AT_MOST = 500;

/**
 * The safety net behind the outbox for the e-mail inbox: on every reconciliation, each message
 * still `received` is offered its filing job again under its key. A job still held is left
 * alone; the filing files a message once.
 */
@Injectable()
export class InboundEmailReconciler implements Reconciler, OnModuleInit {
  readonly reconcilerName = 'inbound e-mail';
  private readonly logger = new Logger('InboundEmailReconciler');

  constructor(
    private readonly dataSource: DataSource,
    private readonly reconciliation: Reconciliation,
  ) {}

  onModuleInit(): void {
    this.reconciliation.register(this);
  }

  async reconcile(): Promise<number> {
    const owed = await this.dataSource.manager.find(InboundEmail, {
      select: { id: true, receivedAt: true },
      where: { status: 'received' },
      order: { receivedAt: 'ASC' },
      take: AT_MOST,
    });
    const lost = await this.reconciliation.offer(owed.map((message) => fileInboundEmailJob(message.id)));
    if (lost > 0) this.logger.warn(`Asked again to file ${lost} e-mail(s) whose job no queue held`);
    return lost;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { StaffPrincipal } from '../auth/roles';
import { InvalidInputError, NotFoundError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionService } from '../database/transaction.service';
import { OrganisationService } from '../organisation/organisation.service';
import { DepartmentWebhookView, toDepartmentWebhookView } from './department-webhook.view';
import { PutDepartmentWebhookDto } from './dto/put-department-webhook.dto';
import { DepartmentWebhook } from './entities/department-webhook.entity';
import { WebhookSecretSealer } from './webhook-secret-sealer';
import { webhookUrlProblem } from './webhook-url-policy';

/** Admins set where each department's system hears of routed cases. */
@Injectable()
export class DepartmentWebhooksService {
  private readonly sealer: WebhookSecretSealer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly organisation: OrganisationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.sealer = new WebhookSecretSealer(config.personalDataKey);
  }

  async get(departmentCode: string): Promise<DepartmentWebhookView> {
    const webhook = await this.dataSource.manager.findOneBy(DepartmentWebhook, { departmentCode });
    if (!webhook) throw new NotFoundError('Webhook of department', departmentCode);
    return toDepartmentWebhookView(webhook);
  }

  /** Sets or changes the webhook; cases routed after the change go to the new address. */
  put(author: StaffPrincipal, departmentCode: string, input: PutDepartmentWebhookDto): Promise<DepartmentWebhookView> {
    const problem = webhookUrlProblem(input.url, this.config.nodeEnv === 'production');
    if (problem) throw new InvalidInputError([problem]);
    return this.transactions.run(async (manager) => {
      if (!(await this.organisation.departmentExists(departmentCode, manager)))
        throw new NotFoundError('Department', departmentCode);
      const existing = await manager.findOneBy(DepartmentWebhook, { departmentCode });
      if (!existing && !input.secret)
        throw new InvalidInputError(['secret must be given (at least 16 characters) when a webhook is first set']);
      const changes: Partial<DepartmentWebhook> = {
        url: input.url,
        active: input.active ?? existing?.active ?? true,
        updatedById: author.id,
      };
      if (input.secret) changes.secretSealed = this.sealer.seal(input.secret);
      if (existing) await manager.update(DepartmentWebhook, { departmentCode }, changes);
      else await manager.insert(DepartmentWebhook, { departmentCode, ...changes });
      return toDepartmentWebhookView(await manager.findOneByOrFail(DepartmentWebhook, { departmentCode }));
    });
  }
}

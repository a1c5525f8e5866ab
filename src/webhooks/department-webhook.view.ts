import { DepartmentWebhook } from './entities/department-webhook.entity';

/** A department's webhook as admins see it: never the secret, only that one is set. */
export interface DepartmentWebhookView {
  departmentCode: string;
  url: string;
  active: boolean;
  hasSecret: true;
  createdAt: Date;
  updatedAt: Date;
}

export function toDepartmentWebhookView(row: DepartmentWebhook): DepartmentWebhookView {
  return {
    departmentCode: row.departmentCode,
    url: row.url,
    active: row.active,
    hasSecret: true,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

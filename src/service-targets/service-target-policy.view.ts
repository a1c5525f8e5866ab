import { specificityOf } from './policy-selection';
import { ServiceTargetPolicy } from './entities/service-target-policy.entity';
import { PolicyRule, PolicyScope, TargetTime, TargetUnit } from './service-target.types';

/** A policy as the API shows it. */
export interface ServiceTargetPolicyView extends PolicyScope {
  id: string;
  /** 0 (the default) to 15; the matching policy with the highest specificity wins, per measure. */
  specificity: number;
  firstResponse: TargetTime | null;
  resolution: TargetTime | null;
  callback: TargetTime | null;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
  updatedById: string | null;
}

export function scopeOf(row: ServiceTargetPolicy): PolicyScope {
  return { catalogCode: row.catalogCode, kind: row.kind, priority: row.priority, channel: row.channel };
}

export function toPolicyView(row: ServiceTargetPolicy): ServiceTargetPolicyView {
  const scope = scopeOf(row);
  return {
    id: row.id,
    ...scope,
    specificity: specificityOf(scope),
    firstResponse: targetTime(row.firstResponseValue, row.firstResponseUnit),
    resolution: targetTime(row.resolutionValue, row.resolutionUnit),
    callback: targetTime(row.callbackValue, row.callbackUnit),
    note: row.note,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    updatedById: row.updatedById,
  };
}

export function toPolicyRule(row: ServiceTargetPolicy): PolicyRule {
  return {
    id: row.id,
    scope: scopeOf(row),
    targets: {
      first_response: targetTime(row.firstResponseValue, row.firstResponseUnit),
      resolution: targetTime(row.resolutionValue, row.resolutionUnit),
      callback: targetTime(row.callbackValue, row.callbackUnit),
    },
  };
}

function targetTime(value: number | null, unit: TargetUnit | null): TargetTime | null {
  // PostgreSQL hands double precision back as a number, SQLite too; Number() guards a driver that gives text.
  return value === null || unit === null ? null : { value: Number(value), unit };
}

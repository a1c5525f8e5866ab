import { CaseKind, Priority } from '../catalog/catalog.types';
import { Channel } from '../contacts/contact.types';

/**
 * What a service target measures: the time to the first response to the citizen, to the
 * resolution of the case, and to making a callback the service center promised.
 */
export const TARGET_MEASURES = ['first_response', 'resolution', 'callback'] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];

/** The measures that run on a case; the callback measure runs on a contact. */
export const CASE_MEASURES = ['first_response', 'resolution'] as const;
export type CaseMeasure = (typeof CASE_MEASURES)[number];

/**
 * Units of a target, stored with its value. Working days follow the KKiK definition
 * (BusinessCalendar.addWorkingDays: by the close of the N-th working day after arrival);
 * working hours and minutes count open time only.
 */
export const TARGET_UNITS = ['working_days', 'working_hours', 'working_minutes'] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

export interface TargetTime {
  value: number;
  unit: TargetUnit;
}

/** What a policy applies to; null in a field means "any". */
export interface PolicyScope {
  catalogCode: string | null;
  kind: CaseKind | null;
  priority: Priority | null;
  channel: Channel | null;
}

/** The facts of a case or contact that policies are matched against. */
export interface TargetSubject {
  catalogCode: string | null;
  kind: CaseKind | null;
  priority: Priority;
  channel: Channel;
}

/** A policy as the selection sees it: its scope and the targets it sets (null: not set here). */
export interface PolicyRule {
  id: string;
  scope: PolicyScope;
  targets: Record<TargetMeasure, TargetTime | null>;
}

/** The target chosen for one measure, and the policy it came from. */
export interface SelectedTarget extends TargetTime {
  policyId: string;
}

export type SelectedTargets = Record<TargetMeasure, SelectedTarget | null>;

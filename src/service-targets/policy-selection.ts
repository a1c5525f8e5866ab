/**
 * Which service-target policy applies to a case or contact: the most specific one.
 *
 * A policy names any of four fields: catalog type, kind, priority, channel; a field it leaves
 * out matches anything. Among the policies that match, specificity compares the fields in that
 * order, like digits of a number: naming a catalog type beats anything that does not; then
 * naming a kind; then a priority; then a channel. So, from most to least specific:
 *
 *   catalog type (+ anything) > kind + priority (+ channel) > kind + channel > kind
 *     > priority + channel > priority > channel > the default (names nothing)
 *
 * Each measure (first response, resolution, callback) is chosen on its own, from the most
 * specific matching policy that sets it: a street_light policy that only says "resolved within
 * 10 working days" leaves the first response to the fault-report policy. Two policies never have
 * the same scope (the service refuses it), so there are no ties.
 */
import { PolicyRule, PolicyScope, SelectedTargets, TARGET_MEASURES, TargetSubject } from './service-target.types';

const CATALOG_WEIGHT = 8;
const KIND_WEIGHT = 4;
const PRIORITY_WEIGHT = 2;
const CHANNEL_WEIGHT = 1;

/** 0 for the default policy, up to 15; higher wins. */
export function specificityOf(scope: PolicyScope): number {
  return (
    (scope.catalogCode !== null ? CATALOG_WEIGHT : 0) +
    (scope.kind !== null ? KIND_WEIGHT : 0) +
    (scope.priority !== null ? PRIORITY_WEIGHT : 0) +
    (scope.channel !== null ? CHANNEL_WEIGHT : 0)
  );
}

export function policyMatches(scope: PolicyScope, subject: TargetSubject): boolean {
  return (
    (scope.catalogCode === null || scope.catalogCode === subject.catalogCode) &&
    (scope.kind === null || scope.kind === subject.kind) &&
    (scope.priority === null || scope.priority === subject.priority) &&
    (scope.channel === null || scope.channel === subject.channel)
  );
}

/** For each measure, the target of the most specific matching policy that sets it; null if none does. */
export function selectTargets(policies: readonly PolicyRule[], subject: TargetSubject): SelectedTargets {
  const matching = policies
    .filter((policy) => policyMatches(policy.scope, subject))
    .sort((a, b) => specificityOf(b.scope) - specificityOf(a.scope));
  const selected: SelectedTargets = { first_response: null, resolution: null, callback: null };
  for (const measure of TARGET_MEASURES) {
    const policy = matching.find((candidate) => candidate.targets[measure] !== null);
    const target = policy?.targets[measure];
    if (policy && target) selected[measure] = { ...target, policyId: policy.id };
  }
  return selected;
}

/** A stable text for a scope, unique per scope, so the database can refuse a second policy for it. */
export function scopeKeyOf(scope: PolicyScope): string {
  return [scope.catalogCode, scope.kind, scope.priority, scope.channel].map((field) => field ?? '*').join('|');
}

import { CASE_KINDS, CaseKind } from '../catalog/catalog.types';

/**
 * Retention rules (gallring) of the municipality's information-management plan
 * (informationshanteringsplan, arkivlagen 1990:782 § 10; GDPR art. 5(1)(e), storage limitation).
 * Pure: no framework, no database.
 *
 * A rule is for one catalog entry, for every entry of a kind, or the default. The most specific
 * rule wins: catalog entry, then kind, then default. Days are calendar days: after a case's
 * `closedAt` for cases, after a contact's `endedAt` for contacts answered with no case.
 */
export interface RetentionPolicy {
  /** The catalog entry the rule is for; absent for a kind's rule or the default. */
  catalogCode?: string;
  /** The kind the rule is for; absent for an entry's rule or the default. */
  kind?: CaseKind;
  /** Days after closing that a case keeps its personal data. */
  caseRetentionDays: number;
  /** Days after it ended that a contact with no case keeps its personal data. */
  contactRetentionDays: number;
}

/** A catalog entry as the rules see it. */
export interface RetentionSubject {
  catalogCode: string | null;
  kind: CaseKind | null;
}

export const MAX_RETENTION_DAYS = 36_500;

/**
 * The rules in force while an admin has stored none, from a typical Swedish municipal plan for a
 * citizen service center: contacts answered on the spot are kept three months (enough to see what a
 * citizen asked before, and to follow up the month's figures); cases two years after closing, a
 * complaint five (it may be appealed to the ombudsman, JO, within two years of learning of the
 * matter and is followed up in the yearly quality report), a simple question or a callback one.
 */
export const BUILT_IN_RETENTION_POLICIES: readonly RetentionPolicy[] = [
  { caseRetentionDays: 730, contactRetentionDays: 90 },
  { kind: 'complaint', caseRetentionDays: 1825, contactRetentionDays: 90 },
  { kind: 'question', caseRetentionDays: 365, contactRetentionDays: 90 },
  { kind: 'callback', caseRetentionDays: 365, contactRetentionDays: 90 },
];

/** The default rule, when a stored set has none: the built-in one. */
export const BUILT_IN_DEFAULT: RetentionPolicy = BUILT_IN_RETENTION_POLICIES[0];

/** The rule that applies to a case or contact of this catalog entry (most specific first). */
export function policyFor(policies: readonly RetentionPolicy[], subject: RetentionSubject): RetentionPolicy {
  return (
    (subject.catalogCode !== null && policies.find((policy) => policy.catalogCode === subject.catalogCode)) ||
    (subject.kind !== null && policies.find((policy) => policy.kind === subject.kind && !policy.catalogCode)) ||
    policies.find((policy) => !policy.kind && !policy.catalogCode) ||
    BUILT_IN_DEFAULT
  );
}

/** policyFor a case or contact of this catalog entry (null: none), its kind taken from `kinds` (catalog code -> kind). */
export function policyForEntry(
  policies: readonly RetentionPolicy[],
  kinds: ReadonlyMap<string, CaseKind>,
  catalogCode: string | null,
): RetentionPolicy {
  return policyFor(policies, { catalogCode, kind: catalogCode ? (kinds.get(catalogCode) ?? null) : null });
}

/** The instant before which a case must have closed (or a contact ended) to be due: `now` less the days. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

/**
 * Checks the body of `PUT /api/v1/retention/policies`: `{policies: [{catalogCode? | kind?,
 * caseRetentionDays, contactRetentionDays}]}`. Answers every problem at once, each naming its field
 * (`policies[2].kind: ...`); an empty list means the body is sound. `knownCatalogCodes`: the catalog
 * entries that exist.
 */
export function validateRetentionPolicies(body: unknown, knownCatalogCodes: ReadonlySet<string>): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return ['body: expected an object'];
  const errors: string[] = [];
  const { policies, ...rest } = body as Record<string, unknown>;
  for (const field of Object.keys(rest)) errors.push(`${field}: unknown field`);
  if (!Array.isArray(policies)) return [...errors, 'policies: expected a list of retention rules'];
  if (policies.length > 500) errors.push('policies: at most 500 rules');
  const targets = new Set<string>();
  policies.forEach((policy: unknown, index) => {
    const at = `policies[${index}]`;
    if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) {
      errors.push(`${at}: expected an object`);
      return;
    }
    const { catalogCode, kind, caseRetentionDays, contactRetentionDays, ...others } = policy as Record<string, unknown>;
    for (const field of Object.keys(others)) errors.push(`${at}.${field}: unknown field`);
    if (catalogCode !== undefined && kind !== undefined)
      errors.push(`${at}: give catalogCode or kind, not both (neither: the default rule)`);
    if (catalogCode !== undefined && (typeof catalogCode !== 'string' || !knownCatalogCodes.has(catalogCode)))
      errors.push(`${at}.catalogCode: ${JSON.stringify(catalogCode)} is not an entry of the service catalog`);
    if (kind !== undefined && !(CASE_KINDS as readonly unknown[]).includes(kind))
      errors.push(`${at}.kind: ${JSON.stringify(kind)} is not a kind (expected one of ${CASE_KINDS.join(', ')})`);
    for (const [field, value] of [
      ['caseRetentionDays', caseRetentionDays],
      ['contactRetentionDays', contactRetentionDays],
    ] as const) {
      if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_RETENTION_DAYS)
        errors.push(`${at}.${field}: expected a whole number of days from 1 to ${MAX_RETENTION_DAYS}`);
    }
    const target =
      catalogCode !== undefined
        ? `catalogCode ${JSON.stringify(catalogCode)}`
        : kind !== undefined
          ? `kind ${JSON.stringify(kind)}`
          : 'default';
    if (targets.has(target)) errors.push(`${at}: a second rule for ${target}`);
    targets.add(target);
  });
  return errors;
}

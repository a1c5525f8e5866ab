/**
 * Which department a triaged case goes to, as a plain rule:
 *
 * 1. a routing override for the catalog type (an admin sends every case of the type
 *    elsewhere, e.g. during a reorganisation) wins over everything;
 * 2. else the best matching area rule for the type (snow clearance east of the river is
 *    another contractor's department): a rule matches by postal-code prefix, or by a
 *    district name that the address mentions; the higher priority wins, then the longer
 *    postal-code prefix, then a postal-code rule over a district rule, then the older rule;
 * 3. else the catalog entry's own department.
 */
export type RoutingRule = 'catalog' | 'area' | 'override';

export interface RoutingDecision {
  departmentCode: string;
  rule: RoutingRule;
  ruleId: string | null;
}

export interface AreaRuleTerms {
  id: string;
  postalCodePrefix: string | null;
  district: string | null;
  departmentCode: string;
  priority: number;
  createdAt: Date;
}

export interface CaseWhereabouts {
  catalogDepartmentCode: string;
  postalCode: string | null;
  address: string | null;
}

export function decideDepartment(
  where: CaseWhereabouts,
  areaRules: AreaRuleTerms[],
  override: { id: string; departmentCode: string } | null,
): RoutingDecision {
  if (override) return { departmentCode: override.departmentCode, rule: 'override', ruleId: override.id };
  const best = areaRules.filter((rule) => areaRuleMatches(rule, where)).sort(moreSpecificFirst)[0];
  if (best) return { departmentCode: best.departmentCode, rule: 'area', ruleId: best.id };
  return { departmentCode: where.catalogDepartmentCode, rule: 'catalog', ruleId: null };
}

export function areaRuleMatches(rule: AreaRuleTerms, where: CaseWhereabouts): boolean {
  if (rule.postalCodePrefix) {
    const digits = (where.postalCode ?? '').replace(/\D/g, '');
    return digits.length === 5 && digits.startsWith(rule.postalCodePrefix);
  }
  if (rule.district && where.address) return mentionsPlace(where.address, rule.district);
  return false;
}

/** The district as a whole word or words of the address, ignoring case: "Lövudden" is in "Strandv. 3, Lövudden". */
function mentionsPlace(address: string, district: string): boolean {
  const escaped = district
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}([^\\p{L}\\p{N}]|$)`, 'iu').test(address);
}

function moreSpecificFirst(a: AreaRuleTerms, b: AreaRuleTerms): number {
  return (
    b.priority - a.priority ||
    specificity(b) - specificity(a) ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    a.id.localeCompare(b.id)
  );
}

/** A postal-code rule is more specific than a district rule, a longer prefix more than a shorter one. */
function specificity(rule: AreaRuleTerms): number {
  return rule.postalCodePrefix ? 10 + rule.postalCodePrefix.length : 0;
}

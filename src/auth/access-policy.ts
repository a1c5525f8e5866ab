import { ForbiddenError } from '../common/domain-errors';
import { StaffPrincipal } from './roles';

/** What the policy needs to know of a case to decide about its content. */
export interface ConfidentialitySubject {
  confidential: boolean;
  /** The department that owns the case; null while it is still with the service center untriaged. */
  departmentCode: string | null;
}

/** A condition for a query: SQL text over the caller's alias, with its named parameters. */
export interface QueryCondition {
  sql: string;
  parameters: Record<string, unknown>;
}

/**
 * The one access policy: which departments a staff member sees, and whether they may read a
 * case's content. Every read path (case views, lists, inboxes, breach lists, statistics,
 * messages, ratings) asks here, as a predicate on one case or as a condition on a query.
 *
 * - Managers and admins see every department and read every case.
 * - Handlers and service-center agents see their own departments (a staff member's
 *   `departmentCodes`, from the sign-in token).
 * - Confidential cases (sekretess; offentlighets- och sekretesslagen 2009:400, kap. 26 for
 *   social services) stay inside the department that owns them: only that department's
 *   handlers, managers and admins read what they say. Everyone else sees that the case exists
 *   and where it stands, not its content.
 */
export const AccessPolicy = {
  /** Managers and admins oversee the whole municipality. */
  seesEveryDepartment(principal: StaffPrincipal): boolean {
    return principal.role === 'manager' || principal.role === 'admin';
  },

  /**
   * The departments whose figures or lists the principal may see: `requested` alone when
   * allowed, else all of their own (sorted), or null for "every department" (managers and admins
   * who asked for none).
   *
   * @throws ForbiddenError when `requested` is not one of the principal's departments, or when a
   *   principal who does not oversee everything belongs to no department: "not allowed" is never
   *   answered as silently empty figures.
   */
  departmentsInView(principal: StaffPrincipal, requested?: string): string[] | null {
    if (AccessPolicy.seesEveryDepartment(principal)) return requested ? [requested] : null;
    const own = [...principal.departmentCodes].sort();
    if (requested) {
      if (!own.includes(requested)) {
        throw new ForbiddenError(`Department ${requested} is for its own staff, managers and admins to see`);
      }
      return [requested];
    }
    if (own.length === 0) throw new ForbiddenError('You belong to no department, so there is nothing of yours to see');
    return own;
  },

  /** Whether the principal may read the content (description, citizen, address, notes) of a case. */
  mayReadContent(principal: StaffPrincipal, subject: ConfidentialitySubject): boolean {
    if (!subject.confidential) return true;
    if (AccessPolicy.seesEveryDepartment(principal)) return true;
    if (principal.role === 'handler' && subject.departmentCode !== null) {
      return principal.departmentCodes.includes(subject.departmentCode);
    }
    return false;
  },

  /**
   * Whether a citizen holding a case's tracking key (the link in their receipt) may read what was
   * written on it to them: the replies, the answers and their own messages, and the department
   * handling it. Not for a confidential case: a link can be forwarded or seen by someone else,
   * so it shows only where the case stands: its status.
   */
  trackingKeyMayReadContent(subject: ConfidentialitySubject): boolean {
    return !subject.confidential;
  },

  /**
   * Whether the principal may see the personal data (name, e-mail, phone) of the citizen behind
   * a case: only those who work with the citizen need it (GDPR art. 5(1)(c), data minimisation):
   * service-center agents, who answer the citizen; handlers of the department that owns the
   * case; managers and admins. Never someone who may not read the case's content.
   */
  mayReadPersonalData(principal: StaffPrincipal, subject: ConfidentialitySubject): boolean {
    if (!AccessPolicy.mayReadContent(principal, subject)) return false;
    if (principal.role !== 'handler') return true;
    return subject.departmentCode !== null && principal.departmentCodes.includes(subject.departmentCode);
  },

  /**
   * Whether the principal may look a citizen up by personal identity number, phone or e-mail and
   * see their earlier contacts and cases: the service center's agents, who answer the citizen,
   * and managers and admins. A handler works a department's cases, not the person behind them.
   * What the look-up then shows is only what `mayReadContent` lets them read: a case they may not
   * read is left out altogether, since its mere existence beside a name would tell what it is.
   */
  mayFindCitizens(principal: StaffPrincipal): boolean {
    return principal.role !== 'handler';
  },

  /**
   * `mayReadContent` as a query condition: the rows whose content the principal may read, or
   * null when that is every row. `columns` names the two columns as the query spells them
   * (entity properties in a TypeORM query builder, e.g. `c.departmentCode`; column names in
   * raw SQL, e.g. `c.department_code`).
   */
  readableContentCondition(
    principal: StaffPrincipal,
    columns: { confidential: string; departmentCode: string },
  ): QueryCondition | null {
    if (AccessPolicy.seesEveryDepartment(principal)) return null;
    if (principal.role === 'handler' && principal.departmentCodes.length > 0) {
      return {
        sql: `(${columns.confidential} = :accessNotConfidential OR ${columns.departmentCode} IN (:...accessOwnDepartments))`,
        parameters: { accessNotConfidential: false, accessOwnDepartments: principal.departmentCodes },
      };
    }
    return { sql: `${columns.confidential} = :accessNotConfidential`, parameters: { accessNotConfidential: false } };
  },

  /**
   * Whether a case may be shown to the public at all (the Open311 interface, a citizen's app):
   * never a confidential one, whoever asks; what is shown of the rest is redacted
   * (register/redaction.ts) and carries no personal data.
   */
  mayPublish(subject: ConfidentialitySubject): boolean {
    return !subject.confidential;
  },

  /** `mayPublish` as a query condition over the caller's alias (see readableContentCondition). */
  publishableCondition(columns: { confidential: string }): QueryCondition {
    return { sql: `${columns.confidential} = :publicNotConfidential`, parameters: { publicNotConfidential: false } };
  },

  /**
   * Why the principal may not see a department's inbox, or null when they may: handlers see
   * their own departments' inboxes, agents the service center's (whatever departments they
   * belong to: the service center is where every agent works), managers and admins every one.
   */
  inboxRefusal(principal: StaffPrincipal, departmentCode: string, serviceCenterCode: string): string | null {
    if (AccessPolicy.seesEveryDepartment(principal)) return null;
    if (principal.role === 'handler' && principal.departmentCodes.includes(departmentCode)) return null;
    if (principal.role === 'agent' && departmentCode === serviceCenterCode) return null;
    return principal.role === 'agent'
      ? "An agent sees the service center's inbox only"
      : 'A handler sees the inboxes of their own departments only';
  },
} as const;

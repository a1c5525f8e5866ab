import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SignInRefusedError } from '../../common/domain-errors';
import { newId } from '../../common/ids';
import { TransactionService } from '../../database/transaction.service';
import { OrganisationService } from '../../organisation/organisation.service';
import { StaffDepartment } from '../entities/staff-department.entity';
import { StaffUser } from '../entities/staff-user.entity';
import { Role } from '../roles';
import { ProviderIdentity } from './claim-mapping';

/** A staff member as a sign-in through the identity provider left them. */
export interface SignedInStaff {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentCodes: string[];
  /** Whether this sign-in created the account. */
  created: boolean;
}

/**
 * Staff accounts kept in step with the identity provider: each sign-in finds the staff member
 * by the provider's subject, creates them on their first sign-in, and sets their name, e-mail,
 * role and departments from the claims, so a change in the directory takes effect at the next
 * sign-in.
 */
@Injectable()
export class OidcStaffService {
  private readonly logger = new Logger('OidcStaff');

  constructor(
    private readonly transactions: TransactionService,
    private readonly organisation: OrganisationService,
  ) {}

  /**
   * The staff member the provider's identity is, with the role and departments the claims give,
   * in one transaction. Departments the map names that do not exist here are left out (and
   * logged). A person new by subject whose e-mail an account already has is linked to that
   * account only when the provider vouches for the e-mail (`email_verified`) and the account is
   * linked to no other subject: an e-mail alone does not prove who someone is.
   *
   * @throws SignInRefusedError for a deactivated account, an e-mail that belongs to another
   *   account and cannot be linked, or a handler left with no department
   */
  signIn(identity: ProviderIdentity, access: { role: Role; departmentCodes: string[] }): Promise<SignedInStaff> {
    return this.transactions.run(async (manager) => {
      const departmentCodes = await this.existingDepartments(access.departmentCodes, manager);
      if (access.role === 'handler' && departmentCodes.length === 0)
        throw new SignInRefusedError(
          `A handler works in at least one department, and none of ${access.departmentCodes.join(', ')} exists here`,
        );

      let user = await manager.findOne(StaffUser, { where: { oidcSubject: identity.subject } });
      const sameEmail = await manager
        .createQueryBuilder(StaffUser, 'user')
        .where('LOWER(user.email) = :email', { email: identity.email })
        .getOne();
      if (sameEmail && sameEmail.id !== user?.id) {
        if (user || sameEmail.oidcSubject !== null || !identity.emailVerified)
          throw new SignInRefusedError(
            `Another staff account has the e-mail ${identity.email}; an admin must resolve this before you can sign in`,
          );
        user = sameEmail;
      }
      if (user && !user.active) throw new SignInRefusedError('Your staff account is deactivated');

      const id = user?.id ?? newId();
      const { email, name } = identity;
      const fields = { email, name, role: access.role, oidcSubject: identity.subject };
      if (user) await manager.update(StaffUser, { id }, fields);
      else await manager.insert(StaffUser, { id, ...fields, passwordHash: null, active: true });
      await manager.delete(StaffDepartment, { userId: id });
      if (departmentCodes.length > 0)
        await manager.insert(
          StaffDepartment,
          departmentCodes.map((departmentCode) => ({ userId: id, departmentCode })),
        );
      return { id, email, name, role: access.role, departmentCodes, created: !user };
    });
  }

  private async existingDepartments(codes: string[], manager: EntityManager): Promise<string[]> {
    const known = await Promise.all(codes.map((code) => this.organisation.departmentExists(code, manager)));
    const missing = codes.filter((_code, index) => !known[index]);
    if (missing.length > 0)
      this.logger.warn({ departments: missing }, 'OIDC_DEPARTMENT_MAP names departments that do not exist');
    return codes.filter((_code, index) => known[index]);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-errors';
import { newId } from '../common/ids';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionService } from '../database/transaction.service';
import { OrganisationService } from '../organisation/organisation.service';
import { StaffDepartment } from './entities/staff-department.entity';
import { CreateStaffUserDto } from './dto/create-staff-user.dto';
import { UpdateStaffUserDto } from './dto/update-staff-user.dto';
import { StaffUser } from './entities/staff-user.entity';
import { PasswordHasher } from './password-hasher';
import { Role, StaffPrincipal } from './roles';
import { signInAccountName } from './sign-in-account';
import { SignInLog } from './sign-in-log';
import { SignInThrottle } from './sign-in-throttle.service';
import { StaffSessionService } from './staff-session.service';

export interface StaffUserView {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  departmentCodes: string[];
}

@Injectable()
export class StaffService {
  constructor(
    @InjectRepository(StaffUser) private readonly staff: Repository<StaffUser>,
    private readonly transactions: TransactionService,
    private readonly organisation: OrganisationService,
    private readonly passwords: PasswordHasher,
    private readonly sessions: StaffSessionService,
    private readonly throttle: SignInThrottle,
    private readonly log: SignInLog,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The department a staff member's work counts for: the first of theirs by code, or null for
   * someone in none (managers, admins). The rule the contact statistics use too.
   */
  async primaryDepartmentOf(userId: string, manager: EntityManager = this.staff.manager): Promise<string | null> {
    const first = await manager.findOne(StaffDepartment, { where: { userId }, order: { departmentCode: 'ASC' } });
    return first?.departmentCode ?? null;
  }

  /** Whether the staff member is active and works in the department; inside `manager`'s transaction when given. */
  async worksIn(userId: string, departmentCode: string, manager: EntityManager = this.staff.manager): Promise<boolean> {
    const active = await manager.existsBy(StaffUser, { id: userId, active: true });
    return active && (await manager.existsBy(StaffDepartment, { userId, departmentCode }));
  }

  /** Stores staff members with their departments inside the caller's transaction (the demo municipality); answers their ids by e-mail. */
  async insertStaff(
    manager: EntityManager,
    people: Array<{ email: string; name: string; role: Role; departmentCodes: string[]; passwordHash: string }>,
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const person of people) {
      const id = newId();
      ids.set(person.email, id);
      await manager.insert(StaffUser, {
        id,
        email: person.email,
        name: person.name,
        role: person.role,
        passwordHash: person.passwordHash,
        active: true,
      });
      if (person.departmentCodes.length > 0) {
        await manager.insert(
          StaffDepartment,
          person.departmentCodes.map((departmentCode) => ({ userId: id, departmentCode })),
        );
      }
    }
    return ids;
  }

  /** Staff members' names by id, for showing who did what; unknown ids are left out. */
  async namesOf(ids: Array<string | null>): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((id): id is string => id !== null))];
    if (unique.length === 0) return new Map();
    const users = await this.staff.find({ select: { id: true, name: true }, where: { id: In(unique) } });
    return new Map(users.map((user) => [user.id, user.name]));
  }

  async list(): Promise<StaffUserView[]> {
    const users = await this.staff.find({ relations: { departments: true }, order: { email: 'ASC' } });
    return users.map((user) => this.view(user));
  }

  async create(input: CreateStaffUserDto): Promise<StaffUserView> {
    const passwordHash = await this.passwords.hash(input.password);
    return this.transactions.run(async (manager) => {
      const codes = [...new Set(input.departmentCodes ?? [])];
      const known = await Promise.all(codes.map((code) => this.organisation.departmentExists(code, manager)));
      const unknown = codes.filter((_code, index) => !known[index]);
      if (unknown.length)
        throw new InvalidInputError(unknown.map((code) => `departmentCodes: unknown department "${code}"`));
      if (input.role === 'handler' && codes.length === 0)
        throw new InvalidInputError(['departmentCodes: a handler belongs to at least one department']);
      const email = input.email.toLowerCase();
      if (await manager.existsBy(StaffUser, { email }))
        throw new ConflictError(`A staff member with e-mail ${email} already exists`);
      const user = manager.create(StaffUser, {
        id: newId(),
        email,
        name: input.name,
        passwordHash,
        role: input.role,
        active: true,
        departments: codes.map((departmentCode) => ({ departmentCode }) as StaffDepartment),
      });
      await manager.save(user);
      return this.view(user);
    });
  }

  /**
   * An admin's change to an account: its name, or whether it may sign in. Deactivating ends every
   * session of the account at once (OWASP ASVS 4.0 V3.3.1), in the same transaction.
   *
   * @throws NotFoundError for an unknown id
   * @throws ConflictError when admins would deactivate their own account (nobody else could undo it for them)
   */
  async update(id: string, change: UpdateStaffUserDto, admin: StaffPrincipal): Promise<StaffUserView> {
    if (change.active === false && id === admin.id) {
      throw new ConflictError('You cannot deactivate your own account; another admin can');
    }
    const { user, ended } = await this.transactions.run(async (manager) => {
      const user = await this.find(manager, id);
      if (change.name !== undefined) user.name = change.name;
      if (change.active !== undefined) user.active = change.active;
      await manager.update(StaffUser, { id }, { name: user.name, active: user.active });
      const ended =
        change.active === false ? await this.sessions.endAllOf(manager, id, 'deactivated', this.clock.now()) : 0;
      return { user, ended };
    });
    if (change.active === false) this.log.sessionsEnded(id, 'deactivated', ended, admin.id);
    return this.view(user);
  }

  /**
   * An admin gives an account a new password: every session of the account ends, and a lock from
   * failed sign-ins is lifted, so the staff member signs in with the new password.
   *
   * @throws NotFoundError for an unknown id
   */
  async resetPassword(id: string, newPassword: string, admin: StaffPrincipal): Promise<void> {
    const passwordHash = await this.passwords.hash(newPassword);
    const { email, ended } = await this.transactions.run(async (manager) => {
      const user = await this.find(manager, id);
      await manager.update(StaffUser, { id }, { passwordHash });
      return {
        email: user.email,
        ended: await this.sessions.endAllOf(manager, id, 'password_reset', this.clock.now()),
      };
    });
    this.log.sessionsEnded(id, 'password_reset', ended, admin.id);
    await this.unlockAccount(id, email, admin);
  }

  /**
   * Lifts a lock from failed sign-ins on an account's e-mail address before it runs out, and clears
   * its count of failures; answers whether it was locked.
   *
   * @throws NotFoundError for an unknown id
   */
  async unlock(id: string, admin: StaffPrincipal): Promise<boolean> {
    const user = await this.find(this.staff.manager, id);
    return this.unlockAccount(id, user.email, admin);
  }

  private async unlockAccount(id: string, email: string, admin: StaffPrincipal): Promise<boolean> {
    const account = signInAccountName(email, this.config.personalDataKey);
    const wasLocked = await this.throttle.unlock(account);
    this.log.unlocked(id, account, admin.id, wasLocked);
    return wasLocked;
  }

  private async find(manager: EntityManager, id: string): Promise<StaffUser> {
    const user = await manager.findOne(StaffUser, { where: { id }, relations: { departments: true } });
    if (!user) throw new NotFoundError('Staff member', id);
    return user;
  }

  private view(user: StaffUser): StaffUserView {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      active: user.active,
      departmentCodes: (user.departments ?? []).map((membership) => membership.departmentCode).sort(),
    };
  }
}

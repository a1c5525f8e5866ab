import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ConflictError, InvalidInputError } from '../common/domain-errors';
import { newId } from '../common/ids';
import { TransactionService } from '../database/transaction.service';
import { OrganisationService } from '../organisation/organisation.service';
import { StaffDepartment } from './entities/staff-department.entity';
import { CreateStaffUserDto } from './dto/create-staff-user.dto';
import { StaffUser } from './entities/staff-user.entity';
import { hashPassword } from './password-hasher';
import { Role } from './roles';

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
  ) {}

  /**
   * The department a staff member's work counts for: the first of theirs by code, or null for
   * someone in none (managers, admins). The rule the contact statistics use too.
   */
  async primaryDepartmentOf(userId: string, manager: EntityManager = this.staff.manager): Promise<string | null> {
    const first = await manager.findOne(StaffDepartment, { where: { userId }, order: { departmentCode: 'ASC' } });
    return first?.departmentCode ?? null;
  }

  /** Stores staff members with their departments inside the caller's transaction (the demo municipality). */
  async insertStaff(
    manager: EntityManager,
    people: Array<{ email: string; name: string; role: Role; departmentCodes: string[]; passwordHash: string }>,
  ): Promise<void> {
    for (const person of people) {
      const id = newId();
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
  }

  async list(): Promise<StaffUserView[]> {
    const users = await this.staff.find({ relations: { departments: true }, order: { email: 'ASC' } });
    return users.map((user) => this.view(user));
  }

  async create(input: CreateStaffUserDto): Promise<StaffUserView> {
    const passwordHash = await hashPassword(input.password);
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

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ConflictError, InvalidInputError } from '../common/domain-errors';
import { newId } from '../common/ids';
import { TransactionService } from '../database/transaction.service';
import { Department } from '../organisation/entities/department.entity';
import { CreateStaffUserDto } from './dto/create-staff-user.dto';
import { StaffUser } from './entities/staff-user.entity';
import { hashPassword } from './password-hasher';

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
  ) {}

  async list(): Promise<StaffUserView[]> {
    const users = await this.staff.find({ relations: { departments: true }, order: { email: 'ASC' } });
    return users.map((user) => this.view(user));
  }

  async create(input: CreateStaffUserDto): Promise<StaffUserView> {
    const passwordHash = await hashPassword(input.password);
    return this.transactions.run(async (manager) => {
      const codes = [...new Set(input.departmentCodes ?? [])];
      const departments = codes.length ? await manager.findBy(Department, { code: In(codes) }) : [];
      const unknown = codes.filter((code) => !departments.some((d) => d.code === code));
      if (unknown.length)
        throw new InvalidInputError(unknown.map((code) => `departmentCodes: unknown department "${code}"`));
      if (input.role === 'handler' && departments.length === 0)
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
        departments,
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
      departmentCodes: (user.departments ?? []).map((d) => d.code),
    };
  }
}

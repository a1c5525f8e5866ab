import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ConflictError, NotFoundError } from '../common/domain-errors';
import { TransactionService } from '../database/transaction.service';
import { CreateDepartmentDto, UpdateDepartmentDto } from './dto/department.dto';
import { CreateServicePointDto } from './dto/service-point.dto';
import { Department } from './entities/department.entity';
import { ServicePoint } from './entities/service-point.entity';

@Injectable()
export class OrganisationService {
  constructor(
    @InjectRepository(Department) private readonly departments: Repository<Department>,
    @InjectRepository(ServicePoint) private readonly servicePoints: Repository<ServicePoint>,
    private readonly transactions: TransactionService,
  ) {}

  /** Whether the department exists; inside `manager`'s transaction when given. */
  departmentExists(code: string, manager: EntityManager = this.departments.manager): Promise<boolean> {
    return manager.existsBy(Department, { code });
  }

  /** Whether the service point exists; inside `manager`'s transaction when given. */
  servicePointExists(code: string, manager: EntityManager = this.servicePoints.manager): Promise<boolean> {
    return manager.existsBy(ServicePoint, { code });
  }

  /** Whether any department exists yet (an empty installation has none). */
  async hasDepartments(): Promise<boolean> {
    return (await this.departments.count()) > 0;
  }

  /** Stores departments and service points in bulk inside the caller's transaction (the demo municipality). */
  async insertOrganisation(
    manager: EntityManager,
    departments: Array<Pick<Department, 'code' | 'name'>>,
    servicePoints: Array<Pick<ServicePoint, 'code' | 'name' | 'kind' | 'address'>>,
  ): Promise<void> {
    await manager.insert(Department, departments);
    await manager.insert(
      ServicePoint,
      servicePoints.map((point) => ({ ...point, active: true })),
    );
  }

  listDepartments(): Promise<Department[]> {
    return this.departments.find({ order: { code: 'ASC' } });
  }

  /** The department, or null when there is none with the code. */
  findDepartment(code: string): Promise<Department | null> {
    return this.departments.findOneBy({ code });
  }

  async getDepartment(code: string): Promise<Department> {
    const department = await this.departments.findOneBy({ code });
    if (!department) throw new NotFoundError('Department', code);
    return department;
  }

  createDepartment(input: CreateDepartmentDto): Promise<Department> {
    return this.transactions.run(async (manager) => {
      if (await manager.existsBy(Department, { code: input.code }))
        throw new ConflictError(`Department ${input.code} already exists`);
      return manager.save(manager.create(Department, input));
    });
  }

  updateDepartment(code: string, input: UpdateDepartmentDto): Promise<Department> {
    return this.transactions.run(async (manager) => {
      const department = await manager.findOneBy(Department, { code });
      if (!department) throw new NotFoundError('Department', code);
      Object.assign(department, input);
      return manager.save(department);
    });
  }

  listServicePoints(): Promise<ServicePoint[]> {
    return this.servicePoints.find({ order: { code: 'ASC' } });
  }

  createServicePoint(input: CreateServicePointDto): Promise<ServicePoint> {
    return this.transactions.run(async (manager) => {
      if (await manager.existsBy(ServicePoint, { code: input.code }))
        throw new ConflictError(`Service point ${input.code} already exists`);
      return manager.save(manager.create(ServicePoint, { address: null, active: true, ...input }));
    });
  }
}

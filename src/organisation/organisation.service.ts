import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
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

  listDepartments(): Promise<Department[]> {
    return this.departments.find({ order: { code: 'ASC' } });
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

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Department } from './entities/department.entity';
import { ServicePoint } from './entities/service-point.entity';
import { OrganisationService } from './organisation.service';

@Module({
  imports: [TypeOrmModule.forFeature([Department, ServicePoint])],
  providers: [OrganisationService],
  exports: [OrganisationService],
})
export class OrganisationModule {}

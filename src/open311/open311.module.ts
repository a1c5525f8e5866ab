import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module';
import { CatalogModule } from '../catalog/catalog.module';
import { CitizensModule } from '../citizens/citizens.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { Open311Client } from './entities/open311-client.entity';
import { Open311Photo } from './entities/open311-photo.entity';
import { Open311Request } from './entities/open311-request.entity';
import { Open311ServiceDefinition } from './entities/open311-service-definition.entity';
import { Open311ClientsService } from './open311-clients.service';
import { Open311Service } from './open311.service';

/** Open311 GeoReport v2: client applications and their keys, services, service requests from citizens' apps. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Open311Client, Open311Request, Open311ServiceDefinition, Open311Photo]),
    CasesModule,
    CatalogModule,
    CitizensModule,
    OrganisationModule,
  ],
  providers: [Open311Service, Open311ClientsService],
  exports: [Open311Service, Open311ClientsService],
})
export class Open311Module {}

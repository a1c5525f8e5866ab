import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { ContactPersonalDataService } from './contact-personal-data.service';
import { ContactsService } from './contacts.service';
import { ContactCase } from './entities/contact-case.entity';
import { Contact } from './entities/contact.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Contact, ContactCase]), CatalogModule, OrganisationModule],
  providers: [ContactsService, ContactPersonalDataService],
  exports: [ContactsService, ContactPersonalDataService],
})
export class ContactsModule {}

import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { Page } from '../common/pagination.dto';
import { ContactsService, ContactView } from './contacts.service';
import { CreateContactDto } from './dto/create-contact.dto';
import { ListContactsQuery } from './dto/list-contacts-query.dto';

@ApiTags('contacts')
@ApiBearerAuth()
@Controller('api/v1/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Post()
  @Roles('agent', 'handler', 'manager', 'admin')
  log(@CurrentStaff() staff: StaffPrincipal, @Body() body: CreateContactDto): Promise<ContactView> {
    return this.contacts.log(staff, body);
  }

  @Get()
  @Roles('agent', 'manager', 'admin')
  list(@Query() query: ListContactsQuery): Promise<Page<ContactView>> {
    return this.contacts.list(query);
  }

  @Get(':id')
  @Roles('agent', 'manager', 'admin')
  get(@Param('id') id: string): Promise<ContactView> {
    return this.contacts.get(id);
  }
}

import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { Roles } from '../auth/roles.decorator';
import { StaffPrincipal } from '../auth/roles';
import { ApiErrors } from '../common/api-errors.decorator';
import { toPageResponse } from '../common/page.response';
import { ContactsService } from './contacts.service';
import { ContactPageResponse, ContactResponse, toContactResponse } from './dto/contact.response';
import { CreateContactDto } from './dto/create-contact.dto';
import { ListContactsQuery } from './dto/list-contacts-query.dto';

@ApiTags('contacts')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('api/v1/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Post()
  @Roles('agent', 'handler', 'manager', 'admin')
  @ApiCreatedResponse({ type: ContactResponse })
  @ApiErrors(400, 403)
  async log(@CurrentStaff() staff: StaffPrincipal, @Body() body: CreateContactDto): Promise<ContactResponse> {
    return toContactResponse(await this.contacts.log(staff, body));
  }

  @Get()
  @Roles('agent', 'manager', 'admin')
  @ApiOkResponse({ type: ContactPageResponse, description: 'Newest first' })
  @ApiErrors(400, 403)
  async list(@CurrentStaff() staff: StaffPrincipal, @Query() query: ListContactsQuery): Promise<ContactPageResponse> {
    return toPageResponse(await this.contacts.list(staff, query), toContactResponse);
  }

  @Get(':id')
  @Roles('agent', 'manager', 'admin')
  @ApiOkResponse({ type: ContactResponse })
  @ApiErrors(403, 404)
  async get(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<ContactResponse> {
    return toContactResponse(await this.contacts.get(staff, id));
  }
}

import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../roles';
import { StaffUserView } from '../staff.service';

/** A staff member's account, without its password. */
export class StaffUserResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'The log-in, in lower case', example: 'handler@demo.local' })
  email: string;

  @ApiProperty({ example: 'Hanna Handläggare' })
  name: string;

  @ApiProperty({ enum: ROLES })
  role: string;

  @ApiProperty({ description: 'false: the account can no longer sign in' })
  active: boolean;

  @ApiProperty({ type: [String], description: 'The departments the staff member works in', example: ['TEK'] })
  departmentCodes: string[];
}

export function toStaffUserResponse(user: StaffUserView): StaffUserResponse {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    departmentCodes: user.departmentCodes,
  };
}

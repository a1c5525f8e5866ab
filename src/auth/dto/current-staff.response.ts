import { ApiProperty } from '@nestjs/swagger';
import { ROLES, StaffPrincipal } from '../roles';

/** Who the bearer token says the caller is. */
export class CurrentStaffResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'handler@demo.local' })
  email: string;

  @ApiProperty({ enum: ROLES })
  role: string;

  @ApiProperty({
    type: [String],
    description: 'The departments the caller works in; managers and admins see all departments regardless',
    example: ['TEK'],
  })
  departmentCodes: string[];
}

export function toCurrentStaffResponse(staff: StaffPrincipal): CurrentStaffResponse {
  return { id: staff.id, email: staff.email, role: staff.role, departmentCodes: staff.departmentCodes };
}

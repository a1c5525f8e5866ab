import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { Department } from '../entities/department.entity';

/** A department of the municipality that handles cases. */
export class DepartmentResponse {
  @ApiProperty({ example: 'TEK' })
  code: string;

  @ApiProperty({ example: 'Tekniska förvaltningen' })
  name: string;

  @ApiInstant('When it was added')
  createdAt: Date;
}

export function toDepartmentResponse(department: Department): DepartmentResponse {
  return { code: department.code, name: department.name, createdAt: department.createdAt };
}

import { ApiProperty, PartialType, PickType } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { HasText } from '../../common/has-text.decorator';

export class CreateDepartmentDto {
  @ApiProperty({ example: 'TEK', description: 'Short upper-case code' })
  @Matches(/^[A-Z0-9_-]{1,32}$/, { message: 'code must be 1-32 upper-case letters, digits, - or _' })
  code: string;

  @ApiProperty({ example: 'Tekniska förvaltningen' })
  @IsString()
  @HasText()
  @MaxLength(200)
  name: string;
}

export class UpdateDepartmentDto extends PartialType(PickType(CreateDepartmentDto, ['name'] as const)) {}

import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination.dto';

export class BreachesQuery extends PaginationQueryDto {
  @ApiProperty({ required: false, description: 'One department; default all the caller may see' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  departmentCode?: string;

  @ApiProperty({ required: false, default: false, description: 'Also cases that are resolved or closed by now' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeClosed?: boolean;
}

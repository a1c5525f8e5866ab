import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { HasText } from '../../common/has-text.decorator';

export class CreateRoutingOverrideDto {
  @ApiProperty({ example: 'fallen_tree' })
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'catalogCode must be a catalog code' })
  catalogCode: string;

  @ApiProperty({ example: 'VA' })
  @Matches(/^[A-Z0-9_-]{1,32}$/, { message: 'departmentCode must be a department code' })
  departmentCode: string;

  @ApiProperty({ example: 'Stormen: park och gata hjälper varandra denna vecka' })
  @IsString()
  @HasText()
  @MaxLength(500)
  reason: string;
}

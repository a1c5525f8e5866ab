import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { HasText } from '../../common/has-text.decorator';

export class SuggestTriageDto {
  @ApiProperty({ example: 'Gatlampan utanför Storgatan 12 är trasig' })
  @IsString()
  @HasText()
  @MaxLength(10000)
  text: string;
}

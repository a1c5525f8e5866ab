import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class SuggestTriageDto {
  @ApiProperty({ example: 'Gatlampan utanför Storgatan 12 är trasig' })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  text: string;
}

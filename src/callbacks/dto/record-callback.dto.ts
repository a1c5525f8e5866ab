import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { CallbackMadeDto } from './callback-made.dto';

/** POST /api/v1/contacts/{id}/callback: the callback was made, whether or not the citizen answered. */
export class RecordCallbackDto extends CallbackMadeDto {
  @ApiProperty({ description: 'Whether the citizen was reached' })
  @IsBoolean()
  reached: boolean;

  @ApiProperty({ required: false, example: 'Lämnade meddelande på telefonsvararen' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

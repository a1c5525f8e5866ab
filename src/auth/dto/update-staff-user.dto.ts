import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** An admin's change to a staff account; the fields given change. */
export class UpdateStaffUserDto {
  @ApiPropertyOptional({ example: 'Anna Andersson' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    description: 'false deactivates the account: it can no longer sign in, and its sessions end at once',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

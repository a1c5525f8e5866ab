import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../roles';
import { LoginResponseDto } from './login.dto';

/** A signed-in session: the bearer token for every other call, and how long it lasts. */
export class LoginResponse {
  @ApiProperty({ description: 'Send as "Authorization: Bearer <token>"; it stops working when it expires' })
  accessToken: string;

  @ApiProperty({ description: 'Seconds until the token expires', example: 28800 })
  expiresIn: number;

  @ApiProperty({ enum: ROLES, description: 'The role the token carries' })
  role: string;
}

export function toLoginResponse(login: LoginResponseDto): LoginResponse {
  return { accessToken: login.accessToken, expiresIn: login.expiresIn, role: login.role };
}

import { ApiProperty } from '@nestjs/swagger';
import { LoginResponse } from '../../dto/login.response';
import { FinishedSignIn } from '../oidc-sign-in.service';

/**
 * A sign-in through the identity provider: the same bearer token as the password log-in gives,
 * and the staff member as the provider's claims left them.
 */
export class OidcSignInResponse extends LoginResponse {
  @ApiProperty({ format: 'uuid', description: 'The staff member signed in' })
  staffId: string;

  @ApiProperty({ description: 'Their e-mail, from the provider, in lower case', example: 'anna.andersson@kommun.se' })
  email: string;

  @ApiProperty({ description: 'Their name, from the provider', example: 'Anna Andersson' })
  name: string;

  @ApiProperty({
    type: [String],
    description: 'The departments the claims put them in; managers and admins see all departments regardless',
    example: ['TEK'],
  })
  departmentCodes: string[];

  @ApiProperty({ description: 'true when this sign-in created their staff account' })
  firstSignIn: boolean;
}

export function toOidcSignInResponse({ token, staff }: FinishedSignIn): OidcSignInResponse {
  return {
    accessToken: token.accessToken,
    expiresIn: token.expiresIn,
    role: token.role,
    staffId: staff.id,
    email: staff.email,
    name: staff.name,
    departmentCodes: staff.departmentCodes,
    firstSignIn: staff.created,
  };
}

/** The fields a browser's `returnTo` page finds in its URL fragment. */
export function signInFragment({ token }: FinishedSignIn): string {
  return new URLSearchParams({
    accessToken: token.accessToken,
    expiresIn: String(token.expiresIn),
    role: token.role,
  }).toString();
}

import { ApiProperty } from '@nestjs/swagger';
import { AppConfig } from '../../config/app-config';

/** The sign-in methods this installation offers, for a client to show the right ones. */
export class SignInMethodsResponse {
  @ApiProperty({ description: 'E-mail and password at POST /api/v1/auth/login' })
  password: boolean;

  @ApiProperty({
    description: "The municipality's identity provider (OpenID Connect), begun at GET /api/v1/auth/oidc/login",
  })
  oidc: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Where a browser begins sign-in through the identity provider; null when it is off',
    example: '/api/v1/auth/oidc/login',
  })
  oidcLoginPath: string | null;
}

export function toSignInMethodsResponse(config: Pick<AppConfig, 'passwordLogin' | 'oidc'>): SignInMethodsResponse {
  return {
    password: config.passwordLogin,
    oidc: config.oidc !== undefined,
    oidcLoginPath: config.oidc ? '/api/v1/auth/oidc/login' : null,
  };
}

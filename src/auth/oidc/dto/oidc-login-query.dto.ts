import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** The query of `GET /api/v1/auth/oidc/login`. */
export class OidcLoginQueryDto {
  @ApiPropertyOptional({
    description:
      'A path of this app (one leading /, no #) to send the browser to after sign-in, with the token in the ' +
      'fragment: /desk#accessToken=…&expiresIn=…&role=…. Without it the callback answers JSON',
    example: '/desk',
    maxLength: 1000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  // eslint-disable-next-line no-control-regex
  @Matches(/^\/(?![/\\])[^\\#\u0000-\u001f\u007f]*$/, {
    message: 'returnTo must be a path of this app, starting with a single /',
  })
  returnTo?: string;
}

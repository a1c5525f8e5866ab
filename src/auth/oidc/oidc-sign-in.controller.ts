import { Controller, Get, HttpCode, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { ApiErrorAnswer, ApiErrors } from '../../common/api-errors.decorator';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Public } from '../public.decorator';
import { OidcLoginQueryDto } from './dto/oidc-login-query.dto';
import { OidcSignInResponse, signInFragment, toOidcSignInResponse } from './dto/oidc-sign-in.response';
import { OidcSignInService } from './oidc-sign-in.service';
import { SIGN_IN_ATTEMPT_COOKIE, SIGN_IN_ATTEMPT_SECONDS } from './sign-in-attempt';
import {
  IDENTITY_PROVIDER_UNAVAILABLE,
  SIGN_IN_FAILED,
  SIGN_IN_METHOD_OFF,
  SIGN_IN_REFUSED,
} from '../sign-in-error-answers';

/**
 * Sign-in through the municipality's identity provider (OpenID Connect authorization code flow
 * with PKCE). A browser goes to `login`, signs in at the provider, and comes back to `callback`,
 * which answers the bearer token. Both answer 404 (sign_in_method_off) when no provider is
 * configured. The answers redirect or set a cookie, so the handlers write them themselves.
 */
@ApiTags('auth')
@Controller('api/v1/auth/oidc')
export class OidcSignInController {
  constructor(
    private readonly signIn: OidcSignInService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('login')
  @HttpCode(302)
  @ApiFoundResponse({
    description:
      "To the provider's sign-in page, with a cookie that holds this sign-in's state, nonce and PKCE verifier for the callback",
    headers: {
      Location: {
        description: "The provider's authorization endpoint with this sign-in's request",
        schema: { type: 'string' },
      },
      'Set-Cookie': {
        description: `${SIGN_IN_ATTEMPT_COOKIE}: the sealed sign-in, HttpOnly`,
        schema: { type: 'string' },
      },
    },
  })
  @ApiErrors(400)
  @ApiErrorAnswer(404, SIGN_IN_METHOD_OFF)
  @ApiErrorAnswer(503, IDENTITY_PROVIDER_UNAVAILABLE)
  async login(@Query() query: OidcLoginQueryDto, @Res() response: Response): Promise<void> {
    const begun = await this.signIn.begin(query.returnTo);
    response.cookie(SIGN_IN_ATTEMPT_COOKIE, begun.sealedAttempt, {
      ...this.attemptCookie(),
      maxAge: SIGN_IN_ATTEMPT_SECONDS * 1000,
    });
    response.redirect(302, begun.authorizationUrl);
  }

  @Public()
  @Get('callback')
  @ApiOkResponse({ type: OidcSignInResponse, description: 'Signed in: the bearer token, as the password log-in gives' })
  @ApiFoundResponse({
    description: 'Signed in, for a sign-in begun with returnTo: to that path, with the token in the fragment',
    headers: {
      Location: { description: '<returnTo>#accessToken=…&expiresIn=…&role=…', schema: { type: 'string' } },
    },
  })
  @ApiErrorAnswer(401, SIGN_IN_FAILED)
  @ApiErrorAnswer(403, SIGN_IN_REFUSED)
  @ApiErrorAnswer(404, SIGN_IN_METHOD_OFF)
  @ApiErrorAnswer(503, IDENTITY_PROVIDER_UNAVAILABLE)
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    // The answer carries a token: no cache or referrer may keep it. The attempt is good for one try.
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Referrer-Policy', 'no-referrer');
    const sealedAttempt = cookieOf(request, SIGN_IN_ATTEMPT_COOKIE);
    if (this.config.oidc) response.clearCookie(SIGN_IN_ATTEMPT_COOKIE, this.attemptCookie());
    const answer = new URLSearchParams(request.originalUrl.split('?')[1] ?? '');
    const finished = await this.signIn.finish(answer, sealedAttempt);
    if (finished.returnTo) response.redirect(302, `${finished.returnTo}#${signInFragment(finished)}`);
    else response.status(200).json(toOidcSignInResponse(finished));
  }

  /**
   * The attempt's cookie goes only to the callback, and comes along when the provider sends the
   * browser back from another site (SameSite=Lax lets a top-level GET carry it).
   */
  private attemptCookie(): CookieOptions {
    const redirectUrl = new URL(this.config.oidc?.redirectUrl ?? 'http://localhost/');
    return { httpOnly: true, sameSite: 'lax', secure: redirectUrl.protocol === 'https:', path: redirectUrl.pathname };
  }
}

/** One cookie of the request's Cookie header (RFC 6265, 5.4), without a cookie parser for the whole app. */
function cookieOf(request: Request, name: string): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const equals = pair.indexOf('=');
    if (equals > 0 && pair.slice(0, equals).trim() === name) return decodeURIComponent(pair.slice(equals + 1).trim());
  }
  return undefined;
}

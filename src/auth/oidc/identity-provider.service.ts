import { Inject, Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { IdentityProviderUnavailableError, SignInFailedError, SignInMethodOffError } from '../../common/domain-errors';
import { AppConfig, OidcConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Claims } from './claim-mapping';
import { SignInAttempt } from './sign-in-attempt';

/** Seconds to wait for the provider before telling the person it cannot be reached. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/**
 * This app as a client of the municipality's identity provider: the authorization code flow of
 * OpenID Connect Core 1.0, 3.1, with PKCE (RFC 7636, S256), through `openid-client`. The provider's
 * metadata and keys are discovered on first use (OpenID Connect Discovery 1.0) and kept; when the
 * provider cannot be reached, the next sign-in tries again, and the app itself starts regardless.
 *
 * `openid-client` is an ES module; this CommonJS app loads it with `require()`, which Node 20.19
 * and later do natively (docs/sign-in.md).
 */
@Injectable()
export class IdentityProviderService {
  private readonly logger = new Logger('IdentityProvider');
  private discovered: Promise<oidc.Configuration> | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether an identity provider is configured (OIDC_ISSUER). */
  get enabled(): boolean {
    return this.config.oidc !== undefined;
  }

  /**
   * The provider's authorization endpoint with the request for this attempt: response type
   * `code`, the scopes, `state`, `nonce` and the S256 challenge of the attempt's code verifier.
   *
   * @throws SignInMethodOffError when no provider is configured
   * @throws IdentityProviderUnavailableError when its metadata cannot be read
   */
  async authorizationUrl(attempt: SignInAttempt): Promise<URL> {
    const settings = this.settings();
    return oidc.buildAuthorizationUrl(await this.configuration(), {
      redirect_uri: settings.redirectUrl,
      scope: settings.scopes.join(' '),
      state: attempt.state,
      nonce: attempt.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(attempt.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /**
   * Checks the provider's answer at the redirect URL against the attempt (its `state`), redeems
   * the code with the attempt's PKCE verifier, checks the ID token for issuer, audience, expiry
   * and the attempt's `nonce` (OpenID Connect Core 1.0, 3.1.3.7; it comes straight from the token
   * endpoint over TLS, which stands in for checking its signature, step 6) and answers its claims,
   * with the UserInfo endpoint's beside them unless OIDC_USERINFO=false (the ID token's win; the
   * UserInfo `sub` must be the ID token's, 5.3.2).
   *
   * @param answer the query string the provider sent the browser back with (`code` and `state`, or `error`)
   * @throws SignInFailedError when the answer, the code or the ID token does not hold
   * @throws IdentityProviderUnavailableError when the provider cannot be reached
   */
  async claimsFor(answer: URLSearchParams, attempt: SignInAttempt): Promise<Claims> {
    const settings = this.settings();
    const configuration = await this.configuration();
    const currentUrl = new URL(settings.redirectUrl);
    currentUrl.search = answer.toString();
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new SignInFailedError('The identity provider sent no ID token');
      if (!settings.userinfo || !configuration.serverMetadata().userinfo_endpoint) return { ...idToken };
      const userinfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      return { ...userinfo, ...idToken };
    } catch (error) {
      throw this.explain(error);
    }
  }

  private settings(): OidcConfig {
    if (!this.config.oidc)
      throw new SignInMethodOffError('Sign-in through an identity provider is not configured on this installation');
    return this.config.oidc;
  }

  private configuration(): Promise<oidc.Configuration> {
    const settings = this.settings();
    this.discovered ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        // The client authentication OpenID Connect registers by default (Dynamic Client Registration 1.0, 2).
        oidc.ClientSecretBasic(settings.clientSecret),
        {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          // Plain http only for a provider on this machine (development, tests): see OidcConfig.allowHttp.
          execute: settings.allowHttp ? [oidc.allowInsecureRequests] : [],
        },
      )
      .catch((error: unknown) => {
        this.discovered = undefined;
        this.logger.error(
          { issuer: settings.issuer, err: describe(error) },
          'The identity provider could not be discovered',
        );
        throw new IdentityProviderUnavailableError('The identity provider cannot be reached; try again shortly');
      });
    return this.discovered;
  }

  /** The domain error for what went wrong with the provider's answer or its endpoints. */
  private explain(error: unknown): Error {
    if (error instanceof SignInFailedError) return error;
    if (isUnreachable(error)) {
      this.logger.error({ err: describe(error) }, 'The identity provider could not be reached');
      return new IdentityProviderUnavailableError('The identity provider cannot be reached; try again shortly');
    }
    if (error instanceof oidc.AuthorizationResponseError)
      return new SignInFailedError(
        `The identity provider answered ${error.error}${error.error_description ? `: ${error.error_description}` : ''}`,
      );
    if (error instanceof oidc.ResponseBodyError)
      return new SignInFailedError(`The identity provider would not redeem the sign-in (${error.error})`);
    if (error instanceof oidc.ClientError) {
      this.logger.warn({ err: describe(error) }, 'A sign-in answer from the identity provider was refused');
      return new SignInFailedError(`The identity provider's answer does not hold: ${describe(error)}`);
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** The message of an error and of what caused it, e.g. `invalid response encountered: unexpected "state"...`. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error && error.cause.message !== error.message ? error.cause.message : '';
  return cause ? `${error.message}: ${cause}` : error.message;
}

/**
 * A request that never got an answer: fetch's TypeError, or openid-client's timeout. fetch may
 * come from another realm than openid-client (as under a test runner's sandbox), whose TypeError
 * openid-client then wraps as the cause of its own error: so the error is told by its name and
 * its causes are looked at too.
 */
function isUnreachable(error: unknown): boolean {
  for (let current = error; typeof current === 'object' && current !== null; current = (current as Error).cause) {
    const { name, message, code } = current as { name?: unknown; message?: unknown; code?: unknown };
    if ((name === 'TypeError' && message === 'fetch failed') || code === 'OAUTH_TIMEOUT' || code === 'OAUTH_ABORT')
      return true;
  }
  return false;
}

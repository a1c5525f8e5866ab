import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomNonce, randomPKCECodeVerifier, randomState } from 'openid-client';
import { Clock } from '../../common/clock';
import {
  InvalidInputError,
  SignInFailedError,
  SignInMethodOffError,
  SignInRefusedError,
} from '../../common/domain-errors';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuthService } from '../auth.service';
import { LoginResponseDto } from '../dto/login.dto';
import { identityFromClaims, staffAccessFromClaims } from './claim-mapping';
import { IdentityProviderService } from './identity-provider.service';
import { SignedInStaff, OidcStaffService } from './oidc-staff.service';
import { isAppPath, SIGN_IN_ATTEMPT_SECONDS, SignInAttempt, SignInAttemptSealer } from './sign-in-attempt';

/** A sign-in begun: where to send the browser, and the sealed attempt for its cookie. */
export interface BegunSignIn {
  authorizationUrl: string;
  sealedAttempt: string;
}

/** A finished sign-in: the bearer token, who it is for, and where the browser asked to go. */
export interface FinishedSignIn {
  token: LoginResponseDto;
  staff: SignedInStaff;
  returnTo: string | null;
}

/**
 * Sign-in through the municipality's identity provider, from the redirect to the provider to the
 * bearer token: the same token the password log-in issues, so the rest of the API cannot tell
 * the two apart.
 */
@Injectable()
export class OidcSignInService {
  private readonly logger = new Logger('OidcSignIn');
  private readonly sealer: SignInAttemptSealer;

  constructor(
    private readonly identityProvider: IdentityProviderService,
    private readonly staff: OidcStaffService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.sealer = new SignInAttemptSealer(config.jwtSecret);
  }

  /**
   * Begins a sign-in: a fresh `state`, `nonce` and PKCE code verifier (RFC 7636, 4.1), the
   * provider's authorization URL for them, and the attempt sealed for the browser's cookie. It
   * lapses after SIGN_IN_ATTEMPT_SECONDS.
   *
   * @param returnTo a path of this app to send the browser to with its token (see `isAppPath`)
   * @throws SignInMethodOffError when no identity provider is configured
   * @throws InvalidInputError when `returnTo` is not a path of this app
   * @throws IdentityProviderUnavailableError when the provider's metadata cannot be read
   */
  async begin(returnTo: string | undefined): Promise<BegunSignIn> {
    if (!this.identityProvider.enabled) throw this.notConfigured();
    if (returnTo !== undefined && !isAppPath(returnTo))
      throw new InvalidInputError(['returnTo must be a path of this app, starting with a single /']);
    const attempt: SignInAttempt = {
      state: randomState(),
      nonce: randomNonce(),
      codeVerifier: randomPKCECodeVerifier(),
      returnTo: returnTo ?? null,
      expiresAt: this.clock.now().getTime() + SIGN_IN_ATTEMPT_SECONDS * 1000,
    };
    const authorizationUrl = await this.identityProvider.authorizationUrl(attempt);
    return { authorizationUrl: authorizationUrl.href, sealedAttempt: this.sealer.seal(attempt) };
  }

  /**
   * Finishes a sign-in with the provider's answer and the attempt from the browser's cookie:
   * checks the answer, maps the claims to a role and departments, creates or updates the staff
   * member, and issues their bearer token.
   *
   * @param answer the query string the provider sent the browser back with
   * @param sealedAttempt the cookie the browser kept since `begin`
   * @throws SignInMethodOffError when no identity provider is configured
   * @throws SignInFailedError when there is no attempt, or the answer does not hold
   * @throws SignInRefusedError when the person may not use onewayin
   * @throws IdentityProviderUnavailableError when the provider cannot be reached
   */
  async finish(answer: URLSearchParams, sealedAttempt: string | undefined): Promise<FinishedSignIn> {
    if (!this.identityProvider.enabled || !this.config.oidc) throw this.notConfigured();
    const attempt = this.sealer.open(sealedAttempt, this.clock.now());
    if (!attempt)
      throw new SignInFailedError(
        `This browser has no sign-in under way (one lapses after ${SIGN_IN_ATTEMPT_SECONDS / 60} minutes); begin again at GET /api/v1/auth/oidc/login`,
      );
    const claims = await this.identityProvider.claimsFor(answer, attempt);
    const identity = identityFromClaims(claims);
    if ('reason' in identity) throw this.refused(identity.reason);
    const access = staffAccessFromClaims(claims, this.config.oidc);
    if (!access.granted) throw this.refused(access.reason);
    const staff = await this.staff.signIn(identity, access);
    const token = await this.auth.issueToken(staff);
    return { token, staff, returnTo: attempt.returnTo };
  }

  private notConfigured(): SignInMethodOffError {
    return new SignInMethodOffError('Sign-in through an identity provider is not configured on this installation');
  }

  private refused(reason: string): SignInRefusedError {
    this.logger.warn({ reason }, 'A sign-in through the identity provider was refused');
    return new SignInRefusedError(reason);
  }
}

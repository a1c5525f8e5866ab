/** Typed errors from the domain; one exception filter maps them to HTTP. */
export class NotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`${what} "${id}" was not found`);
  }
}

export class ConflictError extends Error {}

export class ForbiddenError extends Error {}

/** Input that passed the DTO but breaks a rule that needs the database to check. */
export class InvalidInputError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join('; '));
  }
}

/**
 * Refused for now because a limit was reached; `retryAfterSeconds` is sent as the Retry-After
 * header (RFC 9110, 10.2.3) with status 429.
 */
export class TooManyRequestsError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/**
 * Sign-in refused because too many failed attempts locked the e-mail address: 429 with
 * Retry-After, code `account_locked`. An e-mail that belongs to nobody locks the same way, so the
 * answer tells nothing about which accounts exist.
 */
export class AccountLockedError extends TooManyRequestsError {}

/**
 * A sign-in method this installation does not offer: password log-in turned off
 * (PASSWORD_LOGIN=false), or sign-in through an identity provider not configured (OIDC_ISSUER).
 */
export class SignInMethodOffError extends Error {}

/**
 * The identity provider's answer to a sign-in does not hold: no pending sign-in of this browser,
 * a state or nonce that is not the one sent, a code the provider will not redeem, an ID token that
 * does not verify, or an error the provider reported (e.g. the person cancelled).
 */
export class SignInFailedError extends Error {}

/**
 * The identity provider signed the person in, but they may not use onewayin: their claims map to
 * no role, a handler's to no department, or their staff account is deactivated.
 */
export class SignInRefusedError extends Error {}

/** The identity provider cannot be reached, or its discovery document cannot be read. */
export class IdentityProviderUnavailableError extends Error {}

/**
 * The body comes in a Content-Encoding (compression) that is not taken here: 415 with the code
 * unsupported_encoding. The body may come as it is (identity), or in gzip, deflate or br.
 */
export class UnsupportedEncodingError extends Error {
  constructor(readonly encoding: string) {
    super(`Content-Encoding "${encoding}" is not supported: send the body as it is, or in gzip, deflate or br`);
  }
}

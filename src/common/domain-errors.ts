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
 * The body comes in a Content-Encoding (compression) that is not taken here: 415 with the code
 * unsupported_encoding. The body may come as it is (identity), or in gzip, deflate or br.
 */
export class UnsupportedEncodingError extends Error {
  constructor(readonly encoding: string) {
    super(`Content-Encoding "${encoding}" is not supported: send the body as it is, or in gzip, deflate or br`);
  }
}

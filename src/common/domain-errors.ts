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

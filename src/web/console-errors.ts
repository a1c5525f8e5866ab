/** A page that needs a signed-in staff member was asked for without a live session. */
export class SignInRequiredError extends Error {
  constructor(readonly returnTo: string | null) {
    super('Sign in to see this page');
  }
}

/** A form came without the anti-forgery token of this browser and session, or from another site. */
export class ForgedFormError extends Error {
  constructor() {
    super('The form did not carry this browser’s anti-forgery token');
  }
}

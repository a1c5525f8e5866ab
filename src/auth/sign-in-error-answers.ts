import { DocumentedError } from '../common/api-errors.decorator';

/** The error answers of sign-in, as the OpenAPI document describes them (docs/api.md). */
export const SIGN_IN_METHOD_OFF: DocumentedError = {
  error: 'Not Found',
  code: 'sign_in_method_off',
  description: 'This installation does not offer this sign-in method (code sign_in_method_off)',
  message: 'Sign-in through an identity provider is not configured on this installation',
};

export const SIGN_IN_FAILED: DocumentedError = {
  error: 'Unauthorized',
  code: 'sign_in_failed',
  description:
    "The identity provider's answer does not hold: no sign-in under way in this browser, a wrong state or nonce, " +
    'a code the provider will not redeem, or an error the provider reported (code sign_in_failed)',
  message: 'The identity provider\'s answer does not hold: unexpected "state" response parameter value',
};

export const SIGN_IN_REFUSED: DocumentedError = {
  error: 'Forbidden',
  code: 'sign_in_refused',
  description:
    'The provider signed the person in, but their claims give no role in onewayin, a handler no department, ' +
    'or their staff account is deactivated (code sign_in_refused)',
  message: 'None of your values of the claim "groups" gives a role in onewayin',
};

export const IDENTITY_PROVIDER_UNAVAILABLE: DocumentedError = {
  error: 'Service Unavailable',
  code: 'identity_provider_unavailable',
  description: 'The identity provider cannot be reached (code identity_provider_unavailable)',
  message: 'The identity provider cannot be reached; try again shortly',
};

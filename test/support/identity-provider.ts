import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import type Provider from 'oidc-provider';
import type { Configuration, JWK } from 'oidc-provider';

/** A person the test provider knows, with the claims it gives out about them. */
export interface TestAccount {
  sub: string;
  email: string;
  email_verified?: boolean;
  name: string;
  /** The groups claim: what the app's OIDC_ROLE_MAP and OIDC_DEPARTMENT_MAP read. */
  groups: string[];
}

export interface TestIdentityProviderOptions {
  accounts: TestAccount[];
  /** The app's callback, as registered for the test client. */
  redirectUri: string;
  /**
   * Put the scopes' claims (e-mail, name, groups) in the ID token as well, as Entra ID does;
   * by default they come only from the UserInfo endpoint, as OpenID Connect Core 1.0, 5.4 has it
   * for the code flow.
   */
  claimsInIdToken?: boolean;
}

/** A real OpenID provider on 127.0.0.1, for the app to sign people in through. */
export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The accounts by subject; a test may change one between sign-ins, as a directory changes. */
  accounts: Map<string, TestAccount>;
  /** The app's OIDC_* variables for this provider, with `overrides` on top. */
  appEnv: (overrides?: Record<string, string>) => Record<string, string>;
  close: () => Promise<void>;
}

/**
 * Starts `oidc-provider` on a random port of 127.0.0.1 with one confidential client (the app) and
 * the accounts given. Its sign-in page is a small form of its own (below) that takes the subject
 * of an account as the login; consent is given at once, as for a municipality's own application.
 */
export async function startIdentityProvider(options: TestIdentityProviderOptions): Promise<TestIdentityProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'onewayin';
  const clientSecret = randomBytes(24).toString('hex');
  const accounts = new Map(options.accounts.map((account) => [account.sub, { ...account }]));

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: ['groups'],
    },
    conformIdTokenClaims: !options.claimsInIdToken,
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: () => ({ ...account }) } : undefined;
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    jwks: {
      keys: [
        {
          ...(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }) as JWK),
          kid: 'test',
          alg: 'RS256',
          use: 'sig',
        },
      ],
    },
  };
  const provider = await withoutExpectedWarnings(async () => new (await loadProvider())(issuer, configuration));
  const handle = provider.callback();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.url?.startsWith('/interaction/')) {
      interaction(provider, request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
    } else void handle(request, response);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    appEnv: (overrides = {}) => ({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_REDIRECT_URL: options.redirectUri,
      OIDC_SCOPES: 'openid email profile groups',
      ...overrides,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The provider's interaction: `GET /interaction/{uid}` shows a sign-in form, whose `login` is
 * the subject of an account; its `POST` signs that account in, or with `cancel` ends the sign-in
 * with access_denied, as a person who gives up does. A consent prompt is granted at once with the
 * scopes and claims asked for.
 */
async function interaction(provider: Provider, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(request, response);
  if (request.method === 'POST') {
    const form = new URLSearchParams(await bodyOf(request));
    const result = form.has('cancel')
      ? { error: 'access_denied', error_description: 'End-User aborted interaction' }
      : { login: { accountId: form.get('login') ?? '' } };
    await provider.interactionFinished(request, response, result, { mergeWithLastSubmission: false });
    return;
  }
  if (details.prompt.name === 'consent') {
    const grant = new provider.Grant({
      accountId: details.session!.accountId,
      clientId: String(details.params.client_id),
    });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    await provider.interactionFinished(
      request,
      response,
      { consent: { grantId: await grant.save() } },
      {
        mergeWithLastSubmission: true,
      },
    );
    return;
  }
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.end(
    `<!doctype html><title>Kommunens inloggning</title><form method="post" action="/interaction/${details.uid}">` +
      `<label>Användare <input name="login"></label><button>Logga in</button></form>`,
  );
}

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function loadProvider(): Promise<typeof Provider> {
  return import('oidc-provider').then((module) => module.default);
}

/**
 * oidc-provider warns when it is loaded on Node.js older than 22 LTS (it runs on Node 20.19 and
 * later, as these tests show), and when it keeps its grants in memory, as a test provider does.
 * Those two expected warnings are held back; any other is shown.
 */
async function withoutExpectedWarnings<T>(work: () => Promise<T>): Promise<T> {
  const expected = ['Unsupported runtime', 'in-memory adapter'];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!expected.some((text) => String(args[0]).includes(text))) warn(...args);
  };
  try {
    return await work();
  } finally {
    console.warn = warn;
  }
}

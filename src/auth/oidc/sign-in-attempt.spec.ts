import { isAppPath, SignInAttempt, SignInAttemptSealer } from './sign-in-attempt';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const ATTEMPT: SignInAttempt = {
  state: 'state-1',
  nonce: 'nonce-1',
  codeVerifier: 'verifier-1',
  returnTo: '/desk',
  expiresAt: NOW.getTime() + 600_000,
};

describe('SignInAttemptSealer', () => {
  const sealer = new SignInAttemptSealer('a-secret-of-sixteen-or-more');

  it('opens what it sealed, and hides the values from the browser', () => {
    const sealed = sealer.seal(ATTEMPT);
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('verifier-1');
    expect(sealer.open(sealed, NOW)).toEqual(ATTEMPT);
  });

  it('seals the same attempt differently each time', () => {
    expect(sealer.seal(ATTEMPT)).not.toBe(sealer.seal(ATTEMPT));
  });

  it('opens nothing that lapsed, was changed, was sealed with another secret, or is missing', () => {
    const sealed = sealer.seal(ATTEMPT);
    expect(sealer.open(sealed, new Date(ATTEMPT.expiresAt))).toBeNull();
    const changed = Buffer.from(sealed, 'base64url');
    changed[20] ^= 1;
    expect(sealer.open(changed.toString('base64url'), NOW)).toBeNull();
    expect(new SignInAttemptSealer('another-secret-of-sixteen').open(sealed, NOW)).toBeNull();
    expect(sealer.open('', NOW)).toBeNull();
    expect(sealer.open(undefined, NOW)).toBeNull();
    expect(sealer.open('short', NOW)).toBeNull();
  });
});

describe('isAppPath', () => {
  it.each(['/', '/desk', '/cases/2026-000001?lang=sv', '/inbox/TEK'])('takes the path %s', (path) => {
    expect(isAppPath(path)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    '//evil.example/desk',
    '/\\evil.example',
    '\\\\evil.example',
    'desk',
    '/desk#section',
    '/desk\nLocation: https://evil.example',
    '',
    `/${'a'.repeat(1000)}`,
  ])('refuses %p', (returnTo) => {
    expect(isAppPath(returnTo)).toBe(false);
  });
});

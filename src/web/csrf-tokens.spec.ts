import { CsrfTokens } from './csrf-tokens';

describe('anti-forgery tokens', () => {
  const tokens = new CsrfTokens('a-secret-of-sixteen-chars');
  const nonce = CsrfTokens.newNonce();

  it('hold for the nonce and session they were made for', () => {
    expect(tokens.holds(tokens.tokenFor(nonce, 'session-1'), nonce, 'session-1')).toBe(true);
    expect(tokens.holds(tokens.tokenFor(nonce, null), nonce, null)).toBe(true);
  });

  it("do not hold for another browser's nonce, another session, another key, or none", () => {
    const token = tokens.tokenFor(nonce, 'session-1');
    expect(tokens.holds(token, CsrfTokens.newNonce(), 'session-1')).toBe(false);
    expect(tokens.holds(token, nonce, 'session-2')).toBe(false);
    expect(tokens.holds(token, nonce, null)).toBe(false);
    expect(new CsrfTokens('another-secret-of-16').holds(token, nonce, 'session-1')).toBe(false);
    expect(tokens.holds(undefined, nonce, 'session-1')).toBe(false);
    expect(tokens.holds(token, undefined, 'session-1')).toBe(false);
    expect(tokens.holds('short', nonce, 'session-1')).toBe(false);
  });
});

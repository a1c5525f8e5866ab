import { createHash, createHmac } from 'node:crypto';
import { signInAccountName } from './sign-in-account';

describe('signInAccountName', () => {
  it('is the HMAC-SHA-256 of the lower-case address under a key derived for this use, in 32 hex digits', () => {
    const derived = createHash('sha256').update('onewayin sign-in account\0key-of-sixteen+').digest();
    const expected = createHmac('sha256', derived).update('anna@example.se').digest('hex').slice(0, 32);
    expect(signInAccountName('Anna@Example.SE ', 'key-of-sixteen+')).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{32}$/);
  });

  it('differs between addresses and between keys, and never contains the address', () => {
    const name = signInAccountName('anna@example.se', 'key-one-sixteen!');
    expect(signInAccountName('bo@example.se', 'key-one-sixteen!')).not.toBe(name);
    expect(signInAccountName('anna@example.se', 'key-two-sixteen!')).not.toBe(name);
    expect(name).not.toContain('anna');
  });
});

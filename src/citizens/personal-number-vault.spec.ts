import { PersonalNumberVault } from './personal-number-vault';

describe('PersonalNumberVault', () => {
  const vault = new PersonalNumberVault('a-test-secret-of-some-length');

  it('never stores the number in clear and reads it back', () => {
    const sealed = vault.encrypt('198112189876');
    expect(sealed).not.toContain('198112189876');
    expect(sealed).not.toBe(vault.encrypt('198112189876'));
    expect(vault.decrypt(sealed)).toBe('198112189876');
  });

  it('finds the same person again by a stable keyed hash', () => {
    expect(vault.hash('198112189876')).toBe(vault.hash('198112189876'));
    expect(vault.hash('198112189876')).not.toBe(
      new PersonalNumberVault('another-secret-entirely').hash('198112189876'),
    );
  });
});

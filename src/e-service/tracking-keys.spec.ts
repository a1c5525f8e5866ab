import { TrackingKeys } from './tracking-keys';

describe('tracking keys', () => {
  const keys = new TrackingKeys('a-personal-data-key-of-the-installation');
  const caseId = '0b9f4c1e-2d7a-4e55-9a41-7f1c2b3d4e5f';

  it('are 22 URL-safe characters, the same every time for a case, different between cases and installations', () => {
    const key = keys.keyFor(caseId);
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(keys.keyFor(caseId)).toBe(key);
    expect(keys.keyFor('1b9f4c1e-2d7a-4e55-9a41-7f1c2b3d4e5f')).not.toBe(key);
    expect(new TrackingKeys('another-installation-key-entirely').keyFor(caseId)).not.toBe(key);
  });

  it('hold only for the right key', () => {
    const key = keys.keyFor(caseId);
    expect(keys.holds(caseId, key)).toBe(true);
    expect(keys.holds(caseId, `${key.slice(0, 21)}${key[21] === 'A' ? 'B' : 'A'}`)).toBe(false);
    expect(keys.holds(caseId, key.slice(0, 21))).toBe(false);
    expect(keys.holds(caseId, undefined)).toBe(false);
    expect(keys.holds(caseId, [key])).toBe(false);
  });

  it('make the tracking link from the public address, the reference and the key', () => {
    expect(keys.linkFor('https://kommun.example', '2026-000123', caseId)).toBe(
      `https://kommun.example/track/2026-000123?key=${keys.keyFor(caseId)}`,
    );
  });
});

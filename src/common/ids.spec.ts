import { isUUID } from 'class-validator';
import { newId } from './ids';

describe('newId', () => {
  it('makes UUIDs of version 7 that sort as they were made, within one millisecond too', () => {
    const ids = Array.from({ length: 2_000 }, () => newId());
    for (const id of ids) {
      expect(isUUID(id)).toBe(true);
      expect(id[14]).toBe('7');
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('starts with the time it was made, in milliseconds', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    const made = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    expect(made).toBeGreaterThanOrEqual(before);
    expect(made).toBeLessThanOrEqual(after);
  });
});

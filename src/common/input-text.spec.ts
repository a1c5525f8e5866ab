import { MAX_JSON_DEPTH, nestedDeeperThan, textProblem, textProblems } from './input-text';

describe('text a database can store', () => {
  it('takes any Unicode text, surrogate pairs (emoji) included', () => {
    expect(textProblem('Gatlampan är släckt 😀 ✓')).toBeUndefined();
    expect(textProblem('')).toBeUndefined();
  });

  it('refuses a NUL character and a lone surrogate, high or low, anywhere in the text', () => {
    expect(textProblem('a\u0000b')).toBe('must not contain the NUL character (\\u0000)');
    for (const text of ['\ud800', 'karin\ud800@example.se', 'x\udfff', '\udc00\ud83d'])
      expect(textProblem(text)).toBe('must be well-formed Unicode text (it holds a lone surrogate)');
  });

  it('names every bad field of a body by its path, field names included', () => {
    const body = {
      description: 'ok',
      citizen: { name: 'Karin\u0000', email: 'k\ud800@example.se' },
      keywords: ['ok', 'x\u0000'],
      ['bad\u0000key']: 1,
    };
    expect(textProblems(body, '')).toEqual([
      'body: a field name must not contain the NUL character (\\u0000)',
      'citizen.email must be well-formed Unicode text (it holds a lone surrogate)',
      'citizen.name must not contain the NUL character (\\u0000)',
      'keywords[1] must not contain the NUL character (\\u0000)',
    ]);
  });

  it('names a lone parameter by its name, and finds nothing in numbers, booleans and null', () => {
    expect(textProblems('a\u0000b', 'id')).toEqual(['id must not contain the NUL character (\\u0000)']);
    expect(textProblems({ limit: 5, active: true, note: null }, '')).toEqual([]);
  });

  it('names at most ten problems', () => {
    expect(
      textProblems(
        Array.from({ length: 50 }, () => '\u0000'),
        'keywords',
      ),
    ).toHaveLength(10);
  });
});

describe('JSON nesting', () => {
  const nested = (depth: number): unknown => {
    let value: unknown = [];
    for (let level = 1; level < depth; level++) value = level % 2 ? { a: value } : [value];
    return value;
  };

  it(`takes ${MAX_JSON_DEPTH} levels of arrays and objects, and finds more than that`, () => {
    expect(nestedDeeperThan(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(nestedDeeperThan(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(nestedDeeperThan('text', MAX_JSON_DEPTH)).toBe(false);
    expect(nestedDeeperThan(undefined, MAX_JSON_DEPTH)).toBe(false);
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    expect(nestedDeeperThan(nested(100_000), MAX_JSON_DEPTH)).toBe(true);
    expect(textProblems(nested(100_000), '')).toEqual([]);
  });
});

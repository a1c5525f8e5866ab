import { localPath } from './navigation';

describe('the path to go on to after signing in', () => {
  it('is a path of the console', () => {
    expect(localPath('/inbox')).toBe('/inbox');
    expect(localPath('/cases/2026-000123?lang=en')).toBe('/cases/2026-000123?lang=en');
  });

  it('never leaves the site, and never goes back to signing in', () => {
    for (const outside of [
      '//evil.example/',
      '/\\evil.example',
      'https://evil.example/',
      'inbox',
      '',
      '/ x',
      '/login',
      '/logout',
    ]) {
      expect(localPath(outside)).toBeNull();
    }
    expect(localPath(['/inbox'])).toBeNull();
  });
});

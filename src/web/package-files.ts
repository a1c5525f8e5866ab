import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A file inside an installed package, found from the package's entry point up to its own
 * package.json (some packages export neither their package.json nor their browser builds).
 */
export function packageFile(name: string, relative: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) {
      return join(dir, relative);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`The package ${name} is not installed`);
    dir = parent;
  }
}

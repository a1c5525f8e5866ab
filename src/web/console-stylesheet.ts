import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFile } from './package-files';

/** The console's assets: beside this file, in src/web/assets and (copied by the build) dist/web/assets. */
export const ASSETS_DIR = join(__dirname, 'assets');
const SOURCE = join(ASSETS_DIR, 'console.scss');
/** Where `npm run build` writes the compiled stylesheet. */
export const COMPILED_STYLESHEET = join(ASSETS_DIR, 'console.css');

/**
 * Compiles the console's stylesheet: GOV.UK Frontend with the municipality's colours and fonts
 * (src/web/assets/console.scss) and the console's own rules. `npm run build` writes it to
 * dist/web/assets/console.css; run from source (the tests, a development server started without a
 * build) the app compiles it once, at the first request for it. Sass is needed only for that.
 */
export function compileConsoleStylesheet(): string {
  // A development dependency: production serves the stylesheet the build compiled.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sass = require('sass') as typeof import('sass');
  const source = existsSync(SOURCE) ? SOURCE : join(__dirname, '..', '..', 'src', 'web', 'assets', 'console.scss');
  return sass.compile(source, {
    style: 'compressed',
    loadPaths: [packageFile('govuk-frontend', 'dist')],
    quietDeps: true,
  }).css;
}

/** The compiled stylesheet: the build's, else compiled now. */
export function consoleStylesheet(): string {
  return existsSync(COMPILED_STYLESHEET) ? readFileSync(COMPILED_STYLESHEET, 'utf8') : compileConsoleStylesheet();
}

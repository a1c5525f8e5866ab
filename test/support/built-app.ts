import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const SOURCE = join(ROOT, 'src');

/**
 * The app compiled to JavaScript, for a test that runs it as a process of its own (to kill it):
 * the directory holding `main.js`, with the other files under src/ (the console's catalogs,
 * templates and assets) beside it. Each source file is transpiled on its own (the project is
 * built with isolatedModules, and `npm run lint` checks the types), into a directory under the
 * system's temp folder named after a hash of the sources and of the checkout's path, so test
 * files and runs of one checkout share one build until a source changes. `npm run build`'s
 * dist/ is not used: it may be older than the sources.
 */
export function builtApp(): string {
  const files = sourceFiles(SOURCE);
  const hash = createHash('sha256');
  for (const file of files) hash.update(relative(SOURCE, file)).update('\0').update(readFileSync(file)).update('\0');
  const buildConfig = join(ROOT, 'tsconfig.build.json');
  hash.update(readFileSync(join(ROOT, 'tsconfig.json'))).update(readFileSync(buildConfig));
  // The build links to this checkout's node_modules: another checkout of the same sources (a
  // second clone on the same machine, the first one since removed) gets a build of its own.
  hash.update(ROOT);
  const out = join(tmpdir(), `onewayin-app-${hash.digest('hex').slice(0, 16)}`);
  // existsSync follows the link: a build whose node_modules went away is built again.
  if (existsSync(join(out, 'main.js')) && existsSync(join(out, 'node_modules'))) return out;
  rmSync(out, { recursive: true, force: true });

  const parsed = ts.getParsedCommandLineOfConfigFile(
    buildConfig,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (!parsed) throw new Error('tsconfig.build.json could not be read');
  const compilerOptions = { ...parsed.options, sourceMap: false, declaration: false };
  const building = `${out}.${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  for (const file of files) {
    const target = join(building, relative(SOURCE, file).replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    if (!file.endsWith('.ts')) {
      // The console's message catalogs, templates and assets go beside the code, as `npm run build` puts them.
      copyFileSync(file, target);
      continue;
    }
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
    writeFileSync(target, outputText);
  }
  // Packages resolve from the project's node_modules, as they do from dist/.
  symlinkSync(join(ROOT, 'node_modules'), join(building, 'node_modules'), 'dir');
  try {
    renameSync(building, out);
  } catch (error) {
    // Another test process built the same sources at the same time: theirs is as good.
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(join(out, 'main.js'))) throw error;
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return entry.name.endsWith('.spec.ts') ? [] : [path];
    })
    .sort();
}

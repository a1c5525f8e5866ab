#!/usr/bin/env node
// The second half of `npm run build`: the staff web console's templates and assets go beside
// the compiled code (dist/web/views, dist/web/assets), and its stylesheet is compiled from Sass
// (GOV.UK Frontend in the municipality's colours) to dist/web/assets/console.css, so that the
// built app serves it without Sass. Run after tsc, which wrote dist/web/console-stylesheet.js.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url);
const from = (path) => new URL(`src/web/${path}`, root);
const to = (path) => new URL(`dist/web/${path}`, root);

mkdirSync(to('assets'), { recursive: true });
cpSync(from('views'), to('views'), { recursive: true });
cpSync(from('assets'), to('assets'), { recursive: true });

const require = createRequire(import.meta.url);
const { compileConsoleStylesheet, COMPILED_STYLESHEET } = require('../dist/web/console-stylesheet.js');
const started = performance.now();
writeFileSync(COMPILED_STYLESHEET, compileConsoleStylesheet());
process.stdout.write(`console stylesheet compiled in ${Math.round(performance.now() - started)} ms\n`);

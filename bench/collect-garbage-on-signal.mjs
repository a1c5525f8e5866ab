// Preloaded into the app by bench/intake-long-run.mjs (node --expose-gc --import <this file>): a full
// garbage collection on SIGWINCH, a signal neither Node nor Nest's shutdown hooks use, so the
// bench can tell memory the app holds from garbage V8 has not collected yet. Benchmarks only.
process.on('SIGWINCH', () => globalThis.gc());

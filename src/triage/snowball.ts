/**
 * Typed wrapper around the untyped `snowball-stemmers` package. A wrapper (rather than an ambient
 * `.d.ts`) keeps the typing local to this folder and works with every ts-jest/tsc setup, since it
 * does not depend on the declaration file being picked up by the compiler's `include`.
 */
export type StemmerLanguage = 'swedish' | 'danish' | 'english';

export interface SnowballStemmer {
  stem(word: string): string;
}

interface SnowballModule {
  newStemmer(language: StemmerLanguage): SnowballStemmer;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const snowball = require('snowball-stemmers') as SnowballModule;

const cache = new Map<StemmerLanguage, SnowballStemmer>();

/** Stemmers are stateless per call but costly-ish to construct, so one instance per language. */
export function snowballStemmer(language: StemmerLanguage): SnowballStemmer {
  let stemmer = cache.get(language);
  if (!stemmer) {
    stemmer = snowball.newStemmer(language);
    cache.set(language, stemmer);
  }
  return stemmer;
}

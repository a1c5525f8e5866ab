/**
 * LIX (läsbarhetsindex), the Swedish readability index the municipality measures every
 * written reply with: LIX = Lm + Lo, where Lm is the mean number of words per sentence
 * and Lo the percentage of long words (more than six letters). Below 30 is very easy,
 * 40 plain everyday prose, above 50 hard (Björnsson 1968).
 *
 * Sentences are counted as a reader counts them: a full stop, exclamation mark, question mark
 * or colon ends one, also inside closing quotes or brackets (`Skriv "klart." Sedan ...` is two);
 * a full stop after a common abbreviation (`t.ex.`, `kl.`, `bl.a.`) or followed by a lower-case
 * word does not. An abbreviation written with full stops is one word.
 */
export function readabilityIndex(text: string): number | null {
  const words = text.match(/[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu) ?? [];
  if (words.length === 0) return null;
  const sentences = Math.max(1, sentenceEnds(text));
  const longWords = words.filter((word) => word.replace(/[^\p{L}\p{N}]/gu, '').length > 6).length;
  const lix = words.length / sentences + (100 * longWords) / words.length;
  return Math.round(lix * 10) / 10;
}

/** Abbreviations whose full stop ends no sentence (Swedish, and a few English ones), lower case, without the last stop. */
const ABBREVIATIONS = new Set([
  't.ex',
  'bl.a',
  'd.v.s',
  'dvs',
  's.k',
  'm.m',
  'm.fl',
  'o.s.v',
  'osv',
  'etc',
  'ca',
  'kl',
  'nr',
  'resp',
  'jfr',
  'f.d',
  'fr.o.m',
  't.o.m',
  'p.g.a',
  'pga',
  'tel',
  'st',
  'e.g',
  'i.e',
  'mr',
  'mrs',
  'dr',
]);

/** Closing quotes and brackets that may stand between a sentence's last mark and the next sentence. */
const CLOSERS = `"'”’»)]`;

function sentenceEnds(text: string): number {
  let count = 0;
  const pattern = new RegExp(`([\\p{L}\\p{N}.]*)([.!?:]+)([${escape(CLOSERS)}]*)(?=(\\s+)(.)|$)`, 'gu');
  for (const match of text.matchAll(pattern)) {
    const [, before, marks, , , next] = match;
    if (marks.includes('!') || marks.includes('?') || marks.includes(':')) {
      count++;
      continue;
    }
    // A full stop: the end of the text, or a next word that does not go on in lower case after no abbreviation.
    if (next === undefined) {
      count++;
      continue;
    }
    if (ABBREVIATIONS.has(before.toLowerCase())) continue;
    if (/\p{Ll}/u.test(next)) continue;
    count++;
  }
  return count;
}

function escape(characters: string): string {
  return characters.replace(/[\]\\^-]/g, '\\$&');
}

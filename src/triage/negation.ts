/**
 * Where a negation reaches in a Swedish, Danish or English case text, so that "det luktar inte gas"
 * does not count as a smell of gas.
 *
 * The text is cut into clauses at punctuation and at the conjunction "men"/"but" ("Jag vet inte vad
 * det är, men det luktar gas": the second clause is not negated). Within a clause a negation reaches
 * from its negating word onwards:
 * - "inte", "ej", "icke", "aldrig", "ingen", "inget", "inga", "ingenting" (sv); "ikke", "ingen",
 *   "intet", "ingenting", "aldrig" (da); "not", "no", "never", "none", "nobody", "nothing", "cannot"
 *   and any word ending in n't (en): to the end of the clause;
 * - "utan", "uden", "without", which deny a thing rather than a statement ("utan bygglov", "without
 *   warning"): to the end of the clause, but at most the next three words.
 *
 * What a negating word does not negate:
 * - "inte bara", "ikke kun", "not only" and the like add, they do not deny;
 * - "vet inte om", "ved ikke om", "not sure", "don't know" are doubt about a fact, not its denial:
 *   an uncertain smell of gas is still reported as one;
 * - "no" before a number is an abbreviation ("No 14"), Danish "uden for" means "outside";
 * - Swedish "inte X utan Y" is a contrast: "utan" then starts a clause of its own ("det läcker
 *   inte vatten utan det luktar gas").
 *
 * A negation after the signal ("vattnet läcker inte") is not seen: when in doubt the text is taken at
 * its word, and a case raised too high costs less than an urgent one missed.
 */
export interface NegatedSpan {
  /** Index of the negating word in the text. */
  start: number;
  /** Index just past the last character the negation reaches. */
  end: number;
  /** `statement` ("inte", "not": the clause is denied) or `absence` ("utan", "without": a thing is missing). */
  kind: 'statement' | 'absence';
}

const STATEMENT_NEGATORS = new Set([
  // sv
  'inte',
  'ej',
  'icke',
  'aldrig',
  'ingen',
  'inget',
  'inga',
  'ingenting',
  // da (also "ingen", "aldrig", "ingenting")
  'ikke',
  'intet',
  // en
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'cannot',
]);
const ABSENCE_NEGATORS = new Set(['utan', 'uden', 'without']);
/** Words after which a negation adds ("not only") or doubts ("not sure") instead of denying. */
const NOT_DENYING_NEXT = new Set([
  // "inte bara", "ikke kun", "not only"
  'bara',
  'endast',
  'enbart',
  'blott',
  'kun',
  'blot',
  'bare',
  'only',
  'just',
  'merely',
  // "vet inte om", "ved ikke om", "not sure", "don't know"
  'säker',
  'sikker',
  'sure',
  'certain',
  'know',
  'knows',
  'knew',
]);
/** Knowing verbs before the negation: "jag vet inte", "jeg ved ikke", "I don't know". */
const KNOWING_BEFORE = new Set(['vet', 'visste', 'ved', 'vidste']);
const CLAUSE_CONJUNCTIONS = new Set(['men', 'but']);
const ABSENCE_REACH_WORDS = 3;

// A word (with an English contraction: "doesn't"), a number, or a clause boundary. A comma between
// digits ("2,5") is part of a number, a dash between spaces is a boundary.
const TOKEN = /\p{L}+(?:['’]\p{L}+)*|\d+(?:[.,]\d+)*|[.,;:!?()[\]{}"“”«»…\n]|(?<=\s)[-–—](?=\s)/gu;

interface Token {
  text: string;
  start: number;
  end: number;
  kind: 'word' | 'number' | 'boundary';
}

/** The parts of `text` that a negation reaches, in text order; `text` as written (any case). */
export function negatedSpans(text: string): NegatedSpan[] {
  const tokens = tokenise(text.toLowerCase());
  const spans: NegatedSpan[] = [];
  let open: { start: number; end: number; wordsLeft: number; kind: NegatedSpan['kind'] } | null = null;
  let previousWord: string | null = null;
  const close = () => {
    if (open && open.end > open.start) spans.push({ start: open.start, end: open.end, kind: open.kind });
    open = null;
  };
  tokens.forEach((token, index) => {
    if (token.kind === 'boundary' || CLAUSE_CONJUNCTIONS.has(token.text)) {
      close();
      previousWord = null;
      return;
    }
    if (open && token.text === 'utan' && open.kind === 'statement') {
      // "inte X utan Y": a contrast, the rest is a clause of its own.
      close();
      previousWord = token.text;
      return;
    }
    if (open) {
      if (open.wordsLeft > 0) {
        open.end = token.end;
        open.wordsLeft -= 1;
      }
    } else if (isNegator(token, tokens[index + 1], previousWord)) {
      const absence = ABSENCE_NEGATORS.has(token.text);
      open = {
        start: token.start,
        end: token.end,
        wordsLeft: absence ? ABSENCE_REACH_WORDS : Infinity,
        kind: absence ? 'absence' : 'statement',
      };
    }
    previousWord = token.kind === 'word' ? token.text : previousWord;
  });
  close();
  return spans;
}

/** Whether the stretch `start`..`end` of the text lies (partly) where a negation that began before its end reaches. */
export function isNegated(spans: readonly NegatedSpan[], start: number, end: number): boolean {
  return spans.some((span) => span.start < end && span.end > start);
}

function isNegator(token: Token, next: Token | undefined, previousWord: string | null): boolean {
  if (token.kind !== 'word') return false;
  const contraction = /n['’]t$/.test(token.text);
  if (!contraction && !STATEMENT_NEGATORS.has(token.text) && !ABSENCE_NEGATORS.has(token.text)) return false;
  if (token.text === 'no' && next?.kind === 'number') return false;
  if (token.text === 'uden' && next?.text === 'for') return false; // Danish "uden for": outside
  if (next?.kind === 'word' && NOT_DENYING_NEXT.has(next.text)) return false;
  if (previousWord !== null && KNOWING_BEFORE.has(previousWord)) return false;
  return true;
}

function tokenise(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((match) => {
    const value = match[0];
    const start = match.index;
    const kind = /^\p{L}/u.test(value) ? 'word' : /^\d/.test(value) ? 'number' : 'boundary';
    return { text: value, start, end: start + value.length, kind };
  });
}

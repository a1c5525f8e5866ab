import { NORDIC_LANGUAGES, NormalisedToken, StemVariant, TextNormaliser } from './text-normaliser';
import { TriageCandidate, TriageCatalogEntry } from './triage.types';

/** A ranked keyword suggestion; `score` is the raw evidence, `confidence` the calibrated value. */
export interface KeywordSuggestion extends TriageCandidate {
  /** Raw evidence for this entry alone, 0..1 (noisy-OR of matched phrases). */
  score: number;
  /** Keywords/names (as written in the catalog) that matched, for explaining the suggestion. */
  matchedPhrases: string[];
}

export interface KeywordMatcherOptions {
  /** Names are slightly weaker than curated keywords: they contain generic words. Default 0.9. */
  nameWeight?: number;
  /** Upper bound of a keyword-only confidence; keywords never prove a type. Default 0.9. */
  maxConfidence?: number;
}

interface CompiledPhrase {
  text: string;
  tokens: NormalisedToken[];
  weight: number;
}

/** Strength of one word-to-word match; see the KeywordMatcher comment. Exported for tests and docs. */
export const MATCH_STRENGTH = {
  surface: 1,
  /** Same stem: 0.85 plus up to 0.1 for how much of the written words agree (see stemStrength). */
  stem: 0.85,
  compoundHead: 0.75,
  compoundModifier: 0.55,
  genericHead: 0.45,
  crossLanguage: 0.7,
  /** A keyword word against a word the text says is missing ("bygglov" in "utan bygglov"): a factor. */
  absentWord: 0.5,
  /** A keyword word against a landmark ("skolan" in "lampan vid skolan"): a factor. */
  landmarkWord: 0.5,
} as const;

// Inflectional tails the Nordic stemmers leave behind, e.g. "graffitin", "gatlyktorna" against a stem.
const INFLECTION_TAILS = new Set([
  'n',
  'en',
  'an',
  'et',
  'na',
  'ar',
  'er',
  'or',
  'ns',
  's',
  'e',
  'a',
  'orna',
  'erna',
  'arna',
]);

/**
 * Scores catalog entries by their keywords and names (all languages) against a text.
 *
 * Every keyword/name is a phrase; a phrase matches only if each of its content words matches some
 * word of the text (bag of words, order ignored), because partial name matches ("street" of
 * "Street lighting") fire on every street address. Words match on stems, and to cope with Swedish
 * and Danish compounds also on parts of words:
 * - the same word as written                                                    -> 1.0
 * - same stem, or (Nordic stems) stem plus a left-over inflection ("graffitin") -> 0.85..0.95
 * - the keyword is the head (end) of a compound in the text, keyword >= 4 letters
 *   ("gatubelysningen" contains "belysning", "stadsparken" contains "park")     -> 0.75
 * - the keyword is the modifier (start) of a longer compound, keyword >= 5
 *   letters, rest >= 3 letters ("gatlampsstolpen" starts with "gatlamp")        -> 0.55
 * - a text word of >= 4 letters is the head of a compound keyword
 *   ("lampan" vs "gatlampa", "tunnan" vs "soptunna")                           -> 0.45
 * Surface beats stem, and among stem matches the one whose written form agrees longer wins, so
 * English "parked" prefers keyword "parked" (parking) over "park", and Swedish "parken" prefers
 * "park" over Danish "parkeret", although the stemmers reduce all of them to "park".
 * The minimum lengths stop short stems such as "väg", "hål" or "gat" matching inside street names
 * ("Skolvägen", "Storgatan"). A match that only exists between stems of different stemmers
 * (Swedish "parken" vs English "parking", both "park") is multiplied by 0.7.
 *
 * An entry's score is a noisy-OR of its matched phrases, each weighted (names 0.9) and divided by
 * the number of entries sharing that phrase (a shared keyword tells less). Each text word counts
 * once per entry: phrases are taken strongest first and skipped if they reuse a word, otherwise
 * "parking", "parked" and "Parking" would all cash in on the same word. The confidence is
 * maxConfidence x score x share with share = score² / Σ score² over all entries: one unopposed
 * stem hit gives 0.81 and a compound-head hit 0.675 (both above the default auto-triage threshold
 * 0.6), a modifier-only hit 0.495 (below it); a tie between two entries roughly halves them.
 */
export class KeywordMatcher {
  private readonly entries: ReadonlyArray<{ code: string; phrases: CompiledPhrase[] }>;
  private readonly maxConfidence: number;

  constructor(
    catalog: readonly TriageCatalogEntry[],
    private readonly normaliser: TextNormaliser = new TextNormaliser(),
    options: KeywordMatcherOptions = {},
  ) {
    const nameWeight = options.nameWeight ?? 0.9;
    this.maxConfidence = options.maxConfidence ?? 0.9;
    const compiled = catalog.map((entry) => {
      const names = [entry.name.sv, entry.name.en, entry.name.da].filter((n): n is string => !!n);
      const phrases = new Map<string, CompiledPhrase>();
      const add = (text: string, weight: number) => {
        const tokens = this.normaliser.normalise(text);
        if (tokens.length === 0) return;
        const key = tokens.map((t) => (t.absent ? '¬' : '') + t.variants.map((v) => v.stem).join('/')).join(' ');
        const existing = phrases.get(key);
        if (!existing || existing.weight < weight) phrases.set(key, { text, tokens, weight });
      };
      names.forEach((name) => add(name, nameWeight));
      entry.keywords.forEach((keyword) => add(keyword, 1));
      return { code: entry.code, phrases };
    });
    const df = new Map<string, number>();
    compiled.forEach(({ phrases }) => [...phrases.keys()].forEach((key) => df.set(key, (df.get(key) ?? 0) + 1)));
    this.entries = compiled.map(({ code, phrases }) => ({
      code,
      phrases: [...phrases.entries()].map(([key, p]) => ({ ...p, weight: p.weight / (df.get(key) ?? 1) })),
    }));
  }

  /** Entries with any evidence, best first (ties by code, so the order is deterministic). */
  match(text: string): KeywordSuggestion[] {
    const tokens = this.normaliser.normalise(text);
    if (tokens.length === 0) return [];
    const scored = this.entries
      .map(({ code, phrases }) => scoreEntry(code, phrases, tokens))
      .filter((s) => s.score > 0);
    const sumSquares = scored.reduce((sum, s) => sum + s.score * s.score, 0);
    return scored
      .map((s) => ({ ...s, confidence: (this.maxConfidence * s.score * s.score * s.score) / sumSquares }))
      .sort((a, b) => b.confidence - a.confidence || a.catalogCode.localeCompare(b.catalogCode));
  }
}

function scoreEntry(catalogCode: string, phrases: CompiledPhrase[], text: NormalisedToken[]) {
  const matches = phrases
    .map((phrase) => ({ phrase, ...matchPhrase(phrase.tokens, text) }))
    .filter((m) => m.strength > 0)
    .map((m) => ({ ...m, value: m.strength * m.phrase.weight }))
    .sort((a, b) => b.value - a.value);
  const usedWords = new Set<number>();
  const matchedPhrases: string[] = [];
  let miss = 1;
  for (const m of matches) {
    if (m.words.some((w) => usedWords.has(w))) continue;
    m.words.forEach((w) => usedWords.add(w));
    matchedPhrases.push(m.phrase.text);
    miss *= 1 - m.value;
  }
  return { catalogCode, score: 1 - miss, matchedPhrases };
}

/** Mean strength of the phrase's words and the text words used, if every phrase word is found. */
function matchPhrase(phrase: NormalisedToken[], text: NormalisedToken[]): { strength: number; words: number[] } {
  let total = 0;
  const words: number[] = [];
  for (const keyword of phrase) {
    let best = 0;
    let bestWord = -1;
    text.forEach((token, index) => {
      const strength = wordStrength(token, keyword);
      if (strength > best) [best, bestWord] = [strength, index];
    });
    if (best === 0) return { strength: 0, words: [] };
    total += best;
    words.push(bestWord);
  }
  return { strength: total / phrase.length, words };
}

/**
 * A keyword word said to be missing ("utan bygglov", "without a permit") matches only a word the
 * text says is missing; a plain keyword word matches one at half strength: "garage built without a
 * permit" is weak evidence of a permit application. A landmark ("vid biblioteket") is weak evidence
 * too: it says where, not what.
 */
function wordStrength(token: NormalisedToken, keyword: NormalisedToken): number {
  if (keyword.absent && !token.absent) return 0;
  let strength = presentWordStrength(token, keyword);
  if (token.absent && !keyword.absent) strength *= MATCH_STRENGTH.absentWord;
  if (token.landmark) strength *= MATCH_STRENGTH.landmarkWord;
  return strength;
}

function presentWordStrength(token: NormalisedToken, keyword: NormalisedToken): number {
  if (token.surface === keyword.surface) return MATCH_STRENGTH.surface;
  let best = 0;
  for (const tv of token.variants) {
    for (const kv of keyword.variants) best = Math.max(best, variantStrength(tv, kv));
  }
  if (best !== MATCH_STRENGTH.stem && best !== MATCH_STRENGTH.stem * MATCH_STRENGTH.crossLanguage) return best;
  // Tie-break between stem matches by how long the written words agree: parken~park > parken~parkeret.
  const agreement =
    commonPrefixLength(token.surface, keyword.surface) / Math.max(token.surface.length, keyword.surface.length);
  return best + 0.1 * agreement * (best / MATCH_STRENGTH.stem);
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function variantStrength(t: StemVariant, k: StemVariant): number {
  const shared = t.languages & k.languages;
  const strength = matchStrength(t.stem, k.stem, (shared & NORDIC_LANGUAGES) !== 0);
  return shared ? strength : strength * MATCH_STRENGTH.crossLanguage;
}

/** How well text stem `t` matches keyword stem `k`; see the class comment for the rules. */
export function matchStrength(t: string, k: string, nordic = true): number {
  if (t === k) return MATCH_STRENGTH.stem;
  if (nordic && t.length > k.length && t.startsWith(k) && INFLECTION_TAILS.has(t.slice(k.length)))
    return MATCH_STRENGTH.stem;
  if (k.length >= 4 && t.length >= k.length + 2 && t.endsWith(k)) return MATCH_STRENGTH.compoundHead;
  if (k.length >= 5 && t.length >= k.length + 3 && t.startsWith(k)) return MATCH_STRENGTH.compoundModifier;
  if (t.length >= 4 && k.length >= t.length + 2 && k.endsWith(t)) return MATCH_STRENGTH.genericHead;
  return 0;
}

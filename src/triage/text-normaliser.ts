import { isNegated, negatedSpans } from './negation';
import { snowballStemmer, SnowballStemmer } from './snowball';
import { STOP_WORDS } from './stop-words';

/** Bit mask of the stemmers that produced a stem: Swedish 1, Danish 2, English 4. */
export const STEM_LANGUAGE = { sv: 1, da: 2, en: 4 } as const;
export const NORDIC_LANGUAGES = STEM_LANGUAGE.sv | STEM_LANGUAGE.da;

export interface StemVariant {
  stem: string;
  /** Which stemmers produced this stem (STEM_LANGUAGE bits); lets matchers tell same-language matches from homographs. */
  languages: number;
}

/** One content word of a text with every stem we consider equivalent to it. */
export interface NormalisedToken {
  /** Lowercased word as written. */
  surface: string;
  /** Deduplicated stems under the Swedish, Danish and English stemmers (plus Nordic extras). */
  variants: StemVariant[];
  /** One stable representative (the shortest variant), used as classifier feature. */
  canonical: string;
  /** Said to be missing: within the reach of "utan", "uden" or "without" ("utan bygglov"). */
  absent: boolean;
  /** Names where something is rather than what it is about: "vid skolan", "near the sports hall". */
  landmark: boolean;
}

/** Prefix of the classifier feature of a word said to be missing: "utan bygglov" gives "¬bygglov". */
export const ABSENT_FEATURE_PREFIX = '¬';

const LETTER_RUN = /\p{L}+/gu;
/**
 * Words that say where, in front of a landmark: "lampan vid skolan", "hul i vejen ved biblioteket",
 * "a tree near the sports hall". Not "på"/"i"/"at", which as often name the thing itself
 * ("gungan på lekplatsen", "hål i vägen"), nor "by" ("damaged by vandals").
 */
const LANDMARK_BEFORE =
  /(?<!\p{L})(?:vid|ved|utanför|uden for|bakom|bag|behind|framför|foran|mittemot|overfor|opposite|bredvid|beside|next to|near|nära|nær|intill|outside|in front of|i närheten av|i nærheden af|ved siden af)(?!\p{L})/gu;
/** How many content words after such a word are the landmark ("the sports hall": two). */
const LANDMARK_WORDS = 2;
// Long vowels whose definite form only adds -n (snön, sjön, byn, ån); not o/u (station, kommun).
const VOWEL_BEFORE_N = /[öyåø]n$/;

/**
 * Tokenises, drops stop words and stems Swedish, Danish and English text.
 *
 * Language handling: we do NOT detect the language. Case descriptions are often one short sentence,
 * Swedish and Danish share most function words, and citizens mix languages ("streetlight" in a
 * Swedish sentence), so detection on such input is unreliable. Instead every token is stemmed by all
 * three Snowball stemmers and the distinct results are kept as variants. A stemmer rarely fires on a
 * word of another language (the English stemmer leaves "vattenläckor" alone), so the union mostly
 * adds the right stem plus the unchanged word. For the few true homographs (Swedish "parken" and
 * English "parking" both stem to "park") each variant records which stemmers produced it, so the
 * keyword matcher can weaken matches that only exist across languages; the classifier learns around
 * the rest.
 *
 * Nordic extras: the Swedish Snowball stemmer leaves definite forms such as "lampan", "hålet",
 * "snön" untouched (its suffix list has no "-an"/"-et"/"-n"), which would stop "gatlampan" matching
 * "gatlampa". We therefore add one extra variant with that definite ending stripped, to Swedish and
 * Danish stems only, and only when a stem of three or more letters remains.
 *
 * Danish/Swedish spelling: æ and ø are folded to ä and ö after stemming so that e.g. Danish "snø"
 * and Swedish "snö" meet. å is kept (it has no counterpart to fold to).
 *
 * Absence: a word within the reach of "utan", "uden" or "without" (negation.ts) is marked `absent`
 * and becomes a feature of its own ("¬bygglov"): "built without a permit" reports illegal
 * building, it does not apply for a permit. Other negations ("har inte tömts", "lyser inte") are
 * left alone: a bin that was not emptied is still about emptying bins.
 *
 * Compounds ("gatubelysningen") are not split here: splitting needs a dictionary, and matching
 * keyword stems at the start or end of a long word (KeywordMatcher) gets most of the benefit. The
 * classifier sees one feature per word, the shortest variant, so the same word always maps to the
 * same feature whatever language the rest of the text is in.
 */
export class TextNormaliser {
  private readonly stemmers: ReadonlyArray<{ language: number; stemmer: SnowballStemmer }> = [
    { language: STEM_LANGUAGE.sv, stemmer: snowballStemmer('swedish') },
    { language: STEM_LANGUAGE.da, stemmer: snowballStemmer('danish') },
    { language: STEM_LANGUAGE.en, stemmer: snowballStemmer('english') },
  ];
  private readonly variantCache = new Map<string, StemVariant[]>();

  constructor(private readonly stopWords: ReadonlySet<string> = STOP_WORDS) {}

  /** Lowercased runs of Unicode letters; digits, punctuation and one-letter words are dropped. */
  tokenise(text: string): string[] {
    const words = text.normalize('NFC').toLowerCase().match(LETTER_RUN) ?? [];
    return words.filter((word) => word.length > 1);
  }

  /** Content words of `text` with their stem variants, in text order (duplicates kept). */
  normalise(text: string): NormalisedToken[] {
    const lower = text.normalize('NFC').toLowerCase();
    const absence = negatedSpans(lower).filter((span) => span.kind === 'absence');
    const landmarks = this.landmarkStarts(lower);
    return [...lower.matchAll(LETTER_RUN)]
      .filter(([word]) => word.length > 1 && !this.stopWords.has(word))
      .map((match) => {
        const surface = match[0];
        const variants = this.stemVariants(surface);
        const absent = absence.length > 0 && isNegated(absence, match.index, match.index + surface.length);
        const landmark = landmarks.has(match.index);
        return { surface, variants, canonical: shortest(variants.map((v) => v.stem)), absent, landmark };
      });
  }

  /**
   * Where the landmark words of `text` (lowercase) start: up to LANDMARK_WORDS content words right
   * after a word that says where, skipping articles before them and ending at anything else (a
   * function word, a number, punctuation).
   */
  private landmarkStarts(text: string): Set<number> {
    const starts = new Set<number>();
    for (const before of text.matchAll(LANDMARK_BEFORE)) {
      const rest = text.slice(before.index + before[0].length);
      let marked = 0;
      for (const word of rest.matchAll(/\s*(\p{L}+)|\s*(.)/gsu)) {
        if (word[2] !== undefined || marked === LANDMARK_WORDS) break;
        const value = word[1];
        if (this.stopWords.has(value) || value.length < 2) {
          if (marked > 0) break;
          continue;
        }
        starts.add(before.index + before[0].length + (word.index ?? 0) + word[0].length - value.length);
        marked += 1;
      }
    }
    return starts;
  }

  /** One feature per content word (the canonical stem, "¬" before a missing one), for a bag-of-words classifier. */
  features(text: string): string[] {
    return this.normalise(text).map((token) =>
      token.absent ? ABSENT_FEATURE_PREFIX + token.canonical : token.canonical,
    );
  }

  /** All distinct stems of a single lowercase word. Cached: catalogs and histories repeat words. */
  stemVariants(word: string): StemVariant[] {
    const cached = this.variantCache.get(word);
    if (cached) return cached;
    const variants = new Map<string, number>();
    const add = (stem: string, language: number) => {
      const folded = foldNordic(stem);
      variants.set(folded, (variants.get(folded) ?? 0) | language);
    };
    for (const { language, stemmer } of this.stemmers) {
      const stem = stemmer.stem(word);
      add(stem, language);
      if (language & NORDIC_LANGUAGES) add(stripDefiniteEnding(stem), language);
    }
    const result = [...variants.entries()].map(([stem, languages]) => ({ stem, languages }));
    if (this.variantCache.size < 50_000) this.variantCache.set(word, result);
    return result;
  }
}

/** Swedish/Danish definite endings the Snowball stemmers keep: lampan, hålet, træet, snön. */
function stripDefiniteEnding(stem: string): string {
  if ((stem.endsWith('an') || stem.endsWith('et')) && stem.length >= 5) return stem.slice(0, -2);
  if (VOWEL_BEFORE_N.test(stem) && stem.length >= 4) return stem.slice(0, -1);
  return stem;
}

function foldNordic(word: string): string {
  return word.replace(/æ/g, 'ä').replace(/ø/g, 'ö');
}

/** Shortest variant, ties broken alphabetically so the choice is deterministic. */
function shortest(variants: string[]): string {
  return variants.reduce((best, v) => (v.length < best.length || (v.length === best.length && v < best) ? v : best));
}

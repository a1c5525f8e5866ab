import { DEMO_HISTORY_TEMPLATES, DEMO_PLACES, DEMO_STREETS, DemoTemplateSet } from './demo-history-templates';
import { SeededRandom } from './seeded-random';
import { TriageCatalogEntry, TriageHistoryExample } from '../triage/triage.types';

export { DEMO_HISTORY_TEMPLATES } from './demo-history-templates';
export type { DemoTemplateSet } from './demo-history-templates';

type Language = 'sv' | 'da' | 'en';

const GREETINGS: Record<Language, readonly string[]> = {
  sv: ['', '', '', 'Hej! ', 'Hej, ', 'Hejsan. '],
  da: ['', '', 'Hej. '],
  en: ['', '', 'Hi, ', 'Hello. '],
};
/** Openers that only fit reports ("Jag vill anmäla att min son ska börja skolan" reads wrong). */
const REPORT_OPENERS: Record<Language, readonly string[]> = {
  sv: ['Jag vill anmäla att ', 'Jag ringer för att ', 'Vill bara meddela: '],
  da: ['Jeg vil gerne melde at '],
  en: ['I would like to report that '],
};
const REPORT_KINDS = new Set(['fault_report', 'complaint']);
const CLOSERS: Record<Language, readonly string[]> = {
  sv: [
    '',
    '',
    '',
    ' Tack på förhand!',
    ' Mvh Anna',
    ' Kan ni åtgärda detta snarast?',
    ' Ring mig gärna.',
    ' Det har varit så länge nu.',
    ' /Per',
  ],
  da: ['', '', ' Tak.', ' Venlig hilsen Mette'],
  en: ['', '', ' Thanks.', ' Please get back to me.'],
};

/** Share of generated texts with one typo, and of non-Swedish texts when templates exist. */
const TYPO_RATE = 0.12;
const DANISH_RATE = 0.12;
const ENGLISH_RATE = 0.12;

/**
 * Generates `count` believable labelled case texts for the given catalog, deterministic by `seed`.
 * Types are drawn in proportion to their template weight (1 for types without templates, which get
 * generic sentences built from their names and keywords). Mostly Swedish with some Danish and
 * English, different streets and numbers, and an occasional typo or missing å/ä/ö, like real input.
 * Every example gets a stable id (`demo-<seed>-<n>`) so quality splits are reproducible.
 */
export function generateDemoHistory(
  catalog: readonly TriageCatalogEntry[],
  count: number,
  seed: number,
): TriageHistoryExample[] {
  if (catalog.length === 0 || count <= 0) return [];
  const random = new SeededRandom(seed);
  const sets = catalog.map((entry) => DEMO_HISTORY_TEMPLATES[entry.code] ?? fallbackTemplates(entry));
  const weights = sets.map((set) => set.weight);
  const examples: TriageHistoryExample[] = [];
  for (let n = 0; n < count; n++) {
    const index = random.weightedIndex(weights);
    const set = sets[index];
    const language = pickLanguage(set, random);
    const template = random.pick(set[language] ?? set.sv);
    const opener = random.pick(
      fitsReportOpener(catalog[index], template)
        ? [...GREETINGS[language], ...REPORT_OPENERS[language]]
        : GREETINGS[language],
    );
    let text = opener + joinAfterOpener(opener, expand(template, random)) + random.pick(CLOSERS[language]);
    if (random.chance(TYPO_RATE)) text = addTypo(text, random);
    examples.push({ id: `demo-${seed}-${n}`, text, catalogCode: catalog[index].code });
  }
  return examples;
}

/** Report openers only before hand-written report sentences, not questions or generic fallbacks. */
function fitsReportOpener(entry: TriageCatalogEntry, template: string): boolean {
  return REPORT_KINDS.has(entry.kind) && entry.code in DEMO_HISTORY_TEMPLATES && !template.trim().endsWith('?');
}

function pickLanguage(set: DemoTemplateSet, random: SeededRandom): Language {
  const r = random.next();
  if (r < DANISH_RATE && set.da?.length) return 'da';
  if (r >= DANISH_RATE && r < DANISH_RATE + ENGLISH_RATE && set.en?.length) return 'en';
  return 'sv';
}

/** Generic sentences for catalog types without hand-written templates. */
function fallbackTemplates(entry: TriageCatalogEntry): DemoTemplateSet {
  const keywords = entry.keywords.length > 0 ? entry.keywords : [entry.name.sv.toLowerCase()];
  const kw = `{${keywords.join('|')}}`;
  const sv = entry.name.sv.toLowerCase();
  return {
    weight: 1,
    sv: [
      `Jag vill anmäla ${kw} vid {street} {nr}.`,
      `Jag har en fråga om ${sv}.`,
      `Det gäller ${kw} {vid|nära} {place}.`,
      `Hur gör jag med ${kw}?`,
    ],
    da: entry.name.da ? [`Jeg har et spørgsmål om ${entry.name.da.toLowerCase()}.`] : undefined,
    en: [`I have a question about ${entry.name.en.toLowerCase()}.`, `Reporting ${kw} on {street}.`],
  };
}

/** Fills named slots, then resolves `{a|b}` alternatives from the innermost group outwards. */
function expand(template: string, random: SeededRandom): string {
  const slots: Record<string, () => string> = {
    street: () => random.pick(DEMO_STREETS),
    place: () => random.pick(DEMO_PLACES),
    nr: () => String(1 + random.int(60)),
    weeks: () => random.pick(['två', 'tre', '2', '3', 'fyra']),
    days: () => random.pick(['två', 'tre', 'fem', '2', '4', '10']),
  };
  let text = template.replace(/\{(street|place|nr|weeks|days)\}/g, (_, name: string) => slots[name]());
  const group = /\{([^{}]*)\}/;
  for (let match = group.exec(text); match; match = group.exec(text)) {
    text = text.slice(0, match.index) + random.pick(match[1].split('|')) + text.slice(match.index + match[0].length);
  }
  return text;
}

/** "Jag vill anmäla att Gatlampan ..." reads wrong: lower-case the sentence start after such openers. */
function joinAfterOpener(opener: string, sentence: string): string {
  if (!/(att|that|at|:|,) $/.test(opener)) return sentence;
  const firstWord = sentence.split(/\s/)[0];
  const properNoun = [...DEMO_STREETS, ...DEMO_PLACES].some((name) => firstWord.startsWith(name));
  return properNoun ? sentence : sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

/** One realistic slip: missing diacritic, swapped, dropped or doubled letter in a longer word. */
function addTypo(text: string, random: SeededRandom): string {
  const words = [...text.matchAll(/\p{L}{5,}/gu)];
  if (words.length === 0) return text;
  const target = random.pick(words);
  const w = target[0];
  const at = 1 + random.int(w.length - 2);
  let typo: string;
  switch (random.int(4)) {
    case 0:
      typo = w.replace(/[åäö]/, (c) => ({ å: 'a', ä: 'a', ö: 'o' })[c] ?? c);
      break;
    case 1:
      typo = w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
      break;
    case 2:
      typo = w.slice(0, at) + w.slice(at + 1);
      break;
    default:
      typo = w.slice(0, at) + w[at] + w.slice(at);
  }
  const index = target.index ?? 0;
  return text.slice(0, index) + typo + text.slice(index + w.length);
}

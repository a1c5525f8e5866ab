import { Priority, PRIORITIES } from '../catalog/catalog.types';
import { isNegated, NegatedSpan, negatedSpans } from './negation';

/**
 * Text rules that raise a case's priority for urgent matters, in Swedish, Danish and English.
 *
 * Why regular expressions over the raw text and not the stemmed tokens: the signals are often
 * phrases ("träd har fallit över vägen", "lugter af gas") whose function words the normaliser drops,
 * and inflection is handled well enough by matching a word's beginning ("vattenläck" covers
 * vattenläcka/-läckan/-läckor) or a compound part ("halk" covers halka/halkan/ishalka/halkigt).
 * Ambiguous words only count in context: Swedish "skadad" also means "damaged" (a sign, a car), so it
 * needs a person nearby; "hal"/"halt" are also Danish "hall"/"lame", so they need an intensifier or a
 * place; Danish "fire" means "four", so only "on fire"/"a fire" count.
 */
export interface PriorityRule {
  id: string;
  priority: Priority;
  description: string;
  patterns: readonly RegExp[];
}

export interface PriorityRuleResult {
  priority: Priority;
  /** Ids of every rule that matched, in table order (also those that did not raise anything). */
  matchedRules: string[];
}

const L = '\\p{L}';
/** A word starting with `stem` (any ending): start("vattenläck") matches "vattenläckorna". */
const start = (stem: string) => `(?<!${L})${stem}${L}*`;
/** Exactly one of the given words. */
const word = (alternatives: string) => `(?<!${L})(?:${alternatives})(?!${L})`;
/** `a` followed by `b` with at most `gap` words in between ("träd har fallit", "vatten som läcker"). */
const near = (a: string, b: string, gap = 3) => `${a}(?:[^${L}]+${L}+){0,${gap}}?[^${L}]+${b}`;
const rx = (...sources: string[]) => sources.map((source) => new RegExp(source, 'u'));

// People who can be injured. Pronouns are handled separately and tighter: "jag såg att skylten var
// skadad" must not count, "jag blev skadad" must.
const PERSON = word(
  'person|personen|personer|människa|människor|någon|nogen|barn|barnet|cyklist|cyklisten|fotgängare|fotgängaren|fodgænger|fodgængeren|äldre|ældre|kvinna|kvinnan|kvinde|kvinden|mannen|manden|pojke|pojken|flicka|flickan|dreng|drengen|pige|pigen|sonen|min son|dotter|dottern|datter|datteren',
);
const PRONOUN_HURT =
  word('jag|jeg|hon|hun|han|vi') +
  ' (?:\\p{L}+ )?(?:blev|blivit|är|er|var|blevet) (?:\\p{L}+ )?(?:skadad|skadade|skadet|skadede)(?!\\p{L})';
const INJURED = start('(?:skadad|skadade|skadades|skadats|skadet|skadede)');

export const PRIORITY_RULES: readonly PriorityRule[] = [
  {
    id: 'danger_to_life',
    priority: 'urgent',
    description: 'Danger to life or health, injured or bleeding people',
    patterns: rx(
      start('livsfar'), // livsfara, livsfarlig, livsfare (da)
      start('livshotande'),
      near(start('fara'), start('liv'), 2), // fara för liv, fara för människors liv
      start('blöd'), // blöder, blödning
      start('bløde'), // bløder (da)
      start('medvetslös'),
      start('bevidstløs'),
      start('kvæstet'),
      near(word('kom|kommit|kommer'), word('till skada|til skade'), 1),
      near(PERSON, INJURED, 3), // "en cyklist blev skadad", but not "skylten är skadad"
      PRONOUN_HURT, // "jag blev skadad", "hon är skadad"
      word('slog (?:sig|mig|oss)|slagit (?:sig|mig|oss)'), // reflexive "slå sig": someone got hurt
      word('life[- ]threatening|danger to life|in danger|mortal danger|danger of death'),
      start('injur'), // injured, injury, injuries
      word('bleeding|unconscious'),
    ),
  },
  {
    id: 'gas_smell',
    priority: 'urgent',
    description: 'Smell of gas or gas leak',
    patterns: rx(
      start('gaslukt'),
      start('gasläck'),
      start('gaslugt'),
      start('gaslæk'),
      near(start('lukt'), word('gas'), 2),
      near(start('lugt'), word('gas'), 2),
      word('gas (?:smell|leak)s?'),
      near(start('smell'), word('gas'), 2),
    ),
  },
  {
    id: 'water_leak',
    priority: 'urgent',
    description: 'Water leak or burst water pipe',
    patterns: rx(
      start('vattenläck'),
      near(start('läck'), start('vatt'), 2), // läcker vatten
      near(start('vatt'), start('läck'), 2), // vattnet läcker
      near(start('(?:vattenrör|vattenledning|rör|ledning)'), start('(?:brustit|brast|sprack|spruckit|sprungit)'), 2),
      start('rörbrott'),
      near(start('vatt'), start('(?:sprutar|forsar|väller)'), 2),
      start('vandlæk'),
      start('vandskade'),
      near(start('vand'), start('(?:løber|siver|sprøjter|fosser|vælter)'), 2),
      near(start('vandrør'), start('(?:sprunget|revnet|sprængt)'), 2),
      word('water leaks?|leaking water|water is leaking|burst (?:water )?(?:pipes?|mains?)|water main break'),
    ),
  },
  {
    id: 'sewage_flooding',
    priority: 'urgent',
    description: 'Sewage flooding or backing up',
    patterns: rx(
      near(
        start('(?:avlopp|kloak)'),
        start('(?:svämm|översvämm|oversvøm|bubbl|tränger upp|kommer upp|løber over|stiger)'),
        3,
      ),
      start('avloppsvatten'),
      start('kloakvand'),
      near(start('(?:sewage|sewer)'), start('(?:flood|overflow|backing up|coming up)'), 3),
    ),
  },
  {
    id: 'exposed_electricity',
    priority: 'urgent',
    description: 'Live or exposed electrical wires',
    patterns: rx(
      start('strömförande'),
      start('strømførende'),
      near(start('(?:blottad|lös|lösa|hängande|nedfalln|trasig)'), start('(?:el)?(?:ledning|kabel|kablar|sladd)'), 1),
      word('får stötar|fick en stöt|får stöt'),
      word('(?:exposed|live|loose|hanging|bare) (?:electric(?:al)? )?(?:wires?|cables?)'),
    ),
  },
  {
    id: 'fire',
    priority: 'urgent',
    description: 'Fire or smoke',
    // Not plain "brinner": "gatlampan brinner hela dagen" means the lamp is on. Not "fire": Danish "four".
    patterns: rx(
      word('det brinner|brinner det|eldsvåda|brand i|det brænder|ildebrand|on fire|a fire|fire in'),
      near(start('rök'), start('(?:väller|kommer ut)'), 2),
    ),
  },
  {
    id: 'ice',
    priority: 'high',
    description: 'Ice or slippery surfaces',
    patterns: rx(
      `(?<!sc)halk${L}*`, // halka, halkan, halkigt, ishalka, halkbekämpning (compound part)
      near(
        word('är|var|blir|blivit|väldigt|så|mycket|extremt|jätte|spegel|förrädiskt|otroligt|livsfarligt'),
        word('hal|halt|hala'),
        0,
      ),
      near(
        word('hal|halt|hala'),
        start('(?:på|ute|överallt|utanför|vid|längs|trottoar|gångväg|cykelbana|gatan|vägen)'),
        0,
      ),
      start('isgat'),
      start('isbelag'),
      start('isig'),
      near(word('is'), word('på (?:vägen|gatan|trottoaren|gångvägen|cykelbanan|fortovet|vejen)'), 0),
      word('glat|glatte|glatføre'), // not Swedish "glatt" (glad, smooth)
      start('glatfør'),
      start('isglat'),
      word('ice|icy|black ice|slippery'),
    ),
  },
  {
    id: 'fallen_tree',
    priority: 'high',
    description: 'Fallen tree, e.g. across a road',
    patterns: rx(
      // word(), not start(): "trädgården" is a garden, not a tree.
      near(
        word('träd|trädet|träden|trädgren|trädgrenen|trädgrenar|gren|grenen|grenar'),
        start('(?:fallit|föll|fallen|fallna|blåst|blåste|ligger över|blockerar|rasat)'),
        3,
      ),
      start('(?:omkullfall|nedfall|kullfall|omkullblås)\\p{L}*\\s+(?:träd|gren)'),
      near(start('(?:væltet|væltede|faldet|nedfald|omkuldblæst)'), word('træ|træet|træer|træerne'), 2),
      near(word('træ|træet|træer|træerne'), start('(?:væltet|væltede|faldet|blæst|spærrer)'), 3),
      word('fallen trees?|trees? down'),
      near(start('tree'), start('(?:fell|fallen|blocking|across the road)'), 3),
    ),
  },
  {
    id: 'hazard',
    priority: 'high',
    description: 'Something dangerous (without danger to life being stated)',
    patterns: rx(
      start('farlig'),
      start('trafikfar'),
      start('olycksrisk'),
      near(word('risk'), start('(?:för|for) (?:olyck|ulyk)'), 0),
      word('dangerous|danger|hazard|hazardous'),
    ),
  },
  {
    id: 'flooding',
    priority: 'high',
    description: 'Flooding',
    patterns: rx(start('översvämm'), start('oversvøm'), start('flood'), near(start('vatt'), word('i källaren'), 1)),
  },
];

/**
 * Raises `basePriority` to the highest priority of any matching rule; never lowers it.
 * Priorities are ordered as in PRIORITIES: low < normal < high < urgent.
 *
 * A signal that a negation reaches does not count ("det luktar inte gas", "no one was injured");
 * one in another clause does ("jag vet inte vad det är, men det luktar gas"). See negation.ts.
 */
export function applyPriorityRules(
  text: string,
  basePriority: Priority,
  rules: readonly PriorityRule[] = PRIORITY_RULES,
): PriorityRuleResult {
  const normalised = text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
  const negated = negatedSpans(normalised);
  let rank = PRIORITIES.indexOf(basePriority);
  const matchedRules: string[] = [];
  for (const rule of rules) {
    if (!rule.patterns.some((pattern) => matchesUnnegated(pattern, normalised, negated))) continue;
    matchedRules.push(rule.id);
    rank = Math.max(rank, PRIORITIES.indexOf(rule.priority));
  }
  return { priority: PRIORITIES[rank], matchedRules };
}

const GLOBAL_PATTERNS = new WeakMap<RegExp, RegExp>();

/** Whether `pattern` matches somewhere no negation reaches; overlapping matches are tried too. */
function matchesUnnegated(pattern: RegExp, text: string, negated: readonly NegatedSpan[]): boolean {
  let global = GLOBAL_PATTERNS.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g');
    GLOBAL_PATTERNS.set(pattern, global);
  }
  global.lastIndex = 0;
  for (let match = global.exec(text); match; match = global.exec(text)) {
    if (!isNegated(negated, match.index, match.index + match[0].length)) return true;
    global.lastIndex = match.index + 1;
  }
  return false;
}

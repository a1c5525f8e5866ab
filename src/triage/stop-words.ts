/**
 * Small hand-picked stop-word lists. No stop-word package is installed and the generic lists in
 * e.g. `natural` are English-only; for short case descriptions a compact list is enough. Words that
 * carry meaning for triage (negations like "inte"/"ikke"/"not" aside, which we drop because keyword
 * matching is bag-of-words and cannot use them anyway) are deliberately absent, e.g. Danish "hul"
 * (hole) or Swedish "hål".
 */
const SWEDISH = `
  och att det som en ett är var har hade inte på i av för till med om från den de där här
  jag du han hon vi ni man sig mig dig oss er min mitt mina din ditt våra vår vårt deras hans hennes
  dess detta denna dessa sin sitt sina vid nu så men eller när då än också bara kan kunde ska skulle
  vill måste blir blev bli varit vara finns fanns något någon några mycket mer mest alla allt inga
  ingen inget upp ut ner över under efter innan sedan redan igen ju väl hur vad vem vilken vilket
  vilka varför eftersom utan mot mellan hos hej hejsan tack mvh vänliga hälsningar snälla gärna
  ha får fick gör gjorde sagt säga kl ca
`;

const DANISH = `
  og at det som en et er var har havde ikke på i af for til med om fra den de der her
  jeg du han hun vi i man sig mig dig os jer min mit mine din dit vores deres hans hendes
  dens dette denne disse sin sit sine ved nu så men eller når da end også bare kan kunne skal skulle
  vil må bliver blev blive været være findes noget nogen nogle meget mere mest alle alt ingen intet
  op ud ned over under efter før siden allerede igen jo vel hvordan hvad hvem hvilken hvilket hvilke
  hvorfor fordi uden mod mellem hos hej tak venlig hilsen venlige hilsner gerne får fik gør gjorde
`;

const ENGLISH = `
  a an and the of to in on at by for from with without about into over under after before
  is are was were be been being am has have had do does did not no yes it its this that these those
  there here i you he she we they me him her us them my your his our their mine yours
  can could will would shall should may might must so but or if then than also just very more most
  all any some none what which who whom why how when where please thanks thank hi hello regards dear
  get got been up out down again still already
`;

function toSet(...lists: string[]): ReadonlySet<string> {
  return new Set(lists.flatMap((list) => list.split(/\s+/).filter((word) => word.length > 0)));
}

/** Union of the three lists: the language of a text is not known up front (see TextNormaliser). */
export const STOP_WORDS: ReadonlySet<string> = toSet(SWEDISH, DANISH, ENGLISH);

import { isNegated, negatedSpans } from './negation';

/** The words of `text` a negation reaches, by the spans negatedSpans finds. */
function negatedWords(text: string): string[] {
  const spans = negatedSpans(text);
  return [...text.matchAll(/\p{L}+(?:['’]\p{L}+)*/gu)]
    .filter((word) => isNegated(spans, word.index, word.index + word[0].length))
    .map((word) => word[0]);
}

describe('negatedSpans', () => {
  it.each([
    // a negation reaches to the end of its clause
    ['Det luktar inte gas', ['inte', 'gas']],
    ['Det lugter ikke af gas', ['ikke', 'af', 'gas']],
    ["It doesn't smell of gas", ["doesn't", 'smell', 'of', 'gas']],
    ['Ingen blev skadad', ['Ingen', 'blev', 'skadad']],
    ['There is no water leak', ['no', 'water', 'leak']],
    ['Gasen har aldrig luktat så här', ['aldrig', 'luktat', 'så', 'här']],
    ['Der er intet vandlæk', ['intet', 'vandlæk']],
    // clauses end at punctuation and at men/but
    ['Det luktar inte gas, men lampan är trasig', ['inte', 'gas']],
    ['Jag vet inte vad det är, men det luktar gas', []],
    ['Det er ikke farligt men det lugter af gas', ['ikke', 'farligt']],
    ['Nobody was hurt but water is pouring out', ['Nobody', 'was', 'hurt']],
    ['Inte gas. Vatten!', ['Inte', 'gas']],
    // without/utan/uden: at most the three next words
    ['Garage built without a permit next to my house', ['without', 'a', 'permit', 'next']],
    ['Grannen bygger utan bygglov', ['utan', 'bygglov']],
    ['Naboen har bygget uden tilladelse', ['uden', 'tilladelse']],
    // a contrast after a negation opens a clause of its own
    ['Det läcker inte vatten utan det luktar gas', ['inte', 'vatten']],
  ])('%s -> %j', (text, words) => {
    expect(negatedWords(text)).toEqual(words);
  });

  it.each([
    'Det luktar inte bara gas, det ryker också',
    'Det lugter ikke kun af gas',
    'Not only gas, there is smoke too',
    'Jag vet inte om det är gas',
    'Jeg ved ikke om det er gas',
    "I don't know what it is but it smells of gas",
    "I'm not sure, it smells of gas",
    'Gas smell outside No 14',
    'Vattnet läcker inte', // after the signal: not seen, the text is taken at its word for "vattnet läcker"
  ])('denies nothing before or in the signal: %s', (text) => {
    const spans = negatedSpans(text);
    const signal = /gas|vattnet läcker/i.exec(text)!;
    expect(isNegated(spans, signal.index, signal.index + signal[0].length)).toBe(false);
  });

  it('keeps a comma between digits inside a number', () => {
    expect(negatedWords('Inte 2,5 meter gas')).toEqual(['Inte', 'meter', 'gas']);
  });

  it('finds nothing in a text without a negation', () => {
    expect(negatedSpans('Det luktar gas vid lekplatsen på Björkvägen')).toEqual([]);
    expect(negatedSpans('')).toEqual([]);
  });
});

describe('negatedSpans kinds', () => {
  it('tells a denied statement from a missing thing', () => {
    expect(negatedSpans('Det luktar inte gas, garaget byggdes utan bygglov')).toEqual([
      { start: 11, end: 19, kind: 'statement' },
      { start: 37, end: 49, kind: 'absence' },
    ]);
  });
});

import { STEM_LANGUAGE, TextNormaliser } from './text-normaliser';

describe('TextNormaliser', () => {
  const normaliser = new TextNormaliser();
  const stems = (word: string) => normaliser.stemVariants(word).map((v) => v.stem);

  it('tokenises lowercase Unicode letters and drops digits, punctuation and one-letter words', () => {
    expect(normaliser.tokenise('Gatlampan utanför Storgatan 12 är TRASIG! (sedan 3/11) å')).toEqual([
      'gatlampan',
      'utanför',
      'storgatan',
      'är',
      'trasig',
      'sedan',
    ]);
    expect(normaliser.tokenise('Gadelyset ved Søndergade er gået i stykker; ærgerligt.')).toEqual([
      'gadelyset',
      'ved',
      'søndergade',
      'er',
      'gået',
      'stykker',
      'ærgerligt',
    ]);
  });

  it('drops Swedish, Danish and English stop words', () => {
    expect(normaliser.normalise('Det är ett stort hål i vägen på Skolvägen').map((t) => t.surface)).toEqual([
      'stort',
      'hål',
      'vägen',
      'skolvägen',
    ]);
    expect(normaliser.normalise('Der er graffiti på muren ved skolen').map((t) => t.surface)).toEqual([
      'graffiti',
      'muren',
      'skolen',
    ]);
    expect(normaliser.normalise('The street light on Main Street is broken').map((t) => t.surface)).toEqual([
      'street',
      'light',
      'main',
      'street',
      'broken',
    ]);
  });

  it('stems every word with all three Snowball stemmers and remembers which produced each stem', () => {
    expect(normaliser.stemVariants('vattenläckor')).toEqual([
      { stem: 'vattenläck', languages: STEM_LANGUAGE.sv },
      { stem: 'vattenläckor', languages: STEM_LANGUAGE.da | STEM_LANGUAGE.en },
    ]);
    expect(stems('streetlights')).toEqual(['streetlight']);
    expect(stems('gatubelysningen')).toEqual(['gatubelysning', 'gatubelysningen']);
  });

  it('adds a variant without the Swedish/Danish definite ending the Snowball stemmers keep', () => {
    expect(stems('gatlampan')).toContain('gatlamp');
    expect(stems('halkan')).toContain('halk');
    expect(stems('hålet')).toContain('hål');
    expect(stems('snön')).toContain('snö');
    expect(stems('træet')).toContain('trä'); // "træ", with æ folded to ä
    // ...but not for words that merely end like one
    expect(stems('station')).toEqual(['station']);
    expect(stems('kan')).toEqual(['kan']);
  });

  it('folds Danish æ/ø to Swedish ä/ö after stemming so the languages meet', () => {
    expect(stems('snø')).toEqual(['snö']);
    expect(normaliser.features('Snön på vejen, snø overalt')).toEqual(['snö', 'vej', 'snö', 'overalt']);
  });

  it('gives one canonical feature per content word: the shortest stem', () => {
    expect(normaliser.features('Soptunnan har inte tömts på två veckor')).toEqual(['soptunn', 'tömt', 'två', 'veck']);
    expect(normaliser.features('Vattenläckorna')).toEqual(['vattenläck']);
  });

  it('marks words said to be missing ("utan", "uden", "without") and gives them features of their own', () => {
    expect(normaliser.features('Garaget byggdes utan bygglov')).toEqual(['garag', 'byg', '¬bygglov']);
    expect(normaliser.features('Garage built without a permit next to my house')).toEqual([
      'garag',
      'built',
      '¬permit',
      '¬next',
      'hous',
    ]);
    expect(normaliser.normalise('Naboen byggede uden tilladelse').map((t) => [t.surface, t.absent])).toEqual([
      ['naboen', false],
      ['byggede', false],
      ['tilladelse', true],
    ]);
    // A denied statement stays about its subject: a bin not emptied is about emptying bins.
    expect(normaliser.features('Soptunnan har inte tömts')).toEqual(['soptunn', 'tömt']);
    // Danish "uden for" is "outside".
    expect(normaliser.normalise('Uden for skolen').map((t) => t.absent)).toEqual([false]);
  });

  it('marks landmarks: the words after "vid", "ved", "near", "outside" and the like', () => {
    const landmarks = (text: string) =>
      normaliser
        .normalise(text)
        .filter((t) => t.landmark)
        .map((t) => t.surface);
    expect(landmarks('Gyngen på legepladsen ved skolen er knækket')).toEqual(['skolen']);
    expect(landmarks('A tree has fallen across the cycle path near the sports hall')).toEqual(['sports', 'hall']);
    expect(landmarks('The pavement outside the library is icy')).toEqual(['library']);
    expect(landmarks('Lampan vid Storgatan 12 lyser inte')).toEqual(['storgatan']);
    // "på" and "i" as often name the thing itself
    expect(landmarks('Gungan på lekplatsen är trasig, och det är hål i vägen')).toEqual([]);
  });

  it('returns nothing for empty or stop-word-only text', () => {
    expect(normaliser.normalise('')).toEqual([]);
    expect(normaliser.normalise('Hej! Det är jag. 123')).toEqual([]);
  });
});

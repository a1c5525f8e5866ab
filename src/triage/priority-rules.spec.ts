import { applyPriorityRules, PRIORITY_RULES, PriorityRule } from './priority-rules';

describe('applyPriorityRules', () => {
  it.each([
    // danger to life or health
    ['Det är livsfara vid korsningen', 'urgent', ['danger_to_life']],
    ['Det är fara för liv när barnen går där', 'urgent', ['danger_to_life']],
    ['En cyklist blev skadad när hon körde ner i hålet', 'urgent', ['danger_to_life']],
    ['Jag blev skadad av en lös gatsten', 'urgent', ['danger_to_life']],
    ['Pojken blöder från huvudet', 'urgent', ['danger_to_life']],
    ['Der er livsfare ved legepladsen', 'urgent', ['danger_to_life']],
    ['Someone was injured on the broken stairs', 'urgent', ['danger_to_life']],
    // water, gas, sewage, electricity, fire
    ['Vattenläckan på Storgatan har blivit större', 'urgent', ['water_leak']],
    ['Det finns två vattenläckor på Ringvägen', 'urgent', ['water_leak']],
    ['Det läcker vatten ur brunnen', 'urgent', ['water_leak']],
    ['Vattenröret har brustit vid skolan', 'urgent', ['water_leak']],
    ['Der er et vandlæk på hjørnet', 'urgent', ['water_leak']],
    ['There is a burst pipe on Main Street', 'urgent', ['water_leak']],
    ['Det luktar gas i trapphuset', 'urgent', ['gas_smell']],
    ['Det lugter af gas i opgangen', 'urgent', ['gas_smell']],
    ['I can smell gas outside the school', 'urgent', ['gas_smell']],
    ['Avloppet svämmar över i källaren', 'urgent', ['sewage_flooding']],
    ['Kloakken løber over', 'urgent', ['sewage_flooding']],
    ['Strömförande kablar hänger ner från stolpen', 'urgent', ['exposed_electricity']],
    ['Det brinner i en container', 'urgent', ['fire']],
    // ice, fallen trees, other hazards
    ['Halkan på trottoaren är hemsk', 'high', ['ice']],
    ['Det är halt på trottoaren', 'high', ['ice']],
    ['Isgata utanför skolan', 'high', ['ice']],
    ['Det er glat på fortovet', 'high', ['ice']],
    ['Glatføre på vejen', 'high', ['ice']],
    ['The footpath is icy', 'high', ['ice']],
    ['Ett träd har fallit över vägen', 'high', ['fallen_tree']],
    ['Omkullfallet träd på cykelbanan', 'high', ['fallen_tree']],
    ['Der er et væltet træ på stien', 'high', ['fallen_tree']],
    ['A fallen tree blocks the road', 'high', ['fallen_tree']],
    ['Trafikfarlig korsning', 'high', ['hazard']],
    ['Källaren är översvämmad', 'high', ['flooding']],
    // several rules: the highest wins, all are reported
    ['Jag halkade och slog mig på isgatan', 'urgent', ['danger_to_life', 'ice']],
  ] as const)('%s -> %s', (text, priority, rules) => {
    expect(applyPriorityRules(text, 'normal')).toEqual({ priority, matchedRules: [...rules] });
  });

  it.each([
    'Gatlampan utanför Storgatan 12 är trasig',
    'Skylten är skadad', // Swedish "skadad" also means damaged: needs a person
    'Jag såg att skylten var skadad',
    'Gatlampan brinner hela dagen', // the lamp is on, not on fire
    'Der er fire huller i vejen', // Danish "fire" = four
    'Jag blev glatt överraskad', // Swedish "glatt", not Danish "glat"
    'Trädgården behöver skötas',
    'Soptunnan har inte tömts',
  ])('does not raise: %s', (text) => {
    expect(applyPriorityRules(text, 'normal')).toEqual({ priority: 'normal', matchedRules: [] });
  });

  it.each([
    ['Det luktar inte gas, men lampan är trasig', 'normal', []],
    ['Det lugter ikke af gas', 'normal', []],
    ["It doesn't smell of gas any more", 'normal', []],
    ['There is no gas smell, but the lamp is broken', 'normal', []],
    ['Ingen person blev skadad', 'normal', []],
    ['No one was injured, but there is a water leak', 'urgent', ['water_leak']],
    ['Der er ingen gaslugt, men vejen er glat', 'high', ['ice']],
    // the negation belongs to another clause, or doubts instead of denying
    ['Jag vet inte vad det är, men det luktar gas', 'urgent', ['gas_smell']],
    ['Jeg ved ikke hvad det er, men det lugter af gas', 'urgent', ['gas_smell']],
    ["I don't know what it is, but I can smell gas", 'urgent', ['gas_smell']],
    ['Jag vet inte om det är farligt men det luktar gas', 'urgent', ['gas_smell', 'hazard']],
    ['Det läcker inte vatten utan det luktar gas', 'urgent', ['gas_smell']],
    ['Det är inte bara halka, det luktar gas också', 'urgent', ['gas_smell', 'ice']],
    ['Det luktar gas vid lekplatsen på Björkvägen', 'urgent', ['gas_smell']],
  ] as const)('reads negation in the clause before the signal: %s -> %s', (text, priority, rules) => {
    expect(applyPriorityRules(text, 'normal')).toEqual({ priority, matchedRules: [...rules] });
  });

  it('handles inflected and compound forms', () => {
    for (const text of [
      'halka',
      'halkan',
      'ishalkan',
      'halkigt',
      'vattenläcka',
      'vattenläckan',
      'vattenläckorna',
      'VATTENLÄCKA!',
    ]) {
      expect(applyPriorityRules(text, 'low').matchedRules).toHaveLength(1);
    }
  });

  it('never lowers a priority', () => {
    expect(applyPriorityRules('Det är halt', 'urgent')).toEqual({ priority: 'urgent', matchedRules: ['ice'] });
    expect(applyPriorityRules('Inget särskilt', 'high')).toEqual({ priority: 'high', matchedRules: [] });
    expect(applyPriorityRules('Isgata', 'low').priority).toBe('high');
  });

  it('accepts a custom rule table', () => {
    const rules: PriorityRule[] = [{ id: 'vip', priority: 'high', description: 'test', patterns: [/kommunalråd/u] }];
    expect(applyPriorityRules('Kommunalrådet ringde', 'low', rules)).toEqual({
      priority: 'high',
      matchedRules: ['vip'],
    });
  });

  it('has unique rule ids', () => {
    const ids = PRIORITY_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

import type { DemoTemplateSet } from './demo-history-templates';

/**
 * Templates for the demo catalog's less frequent types, in the same syntax as
 * DEMO_HISTORY_TEMPLATES. Without them these types only get generic sentences built from their
 * names and keywords ("Jag vill anmäla lekplats vid Storgatan 4"), which teach the classifier
 * little, and Danish and English hardly at all. Each set has Danish and English sentences, the
 * way a Danish neighbour or an English-speaking resident writes.
 */
export const MORE_DEMO_HISTORY_TEMPLATES: Readonly<Record<string, DemoTemplateSet>> = {
  gritting: {
    weight: 5,
    sv: [
      'Det är {väldigt|otroligt|förrädiskt} halt på {trottoaren|gångvägen|cykelbanan} {vid|längs} {street}, {kan ni sanda|det behöver sandas}.',
      'Backen {vid|upp till} {place} är en enda isgata.',
      'Det behövs {sandning|grusning} på {trappan|backen} vid {place}.',
      '{Busshållplatsen|Övergångsstället} på {street} är täckt av is och ingen har sandat.',
      'Min {pappa|granne} halkade på isen utanför {street} {nr}, varför saltar ni inte?',
    ],
    da: [
      'Der er glat på fortovet ved {place}, der er ikke blevet saltet.',
      'Cykelstien langs {street} er dækket af is, kan I gruse den?',
      'Trappen ved {place} er isglat, nogen falder snart.',
    ],
    en: [
      'The {pavement|footpath|cycle path} on {street} is like a skating rink, nobody has gritted it.',
      'Could you put {grit|salt} on the hill by {place}? It is solid ice.',
      'The bus stop on {street} is icy and very slippery.',
    ],
  },
  fallen_tree: {
    weight: 4,
    sv: [
      'Ett {träd|stort träd} har {fallit|blåst omkull} {över vägen|över gångvägen|på cykelbanan} vid {place}.',
      'En stor gren har {brutits av|fallit ner} och ligger {på|över} {street}.',
      'Efter stormen ligger det {träd|grenar} över {gångstigen|vägen} {vid|bakom} {place}.',
      'Ett träd {vid|på} {street} {nr} lutar och ser ut att kunna falla.',
    ],
    da: [
      'Der ligger et væltet træ på vejen ved {place}.',
      'En stor gren er faldet ned på cykelstien på {street}.',
      'Stormen har væltet et træ over stien bag {place}.',
    ],
    en: [
      'A big branch has come down on {street} and is blocking the {pavement|road}.',
      'After the storm there is a tree down on the path behind {place}.',
    ],
  },
  illegal_construction: {
    weight: 3,
    sv: [
      'Grannen på {street} {nr} bygger {ett plank|ett garage|en tillbyggnad} utan {lov|tillstånd|bygglov}.',
      'Grannen har satt upp {ett högt plank|en friggebod|en stor altan} på {street} {nr} utan att söka lov.',
      'Någon har ställt upp en {bod|container} på allmän mark vid {place} utan tillstånd.',
      'Det byggs {ett svartbygge|en stor tillbyggnad} på {street} {nr} och det finns inget bygglov.',
    ],
    da: [
      'Min nabo på {street} har opført et skur uden tilladelse.',
      'Der bygges ulovligt på grunden ved {place}.',
      'Naboen er ved at bygge en stor tilbygning uden byggetilladelse.',
    ],
    en: [
      'My neighbour on {street} is building {an extension|a fence|a shed} without permission.',
      'Someone has put up an unauthorised building {near|behind} {place}.',
      'Is my neighbour allowed to build that {garage|extension} without planning permission?',
    ],
  },
  pests: {
    weight: 3,
    sv: [
      'Det springer {råttor|möss} {vid|runt} {soprummet|komposten} på {street} {nr}.',
      'Vi har {kackerlackor|vägglöss} i lägenheten på {street}, vad kan kommunen göra?',
      'Grannen matar fåglar och nu är det fullt av råttor {på gården|i rabatterna}.',
    ],
    da: ['Der løber mus rundt i kælderen på {street} {nr}.', 'Naboens kompost tiltrækker rotter.'],
    en: [
      'We have seen {mice|rats} in the basement at {street} {nr}.',
      'There are cockroaches in our flat on {street}.',
    ],
  },
  playground: {
    weight: 4,
    sv: [
      '{Gungan|Rutschkanan|Klätterställningen} på lekplatsen vid {place} är {trasig|sönder|farlig}.',
      'Det ligger {glas|fimpar|spik} i sandlådan på lekplatsen {vid|i} {place}.',
      'En planka i lekstugan på lekplatsen vid {street} har lossnat.',
      'Gungställningen på lekplatsen bakom {place} står och vickar.',
    ],
    da: [
      'Rutsjebanen på legepladsen ved {place} er i stykker.',
      'Der stikker søm ud af legehuset på legepladsen på {street}.',
    ],
    en: [
      'The climbing frame at the playground near {place} is loose.',
      'There is broken glass in the sandpit at the playground on {street}.',
    ],
  },
  preschool_place: {
    weight: 5,
    sv: [
      'Hur {ansöker|söker} jag om förskoleplats för {min son|min dotter|vårt barn}?',
      'Vi behöver {plats på förskola|barnomsorg} från {januari|augusti}, hur lång är kön?',
      'När får vi besked om förskoleplatsen {vid|på} {place}?',
      'Kan vi byta förskola till en som ligger närmare {street}?',
    ],
    da: [
      'Hvornår kan vi få plads i vuggestue til vores datter?',
      'Hvor lang er ventelisten til børnehaverne i kommunen?',
    ],
    en: ['When will we hear about a daycare place for our son?', 'Is there a waiting list for preschool near {place}?'],
  },
  home_care: {
    weight: 4,
    sv: [
      '{Min mamma|Min pappa|Min granne} behöver {hjälp med städning och inköp|mer hjälp hemma}, hur ansöker man om hemtjänst?',
      'Hemtjänsten kom inte till {min pappa|min mor} {i morse|i går kväll}.',
      'Kan {min far|min mor} få {matdistribution|hjälp att duscha} genom kommunen?',
    ],
    da: [
      'Min far har brug for hjælp til rengøring, hvordan søger man hjemmehjælp?',
      'Hjemmeplejen er ikke kommet til min mor i dag.',
    ],
    en: [
      'My {father|mother} needs help at home with shopping and cleaning, what support can we get?',
      'The home carer did not turn up for my dad this morning.',
    ],
  },
  general_complaint: {
    weight: 4,
    sv: [
      'Jag är mycket missnöjd med hur jag blev bemött när jag ringde {kommunen|växeln}.',
      'Jag vill klaga på att ingen har svarat på mitt mejl på {weeks} veckor.',
      'Handläggaren var {oförskämd|nedlåtande} mot mig i telefon.',
    ],
    da: [
      'Jeg vil klage over den måde, jeg blev behandlet på i borgerservice.',
      'Ingen har svaret på min henvendelse i flere uger, det er ikke godt nok.',
    ],
    en: [
      'I want to complain about how rude the person on the phone was.',
      'Nobody has answered my email for weeks, which is not acceptable.',
    ],
  },
  indoor_environment: {
    weight: 3,
    sv: [
      'Det luktar mögel i {badrummet|sovrummet} i vår lägenhet på {street}.',
      'Ventilationen fungerar inte och det är fukt på väggarna i lägenheten.',
      'Det är för kallt i lägenheten, inomhustemperaturen är {16|17} grader.',
    ],
    da: [
      'Der er fugt og mug i soveværelset i vores lejebolig.',
      'Ventilationen i lejligheden virker ikke, og der er kondens på ruderne.',
    ],
    en: ['There is black mould in the bathroom of our rented flat.', 'Our flat on {street} is damp and cold.'],
  },
  sewage_blockage: {
    weight: 3,
    sv: [
      'Det är stopp i avloppet {i huset|i källaren} på {street} {nr}.',
      'Dagvattenbrunnen på {street} är igensatt och vattnet blir stående.',
      'Det luktar avlopp från brunnen {vid|utanför} {street} {nr}.',
    ],
    da: ['Kloakken ved {street} er stoppet til.', 'Afløbet på gaden er tilstoppet af blade.'],
    en: [
      'The drain on {street} is blocked and the street floods when it rains.',
      'Our sewer connection is blocked, the toilet will not flush.',
    ],
  },
  water_bill: {
    weight: 3,
    sv: [
      'Varför har {VA-fakturan|avfallsfakturan|räkningen} blivit så mycket högre i år?',
      'Jag har fått en faktura för {vatten|sophämtning} fast vi har sålt huset.',
      'Hur läser jag av vattenmätaren till {fakturan|räkningen}?',
    ],
    da: ['Hvorfor er vandregningen steget så meget?', 'Jeg har fået en regning for affald, men vi er flyttet.'],
    en: [
      'Why is my water bill so much higher this quarter?',
      'I received an invoice for waste collection but we moved out in {May|June}.',
    ],
  },
  swimming_pool: {
    weight: 2,
    sv: [
      'Vilka öppettider har simhallen {i helgen|under jullovet|på söndagar}?',
      'Är badhuset {stängt|öppet} {under sportlovet|på midsommar}?',
      'Finns det simskola för barn i simhallen?',
    ],
    da: ['Hvornår har svømmehallen åbent i ferien?'],
    en: ['What are the opening hours of the swimming pool at weekends?'],
  },
  street_cleaning: {
    weight: 3,
    sv: [
      'Det ligger {mycket skräp|glas|fimpar} på {trottoaren|torget} {vid|utanför} {place}.',
      'Papperskorgen vid {street} {nr} är överfull.',
      'Gatan har inte sopats efter vintern, det ligger grus överallt på {street}.',
    ],
    da: ['Der flyder med affald på pladsen ved {place}.', 'Papirkurven ved busstoppet på {street} er fyldt.'],
    en: ['There is litter everywhere around {place}.', 'The street has not been swept since the winter.'],
  },
  traffic_sign: {
    weight: 3,
    sv: [
      'Trafikljuset {vid|i korsningen vid} {place} {fungerar inte|lyser rött hela tiden}.',
      'Stoppskylten på {street} har {vält|blivit påkörd}.',
      'Ett vägmärke vid {street} {nr} är {böjt|borta}.',
    ],
    da: ['Lyskrydset ved {place} virker ikke.', 'Vejskiltet på {street} er væltet.'],
    en: ['The traffic lights at {place} are not working.', 'The stop sign on {street} has been knocked down.'],
  },
};

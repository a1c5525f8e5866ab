import { MORE_DEMO_HISTORY_TEMPLATES } from './demo-history-more-templates';

/**
 * Phrase templates for demo case histories, keyed by catalog code. Syntax: `{a|b|c}` picks one
 * alternative, `{street}`, `{nr}`, `{place}`, `{weeks}`, `{days}`, `{time}` are filled in by the
 * generator. Texts are written the way citizens write: many do not contain the catalog keywords
 * ("lyser inte", "ingen har plogat"), which is exactly what the history classifier is for.
 */
export interface DemoTemplateSet {
  /** Relative frequency of the type among demo cases. */
  weight: number;
  sv: readonly string[];
  da?: readonly string[];
  en?: readonly string[];
}

export const DEMO_HISTORY_TEMPLATES: Readonly<Record<string, DemoTemplateSet>> = {
  ...MORE_DEMO_HISTORY_TEMPLATES,
  street_light: {
    weight: 14,
    sv: [
      '{Gatlampan|Gatlyktan|Lampan i lyktstolpen|Belysningen} {utanför|vid|mittemot} {street} {nr} {är trasig|lyser inte|har slocknat|blinkar hela tiden|är släckt}.',
      'Det är helt mörkt på {street} sedan {days} dagar, {gatubelysningen|lamporna|gatlamporna} fungerar inte.',
      '{Två|Tre|Flera} {lyktstolpar|gatlampor|lampor} längs {street} är {släckta|trasiga|ur funktion}.',
      'Lampan på gångvägen {vid|bakom} {place} {lyser inte|är trasig} och det känns otryggt att gå där på kvällen.',
      'Gatlampan {vid|utanför} {street} {nr} {lyser|brinner} mitt på dagen men är släckt på natten.',
      'En lyktstolpe {vid|på} {street} {lutar kraftigt|har blivit påkörd|står snett}.',
      'Mörkt på cykelbanan {vid|längs} {place}, {ingen belysning|lamporna lyser inte}.',
    ],
    da: [
      'Gadelampen på {street} {nr} {er gået i stykker|lyser ikke|blinker}.',
      'Det er helt mørkt på {street}, gadebelysningen virker ikke.',
    ],
    en: [
      'The {street light|streetlight|lamp post} {on|outside} {street} {nr} is {broken|not working|flickering}.',
      'It is completely dark on {street}, the lights have been out for {days} days.',
    ],
  },
  pothole: {
    weight: 12,
    sv: [
      'Det är ett {stort|djupt|farligt} hål i {vägen|gatan|asfalten} på {street} {nr}.',
      '{Potthål|Gropar|Stora hål} {på|längs} {street}, {bilarna får köra runt|jag fick punktering|det skakar när man kör}.',
      'Asfalten har {spruckit|gått sönder|släppt} {vid|utanför} {street} {nr} och det har blivit en grop.',
      'Vägen {vid|till} {place} är {full av hål|i mycket dåligt skick} efter vintern.',
      'Jag {körde ner i|cyklade ner i} ett hål på {street} och {fälgen blev skadad|däcket gick sönder}.',
      'Gropen i {korsningen|gatan} {vid|på} {street} har blivit {större|djupare} igen.',
    ],
    da: ['Der er et stort hul i vejen på {street} {nr}.', 'Vejen ved {place} er fuld af huller.'],
    en: ['There is a {big|deep} pothole on {street} near number {nr}.', 'The road at {place} is full of potholes.'],
  },
  snow_clearance: {
    weight: 10,
    sv: [
      '{Ingen har plogat|Det har inte plogats|Plogbilen har inte varit} på {street} {sedan i går|på {days} dagar|i helgen}.',
      'Snövallen {vid|utanför} {street} {nr} är så hög att man inte ser {trafiken|bilarna} när man kör ut.',
      'Gångvägen {vid|till} {place} är inte {skottad|snöröjd|plogad} och det går inte att ta sig fram med {rullator|barnvagn}.',
      'Snöröjningen på {street} {är dålig|har missats|har glömts bort} igen.',
      'Plogbilen har lagt all snö {framför min uppfart|i min infart} på {street} {nr}.',
      'Det ligger {mycket|massor av} snö kvar på {busshållplatsen|cykelbanan} vid {street}.',
    ],
    da: ['Der er ikke blevet ryddet sne på {street} i {days} dage.', 'Fortovet ved {place} er ikke ryddet for sne.'],
    en: ['{street} has not been cleared of snow for {days} days.', 'The snow plough blocked my driveway on {street}.'],
  },
  graffiti: {
    weight: 7,
    sv: [
      'Det är {klotter|graffiti|tags} på {muren|väggen|elskåpet|bron} {vid|utanför} {place}.',
      'Någon har {sprayat|målat|klottrat} {på|över} {busskuren|skylten|fasaden} på {street}.',
      '{Mycket|Nytt|Fult} klotter {i gångtunneln|på lekplatsen} vid {place}.',
      '{Fula|Stötande|Rasistiska} texter har {sprayats|skrivits} på {väggen|plank} {vid|bakom} {place}.',
    ],
    da: ['Der er graffiti på muren ved {place}.', 'Nogen har sprayet på busskuret på {street}.'],
    en: [
      'There is graffiti on the wall {at|near} {place}.',
      'Someone has sprayed tags on the bus shelter on {street}.',
    ],
  },
  waste_collection_missed: {
    weight: 12,
    sv: [
      '{Soptunnan|Sopkärlet|Matavfallskärlet} har inte {tömts|hämtats} på {weeks} veckor.',
      'Sophämtningen {missade|glömde} {oss|vår gata|{street}} {i dag|i går|i torsdags}.',
      'Våra sopor {har inte hämtats|står kvar} {på|vid} {street} {nr}, {det luktar illa|kärlet är överfullt}.',
      'Sopbilen {kom aldrig|har inte varit här} {i veckan|på {days} dagar} och {tunnan|kärlet} är full.',
      'Återvinningskärlet {för papper|för plast|för glas} blev inte tömt {i dag|den här veckan}.',
      '{Tunnan|Soptunnan|Kärlet} på {street} {nr} {stod framme|stod ute vid vägen} men {tömdes inte|hämtades inte}.',
    ],
    da: ['Skraldespanden er ikke blevet tømt i {weeks} uger.', 'Skraldebilen har ikke hentet affald på {street}.'],
    en: ['Our {bin|garbage} has not been collected for {weeks} weeks.', 'The waste collection missed {street} again.'],
  },
  water_leak: {
    weight: 6,
    sv: [
      'Det {läcker vatten|sprutar vatten|forsar vatten} {ur marken|från en brunn} på {street} {nr}.',
      '{Vattenläcka|Vattenläckan|En stor vattenläcka} {på|vid} {street}, vattnet rinner ut på gatan.',
      'Vattenröret {har brustit|är trasigt} {vid|utanför} {place}.',
      'Vi har inget vatten {och|men} det bubblar upp vatten {i|på} {gatan|trottoaren} {vid|på} {street}.',
      'Det står {stora mängder|massor av} vatten {vid|på} {street}, det verkar komma från en ledning.',
    ],
    da: ['Der er et vandlæk på {street} {nr}.', 'Vandet løber ud fra en brønd ved {place}.'],
    en: ['There is a water leak on {street}.', 'A burst pipe is flooding {street} near number {nr}.'],
  },
  school_placement: {
    weight: 8,
    sv: [
      'Min {son|dotter} ska börja {förskoleklass|årskurs 1|årskurs 7} i höst, hur {ansöker|söker} jag {skola|skolplats}?',
      'Vi flyttar till kommunen {i augusti|till sommaren} och behöver {skolplacering|en skolplats} för {två barn|vårt barn}.',
      'Jag vill {byta skola|ansöka om skolbyte} för mitt barn till {place}.',
      'När får vi besked om {skolplaceringen|vilken skola} {vårt barn|min dotter|min son} {får|har fått}?',
      'Varför fick {vi|mitt barn} inte {vårt förstahandsval|den skola vi sökte}?',
    ],
    da: [
      'Hvordan søger jeg skoleplads til min søn?',
      'Vi flytter til kommunen og skal bruge en skoleplads til vores datter.',
    ],
    en: [
      'How do I apply for a school place for my {son|daughter}?',
      'We are moving here in {August|the summer} and need a school for our child.',
    ],
  },
  building_permit: {
    weight: 8,
    sv: [
      'Behöver jag bygglov för {ett attefallshus|en carport|ett förråd|en altan} på min tomt på {street}?',
      'Jag vill {bygga ut|bygga till|bygga en tillbyggnad på} huset, hur {ansöker|söker} jag?',
      'Vilka ritningar behövs för att {söka|få} bygglov för {en altan|en carport|ett garage}?',
    ],
    da: [
      'Skal jeg have byggetilladelse til en carport?',
      'Hvordan søger jeg om tilladelse til at bygge en tilbygning?',
    ],
    en: [
      'Do I need a building permit for a {garage|carport|shed}?',
      'How do I apply for planning permission for an extension?',
    ],
  },
  parking: {
    weight: 8,
    sv: [
      'En bil står {felparkerad|parkerad} {på trottoaren|i korsningen|framför min infart} på {street} {nr}.',
      'Bilar {parkerar|står parkerade} {på cykelbanan|på gräset|på handikapplatsen} vid {place}.',
      'Hur ansöker jag om {parkeringstillstånd|boendeparkering} på {street}?',
      'En {bil|husbil|släpvagn} har stått {övergiven|parkerad} på {street} i {weeks} veckor.',
      'Jag fick en parkeringsbot {på|vid} {street} fast skylten {var otydlig|saknades}.',
    ],
    da: ['Der holder en bil parkeret på fortovet på {street}.', 'Hvordan får jeg en beboerparkeringslicens?'],
    en: ['A car is parked on the pavement on {street}.', 'Cars keep parking in the bike lane near {place}.'],
  },
  noise: {
    weight: 7,
    sv: [
      '{Grannarna|Grannen} på {street} {nr} spelar {hög musik|musik högt} {varje natt|på nätterna|hela helgen}.',
      'Det {bullrar|låter} {väldigt mycket|hela tiden} från {bygget|vägarbetet|fläkten} {vid|på} {street}, även {på natten|tidigt på morgonen}.',
      '{Oväsen|Stök|Skrik och bråk} {från|på} {place} {varje kväll|efter midnatt}.',
      'Störande ljud från {restaurangen|en fläkt|en kompressor} {på|vid} {street} {nr}.',
    ],
    da: ['Der er larm fra naboen hver nat.', 'Meget støj fra byggepladsen på {street} om natten.'],
    en: [
      'Loud music from {street} {nr} every night.',
      'There is constant noise from the construction site on {street}.',
    ],
  },
  park_maintenance: {
    weight: 8,
    sv: [
      'Gräset i {parken|lekparken} vid {place} har inte klippts på {weeks} veckor.',
      'Papperskorgarna i {parken|stadsparken} är {överfulla|fulla} och det blåser skräp överallt.',
      'En parkbänk {vid|i} {place} är {trasig|sönder|borttagen}.',
      'Buskarna {vid|längs} {street} {växer ut över gångvägen|behöver klippas}.',
      'Det ligger {mycket skräp|glas|fimpar} på gräsmattan i {parken|stadsparken} vid {place}.',
    ],
    da: ['Græsset i parken ved {place} er ikke slået.', 'Hækken langs stien i parken er groet helt til.'],
    en: ['The grass in the park near {place} has not been cut.', 'The hedges in the park have not been trimmed.'],
  },
};

/** Place names and streets for the demo municipality (fictional, but typical). */
export const DEMO_STREETS = [
  'Storgatan',
  'Skolvägen',
  'Kyrkogatan',
  'Ringvägen',
  'Parkvägen',
  'Järnvägsgatan',
  'Björkvägen',
  'Stationsgatan',
  'Ekbacken',
  'Sjövägen',
  'Industrigatan',
  'Drottninggatan',
] as const;
export const DEMO_PLACES = [
  'skolan',
  'Parkskolan',
  'stationen',
  'torget',
  'biblioteket',
  'idrottshallen',
  'vårdcentralen',
  'badhuset',
  'Stadsparken',
  'Coop',
] as const;

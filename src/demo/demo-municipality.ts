import { CaseKind, Priority } from '../catalog/catalog.types';
import { Role } from '../auth/roles';
import { ServicePointKind } from '../organisation/entities/service-point.entity';

/**
 * Norrvika kommun: an invented Swedish municipality of about 45,000 people, with a
 * service center at the town hall and two library branch offices. Its catalog follows
 * what citizens most often contact a municipality about.
 */
export const DEMO_MUNICIPALITY = 'Norrvika kommun';
export const DEMO_PASSWORD = 'demo-password';

export const DEMO_DEPARTMENTS: Array<{ code: string; name: string }> = [
  { code: 'SC', name: 'Servicecenter (kommunstyrelseförvaltningen)' },
  { code: 'TEK', name: 'Tekniska förvaltningen' },
  { code: 'VA', name: 'Vatten och avfall' },
  { code: 'UTB', name: 'Utbildningsförvaltningen' },
  { code: 'SOC', name: 'Socialförvaltningen' },
  { code: 'AO', name: 'Äldreomsorgen' },
  { code: 'MHF', name: 'Miljö- och hälsoskyddsförvaltningen' },
  { code: 'SBF', name: 'Samhällsbyggnadsförvaltningen (bygg och planering)' },
  { code: 'KFF', name: 'Kultur- och fritidsförvaltningen' },
];

export const DEMO_SERVICE_POINTS: Array<{ code: string; name: string; kind: ServicePointKind; address: string | null }> = [
  { code: 'DESK', name: 'Servicecenter, receptionen i kommunhuset', kind: 'desk', address: 'Stortorget 1, 139 30 Norrvika' },
  { code: 'PHONE', name: 'Servicecenter, telefon 08-555 100 00', kind: 'phone', address: null },
  { code: 'EMAIL', name: 'Servicecenter, e-post kommun@norrvika.example', kind: 'email', address: null },
  { code: 'WEB', name: 'E-tjänsten för synpunkter och felanmälan', kind: 'web', address: null },
  { code: 'LIB-EKBACKEN', name: 'Ekbackens bibliotek (filial)', kind: 'branch', address: 'Ekbacksvägen 4, 139 32 Norrvika' },
  { code: 'LIB-LOVUDDEN', name: 'Lövuddens bibliotek (filial)', kind: 'branch', address: 'Lövuddstorget 2, 139 41 Norrvika' },
];

export const DEMO_STAFF: Array<{ email: string; name: string; role: Role; departmentCodes: string[] }> = [
  { email: 'agent@demo.local', name: 'Amira Servicecenter', role: 'agent', departmentCodes: ['SC'] },
  { email: 'handler@demo.local', name: 'Henrik Teknik', role: 'handler', departmentCodes: ['TEK'] },
  { email: 'manager@demo.local', name: 'Maria Chef', role: 'manager', departmentCodes: [] },
  { email: 'admin@demo.local', name: 'Adam Admin', role: 'admin', departmentCodes: [] },
  { email: 'handler.va@demo.local', name: 'Vera Vatten', role: 'handler', departmentCodes: ['VA'] },
  { email: 'handler.soc@demo.local', name: 'Sofia Social', role: 'handler', departmentCodes: ['SOC'] },
  { email: 'handler.sbf@demo.local', name: 'Bo Bygglov', role: 'handler', departmentCodes: ['SBF'] },
];

type Entry = [code: string, sv: string, en: string, da: string, kind: CaseKind, department: string, byServiceCenter: boolean, priority: Priority, keywords: string, confidential?: boolean];

const ENTRIES: Entry[] = [
  ['street_light', 'Gatubelysning ur funktion', 'Street light out of order', 'Gadelys ude af drift', 'fault_report', 'TEK', false, 'normal', 'gatlykta gatlampa gatubelysning belysning lampa lyktstolpe mörkt släckt streetlight lamp gadelys lygtepæl'],
  ['pothole', 'Potthål eller skadad väg', 'Pothole or damaged road', 'Hul i vejen', 'fault_report', 'TEK', false, 'normal', 'potthål hål grop gropar asfalt vägskada vägbana pothole hole road hul vej asfalt'],
  ['snow_clearance', 'Snöröjning', 'Snow clearance', 'Snerydning', 'fault_report', 'TEK', false, 'normal', 'snö snöröjning plogning plogat oplogat snövall snow plough ploughing sne snerydning'],
  ['gritting', 'Halkbekämpning', 'Gritting of icy roads', 'Glatførebekæmpelse', 'fault_report', 'TEK', false, 'high', 'halka halt sandning sanda grus isgata is ice icy grit glat glatføre saltning'],
  ['graffiti', 'Klotter', 'Graffiti', 'Graffiti', 'fault_report', 'TEK', false, 'normal', 'klotter klottrat nedklottrad graffiti tagg taggar sprayat spray'],
  ['vandalism', 'Skadegörelse', 'Vandalism', 'Hærværk', 'fault_report', 'TEK', false, 'normal', 'skadegörelse förstörd krossad sönderslagen vandalism hærværk ødelagt'],
  ['park_maintenance', 'Parkskötsel', 'Park maintenance', 'Parkpleje', 'fault_report', 'TEK', false, 'low', 'park parken gräs gräsklippning buskar rabatt häck ogräs grass park parkpleje'],
  ['playground', 'Lekplats med trasig utrustning', 'Broken playground equipment', 'Legeplads med ødelagt udstyr', 'fault_report', 'TEK', false, 'high', 'lekplats gunga gungan rutschkana sandlåda klätterställning playground swing slide legeplads gynge'],
  ['fallen_tree', 'Nedfallet träd eller gren', 'Fallen tree or branch', 'Væltet træ', 'fault_report', 'TEK', false, 'high', 'träd trädet gren grenar omkullfallet nedfallet blåst storm tree branch fallen træ gren væltet'],
  ['traffic_sign', 'Trafikskylt eller trafiksignal', 'Traffic sign or signal', 'Færdselstavle eller lyskryds', 'fault_report', 'TEK', false, 'high', 'skylt vägmärke trafikljus trafiksignal övergångsställe sign signal traffic tavle lyskryds'],
  ['street_cleaning', 'Gatusopning och nedskräpning', 'Street cleaning and litter', 'Gadefejning og affald', 'fault_report', 'TEK', false, 'low', 'sopning sopa skräp nedskräpning papperskorg litter sweeping rubbish fejning skrald'],
  ['parking', 'Parkering och felparkering', 'Parking and illegal parking', 'Parkering', 'errand', 'TEK', false, 'normal', 'parkering parkera felparkerad felparkering bil parkeringsbot p-plats parking parked car parkering'],
  ['dog_waste', 'Hundlatriner', 'Dog waste bins', 'Hundeskraldespande', 'fault_report', 'TEK', false, 'low', 'hundbajs hundlatrin hundpåse hundpåsar hund dog poop hundelort'],
  ['abandoned_bicycle', 'Övergivna cyklar', 'Abandoned bicycles', 'Efterladte cykler', 'fault_report', 'TEK', false, 'low', 'cykel cyklar övergiven bicycle bike cykel efterladt'],
  ['water_leak', 'Vattenläcka', 'Water leak', 'Vandlæk', 'fault_report', 'VA', false, 'urgent', 'vattenläcka läcker läckage vattenrör rörbrott vatten forsar leak leaking burst pipe water vandlæk vandrør læk'],
  ['sewage_blockage', 'Stopp i avlopp', 'Blocked sewer', 'Tilstoppet kloak', 'fault_report', 'VA', false, 'high', 'avlopp avloppet stopp översvämning dagvatten brunn kloak sewer drain blocked kloak afløb'],
  ['water_quality', 'Dricksvattnets kvalitet', 'Drinking water quality', 'Drikkevandets kvalitet', 'complaint', 'VA', false, 'high', 'dricksvatten kranvatten smak lukt missfärgat brunt drinking tap water taste drikkevand'],
  ['waste_collection_missed', 'Missad sophämtning', 'Missed waste collection', 'Manglende affaldsafhentning', 'fault_report', 'VA', false, 'normal', 'sophämtning soptunna soptunnan sopkärl kärl tömning tömd tömts sopor hushållsavfall waste bin garbage collection skrald affald skraldespand'],
  ['waste_bin_order', 'Beställa eller byta sopkärl', 'Order or change a waste bin', 'Bestille skraldespand', 'errand', 'VA', true, 'low', 'beställa nytt kärl byta storlek sopkärl kompost order bin bestille'],
  ['recycling_station', 'Full återvinningsstation', 'Recycling station full', 'Fuld genbrugsstation', 'fault_report', 'VA', false, 'low', 'återvinning återvinningsstation glas papper förpackningar full recycling genbrug'],
  ['water_bill', 'Fråga om VA- eller avfallsfaktura', 'Question about a water or waste bill', 'Spørgsmål om regning', 'question', 'VA', true, 'low', 'faktura räkning avgift taxa betala bill invoice regning'],
  ['school_placement', 'Skolplacering och skolval', 'School placement', 'Skoleplacering', 'errand', 'UTB', false, 'normal', 'skolplacering skolval skola skolan byta skola grundskola elev school placement skole'],
  ['preschool_place', 'Förskoleplats', 'Preschool place', 'Børnehaveplads', 'errand', 'UTB', false, 'normal', 'förskola förskoleplats dagis barnomsorg kö preschool daycare børnehave vuggestue'],
  ['school_transport', 'Skolskjuts', 'School transport', 'Skolekørsel', 'errand', 'UTB', false, 'normal', 'skolskjuts skolbuss skolskjutsen taxi school bus transport skolebus'],
  ['school_complaint', 'Klagomål på skola eller förskola', 'Complaint about a school or preschool', 'Klage over skole', 'complaint', 'UTB', false, 'normal', 'klagomål skola lärare rektor undervisning complaint school teacher klage'],
  ['adult_education', 'Vuxenutbildning, SFI och Komvux', 'Adult education', 'Voksenuddannelse', 'question', 'UTB', true, 'low', 'komvux sfi vuxenutbildning svenska för invandrare adult education'],
  ['income_support', 'Ekonomiskt bistånd', 'Income support', 'Økonomisk hjælp', 'errand', 'SOC', false, 'normal', 'ekonomiskt bistånd försörjningsstöd socialbidrag hyra pengar income support kontanthjælp', true],
  ['child_welfare_report', 'Orosanmälan om barn', 'Report of concern about a child', 'Underretning om barn', 'errand', 'SOC', false, 'urgent', 'orosanmälan barn far illa barnet misshandel vanvård underretning', true],
  ['addiction_support', 'Stöd vid missbruk', 'Addiction support', 'Misbrugsbehandling', 'errand', 'SOC', false, 'normal', 'missbruk alkohol droger beroende addiction misbrug', true],
  ['domestic_violence', 'Våld i nära relationer', 'Domestic violence', 'Vold i nære relationer', 'errand', 'SOC', false, 'urgent', 'våld hot slår misshandlad kvinnojour domestic violence vold', true],
  ['home_care', 'Hemtjänst', 'Home care', 'Hjemmehjælp', 'errand', 'AO', false, 'normal', 'hemtjänst hemtjänsten hjälp hemma äldre mamma pappa home care hjemmehjælp'],
  ['elderly_housing', 'Särskilt boende för äldre', 'Residential care for the elderly', 'Plejebolig', 'errand', 'AO', false, 'normal', 'äldreboende särskilt boende demensboende nursing home plejehjem plejebolig'],
  ['safety_alarm', 'Trygghetslarm', 'Personal safety alarm', 'Nødkald', 'errand', 'AO', false, 'high', 'trygghetslarm larm larmet safety alarm nødkald'],
  ['elderly_care_complaint', 'Klagomål på äldreomsorgen', 'Complaint about elderly care', 'Klage over ældrepleje', 'complaint', 'AO', false, 'normal', 'klagomål hemtjänst personal bemötande äldreomsorg complaint elderly care klage', true],
  ['noise', 'Störande buller', 'Noise disturbance', 'Støjgener', 'complaint', 'MHF', false, 'normal', 'buller oväsen ljud störande musik byggbuller fläkt noise loud støj larm'],
  ['food_hygiene', 'Klagomål på livsmedel eller restaurang', 'Food hygiene complaint', 'Klage over fødevarer', 'complaint', 'MHF', false, 'high', 'restaurang matförgiftning livsmedel hygien mat sjuk food poisoning restaurant fødevarer'],
  ['pests', 'Skadedjur', 'Pests and vermin', 'Skadedyr', 'fault_report', 'MHF', false, 'normal', 'råttor råtta möss skadedjur kackerlackor rats mice pests rotter mus skadedyr'],
  ['indoor_environment', 'Fukt, mögel och inomhusmiljö', 'Damp, mould and indoor environment', 'Fugt og skimmel', 'complaint', 'MHF', false, 'normal', 'mögel fukt inomhusmiljö ventilation lägenhet hyresvärd mould damp skimmel fugt'],
  ['smoke_odour', 'Rök och lukt', 'Smoke and odour', 'Røg og lugt', 'complaint', 'MHF', false, 'normal', 'rök lukt eldning os vedeldning grill smoke odour smell røg lugt'],
  ['building_permit', 'Bygglov', 'Building permit', 'Byggetilladelse', 'errand', 'SBF', false, 'normal', 'bygglov bygga tillbyggnad altan attefallshus carport rivningslov building permit byggetilladelse'],
  ['building_permit_status', 'Fråga om pågående bygglovsärende', 'Status of a building permit case', 'Status på byggesag', 'question', 'SBF', true, 'low', 'bygglovsärende handläggningstid status ansökan permit status byggesag'],
  ['detailed_plan', 'Detaljplan och planbesked', 'Zoning plan', 'Lokalplan', 'question', 'SBF', false, 'low', 'detaljplan planbesked översiktsplan detailed plan zoning lokalplan'],
  ['map_services', 'Kartor och fastighetsgränser', 'Maps and property boundaries', 'Kort og skel', 'question', 'SBF', true, 'low', 'karta kartor fastighetsgräns tomtgräns gränsmarkering map boundary kort skel'],
  ['illegal_construction', 'Olovligt byggande', 'Unauthorised construction', 'Ulovligt byggeri', 'complaint', 'SBF', false, 'normal', 'olovligt byggande svartbygge utan bygglov grannen bygger unauthorised ulovligt'],
  ['library_question', 'Fråga om biblioteket', 'Library question', 'Spørgsmål om biblioteket', 'question', 'KFF', true, 'low', 'bibliotek lån låna bok böcker lånekort library book bibliotek'],
  ['sports_facility_booking', 'Boka idrottshall eller plan', 'Booking a sports hall or pitch', 'Booking af idrætshal', 'errand', 'KFF', true, 'low', 'boka bokning idrottshall gympasal fotbollsplan booking sports hall idrætshal'],
  ['association_grant', 'Föreningsbidrag', 'Grants for associations', 'Foreningstilskud', 'errand', 'KFF', false, 'low', 'förening föreningsbidrag bidrag idrottsförening grant association forening tilskud'],
  ['swimming_pool', 'Simhallen', 'Swimming pool', 'Svømmehal', 'question', 'KFF', true, 'low', 'simhall simhallen bad badhus öppettider simma swimming pool svømmehal'],
  ['general_information', 'Öppettider och allmän information', 'Opening hours and general information', 'Åbningstider og information', 'question', 'SC', true, 'low', 'öppettider adress telefonnummer information kontakt opening hours åbningstider'],
  ['general_complaint', 'Allmänt klagomål', 'General complaint', 'Generel klage', 'complaint', 'SC', false, 'normal', 'klagomål klaga missnöjd missnöje bemötande complaint dissatisfied klage'],
  ['feedback', 'Synpunkt eller förslag', 'Feedback or suggestion', 'Forslag og ros', 'feedback', 'SC', false, 'low', 'synpunkt synpunkter förslag beröm tips idé feedback suggestion forslag ros'],
  ['callback_request', 'Önskar bli uppringd', 'Callback request', 'Ønsker at blive ringet op', 'callback', 'SC', false, 'normal', 'ring upp ringa tillbaka återuppringning kontakta mig callback call back ring tilbage'],
  ['public_records', 'Begäran om allmän handling', 'Request for public records', 'Aktindsigt', 'errand', 'SC', false, 'normal', 'allmän handling diarium begäran handlingar public records aktindsigt'],
  ['digital_mailbox', 'Digital brevlåda och e-tjänster', 'Digital mailbox and e-services', 'Digital post', 'question', 'SC', true, 'low', 'digital brevlåda e-tjänst bankid inloggning digital mailbox e-service digital post'],
];

export const DEMO_CATALOG = ENTRIES.map(([code, sv, en, da, kind, departmentCode, handledByServiceCenter, priority, keywords, confidential]) => ({
  code,
  name: { sv, en, da },
  kind,
  departmentCode,
  handledByServiceCenter,
  priority,
  keywords: keywords.split(' '),
  confidential: confidential ?? false,
}));

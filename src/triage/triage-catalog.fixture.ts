import { TriageCatalogEntry } from './triage.types';

/**
 * A small, realistic service catalog used by the triage tests and usable as the demo municipality's
 * starting point. Keywords mix Swedish, Danish and English on purpose: that is what agents type into
 * the catalog admin screen. Each entry deliberately lacks some everyday words (e.g. "trasig") so the
 * tests can show what keywords miss and history teaches.
 */
export const TRIAGE_FIXTURE_CATALOG: readonly TriageCatalogEntry[] = [
  {
    code: 'street_light',
    name: { sv: 'Gatubelysning', en: 'Street lighting', da: 'Gadebelysning' },
    kind: 'fault_report',
    departmentCode: 'streets',
    priority: 'normal',
    keywords: ['gatlykta', 'gatlampa', 'belysning', 'lyktstolpe', 'streetlight', 'street light', 'lamp post', 'gadelys', 'gadelampe', 'lygtepæl'],
  },
  {
    code: 'pothole',
    name: { sv: 'Hål i gata eller väg', en: 'Pothole', da: 'Hul i vejen' },
    kind: 'fault_report',
    departmentCode: 'streets',
    priority: 'normal',
    keywords: ['potthål', 'hål i vägen', 'hål i gatan', 'vägskada', 'gropar', 'pothole', 'hul i vejen', 'asfalt'],
  },
  {
    code: 'snow_clearance',
    name: { sv: 'Snöröjning', en: 'Snow clearance', da: 'Snerydning' },
    kind: 'fault_report',
    departmentCode: 'streets',
    priority: 'normal',
    keywords: ['snöröjning', 'plogning', 'snövall', 'sandning', 'snow', 'plough', 'snerydning', 'sne'],
  },
  {
    code: 'graffiti',
    name: { sv: 'Klotter', en: 'Graffiti', da: 'Graffiti' },
    kind: 'fault_report',
    departmentCode: 'parks',
    priority: 'low',
    keywords: ['klotter', 'graffiti', 'tags', 'sprayfärg', 'spraymaling', 'vandalism'],
  },
  {
    code: 'waste_collection_missed',
    name: { sv: 'Utebliven sophämtning', en: 'Missed waste collection', da: 'Manglende affaldsafhentning' },
    kind: 'complaint',
    departmentCode: 'waste',
    priority: 'normal',
    keywords: ['sophämtning', 'soptunna', 'sopkärl', 'tömning', 'sopbil', 'garbage', 'bin', 'waste collection', 'skraldespand', 'affald'],
  },
  {
    code: 'water_leak',
    name: { sv: 'Vattenläcka', en: 'Water leak', da: 'Vandlæk' },
    kind: 'fault_report',
    departmentCode: 'water',
    priority: 'high',
    keywords: ['vattenläcka', 'läcker', 'vattenledning', 'rörbrott', 'water leak', 'burst pipe', 'vandlæk', 'vandrør'],
  },
  {
    code: 'school_placement',
    name: { sv: 'Skolplacering', en: 'School placement', da: 'Skoleplacering' },
    kind: 'errand',
    departmentCode: 'education',
    priority: 'normal',
    keywords: ['skolplacering', 'skolval', 'byta skola', 'förskoleklass', 'school place', 'skoleplads', 'skolestart'],
  },
  {
    code: 'building_permit',
    name: { sv: 'Bygglov', en: 'Building permit', da: 'Byggetilladelse' },
    kind: 'errand',
    departmentCode: 'planning',
    priority: 'normal',
    keywords: ['bygglov', 'bygga', 'tillbyggnad', 'attefallshus', 'carport', 'planning permission', 'byggetilladelse'],
  },
  {
    code: 'parking',
    name: { sv: 'Parkering', en: 'Parking', da: 'Parkering' },
    kind: 'complaint',
    departmentCode: 'traffic',
    priority: 'low',
    keywords: ['parkering', 'felparkerad', 'parkeringstillstånd', 'p-skiva', 'parking', 'parked', 'parkeret'],
  },
  {
    code: 'noise',
    name: { sv: 'Buller och störningar', en: 'Noise', da: 'Støj' },
    kind: 'complaint',
    departmentCode: 'environment',
    priority: 'normal',
    keywords: ['buller', 'oväsen', 'störande ljud', 'hög musik', 'noise', 'loud', 'støj', 'larm'],
  },
  {
    code: 'park_maintenance',
    name: { sv: 'Skötsel av park', en: 'Park maintenance', da: 'Parkvedligeholdelse' },
    kind: 'fault_report',
    departmentCode: 'parks',
    priority: 'low',
    keywords: ['park', 'lekplats', 'gräsklippning', 'parkbänk', 'playground', 'legeplads', 'buskar'],
  },
];

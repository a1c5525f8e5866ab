import { luhnCheckDigit } from '../citizens/personal-number';

/**
 * Redaction of a text before it is published in the public case register (diarium): personal
 * data is replaced by a marker that says what was removed, so the register can be public while
 * the persons stay protected (offentlighets- och sekretesslagen 2009:400; GDPR art. 5(1)(c)).
 *
 * What is removed, with its marker:
 * - `[personnummer]`: Swedish personal identity and coordination numbers, with or without the
 *   century, with "-", "+", a space or nothing between date and serial;
 * - `[cpr-nummer]`: Danish CPR numbers (DDMMYY-SSSS);
 * - `[kortnummer]`: card numbers (13 to 19 digits passing the Luhn check), `[kontonummer]`:
 *   IBANs, Swedish bank accounts (clearing number and account) and any account named as one
 *   ("kontonr", "konto:");
 * - `[telefon]`: Swedish and Danish phone numbers, with or without country code, spaces, dashes;
 *   eight bare Danish digits when named as a phone number ("tlf.", "mobil");
 * - `[e-post]`: e-mail addresses;
 * - `[registreringsnummer]`: Swedish and Danish vehicle registration plates;
 * - `[postnummer]`: a Swedish postal code followed by its town (it places an address), and a
 *   Danish one where it ends an address (", 1165 København K");
 * - `[namn]`, `[adress]`: the names and street addresses of the case's own parties, known from
 *   the case record.
 *
 * What is kept: case reference numbers (2026-000541), dates, times and opening-hours ranges,
 * amounts of money, and other numbers that match none of the patterns above.
 *
 * Pure: no framework, no database. The order of the rules matters (a personal identity number
 * is looked for before a phone number of the same length).
 */
export interface RedactionParties {
  /** Full names of the case's parties (the citizen), as the case record has them. */
  names?: ReadonlyArray<string | null | undefined>;
  /** Street addresses of the case's parties or of the place the case is about. */
  addresses?: ReadonlyArray<string | null | undefined>;
}

export const REDACTION_MARKERS = {
  personalNumber: '[personnummer]',
  cpr: '[cpr-nummer]',
  card: '[kortnummer]',
  account: '[kontonummer]',
  phone: '[telefon]',
  email: '[e-post]',
  plate: '[registreringsnummer]',
  postalCode: '[postnummer]',
  name: '[namn]',
  address: '[adress]',
} as const;

const D = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

/** The rules in the order they run: each replaces what it finds, so later rules see the markers. */
const RULES: ReadonlyArray<{ marker: string; pattern: RegExp; accept?: (match: string) => boolean }> = [
  { marker: REDACTION_MARKERS.email, pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu },
  {
    // IBAN: two letters, two check digits, then 11 to 30 characters, often in groups of four.
    marker: REDACTION_MARKERS.account,
    pattern: new RegExp(`${D}[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?${E}`, 'gu'),
  },
  {
    // A bank account named as one ("kontonr 1234 12 34567", "konto: 4305 7894 32"), whatever its grouping.
    marker: REDACTION_MARKERS.account,
    pattern: new RegExp(`(?<=(?<!\\p{L})(?:bank)?konto(?:nummer|nr)?\\.?:? ?)\\d{2,}(?:[ -]\\d{2,}){0,4}${E}`, 'giu'),
    accept: (match) => {
      const digits = match.replace(/\D/g, '').length;
      return digits >= 7 && digits <= 18;
    },
  },
  {
    // A Danish phone number named as one: eight digits, bare or in pairs ("tlf. 12345678", "mobil 20 30 40 50").
    marker: REDACTION_MARKERS.phone,
    pattern: new RegExp(
      `(?<=(?<!\\p{L})(?:tlf|tel|telefon|telefonnr|telefonnummer|mob|mobil|mobilnr|mobilnummer)\\.?:? ?)\\d{2} ?\\d{2} ?\\d{2} ?\\d{2}${E}`,
      'giu',
    ),
  },
  {
    // Card numbers: 13-19 digits, in groups of four or not, that pass the Luhn check.
    marker: REDACTION_MARKERS.card,
    pattern: new RegExp(`${D}(?:\\d{4}[ -]){3}\\d{1,7}${E}|${D}\\d{13,19}${E}`, 'gu'),
    accept: (match) => luhnValid(match.replace(/\D/g, '')),
  },
  {
    // A Danish CPR number named as one ("CPR", "cpr-nr."): DDMMYY and YYMMDD can look alike.
    marker: REDACTION_MARKERS.cpr,
    pattern: new RegExp(
      `(?<=cpr[^\\p{L}\\p{N}]{0,8})(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])\\d{2}[- ]?\\d{4}${E}`,
      'giu',
    ),
  },
  {
    // Swedish personal identity / coordination numbers: (CC)YYMMDD[-+ ]?NNNC with a real month
    // and day (day + 60 for a coordination number).
    marker: REDACTION_MARKERS.personalNumber,
    pattern: new RegExp(
      `${D}(?:19|20|18)?\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]|6[1-9]|[78]\\d|9[01]) ?[-+–]? ?\\d{4}${E}`,
      'gu',
    ),
    accept: (match) => personalNumberShaped(match),
  },
  {
    // Danish CPR written with its dash: DDMMYY-SSSS (ten bare digits are more often a phone number).
    marker: REDACTION_MARKERS.cpr,
    pattern: new RegExp(`${D}(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])\\d{2}[- ]\\d{4}${E}`, 'gu'),
  },
  {
    // Swedish bank accounts: a clearing number (4 digits, a fifth after a dash for Swedbank),
    // then the account, e.g. 8327-9, 123 456 789-0 or 6789-123 456 789.
    marker: REDACTION_MARKERS.account,
    pattern: new RegExp(`${D}\\d{4}(?:-\\d)?,? ?(?:\\d{1,4}[ -]?){2,4}\\d{1,4}${E}`, 'gu'),
    accept: (match) => {
      const digits = match.replace(/\D/g, '');
      return digits.length >= 11 && digits.length <= 16 && /[-,]/.test(match.slice(4, 7));
    },
  },
  {
    // Phone numbers: +46 / 0046 / 0 with an area code, +45 / 0045, or Danish eight digits in pairs.
    marker: REDACTION_MARKERS.phone,
    pattern: new RegExp(
      `(?:(?:\\+|00)4[56][ -]?\\(?0?\\)?[ -]?\\d{1,3}|${D}0\\d{1,3}|\\(0\\d{1,3}\\))(?:[ -]?\\d){5,8}${E}|${D}\\d{2}(?: \\d{2}){3}${E}`,
      'gu',
    ),
    accept: (match) => {
      const digits = match.replace(/\D/g, '');
      return digits.length >= 7 && digits.length <= 14;
    },
  },
  {
    // Vehicle plates: Swedish ABC 123 or ABC 12A; Danish AB 12 345.
    marker: REDACTION_MARKERS.plate,
    pattern: new RegExp(`${D}[A-HJ-PR-UW-Z]{3}[ -]?\\d{2}[\\dA-HJ-PR-UW-Z]${E}|${D}[A-Z]{2} ?\\d{2} ?\\d{3}${E}`, 'gu'),
  },
  {
    // A postal code with its town: "123 45 Norrvika" places an address.
    marker: REDACTION_MARKERS.postalCode,
    pattern: new RegExp(`${D}\\d{3} ?\\d{2}(?= +\\p{Lu}\\p{Ll}+)`, 'gu'),
  },
  {
    // A Danish postal code with its town, written as the last part of an address: ", 1165 København K".
    // Four digits alone before a capitalised word are as often a year ("2026 Tekniska nämnden").
    marker: REDACTION_MARKERS.postalCode,
    pattern: new RegExp(`(?<=, ?)\\d{4}(?= +\\p{Lu}\\p{Ll}+)`, 'gu'),
  },
];

/**
 * The text with personal data replaced by markers (see the module comment). `parties` adds the
 * names and addresses of the case's own parties, removed wherever the text mentions them.
 */
export function redact(text: string, parties: RedactionParties = {}): string {
  let result = redactParties(text, parties);
  for (const rule of RULES) {
    result = result.replace(rule.pattern, (match) => (!rule.accept || rule.accept(match) ? rule.marker : match));
  }
  return result;
}

function redactParties(text: string, parties: RedactionParties): string {
  let result = text;
  const addresses = (parties.addresses ?? []).filter((address): address is string => Boolean(address?.trim()));
  for (const address of addresses) {
    // The street and number, however the rest of the address is written.
    const street = address.split(',')[0].trim();
    if (street.length >= 4) result = result.replace(wordPattern(street), REDACTION_MARKERS.address);
  }
  const names = (parties.names ?? []).filter((name): name is string => Boolean(name?.trim()));
  for (const name of names) {
    result = result.replace(wordPattern(name.trim()), REDACTION_MARKERS.name);
    // Each part of the name on its own, when written as a name (a capital letter): "Lena" or "Berg".
    for (const part of name.trim().split(/\s+/)) {
      if (part.length >= 2) result = result.replace(wordPattern(part, true), REDACTION_MARKERS.name);
    }
  }
  return result;
}

/** `phrase` as a whole word or words, any spacing; case-sensitive when `asName` (then only capitalised). */
function wordPattern(phrase: string, asName = false): RegExp {
  const escaped = phrase
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  if (asName) {
    const capitalised = escaped.charAt(0).toUpperCase() + escaped.slice(1);
    return new RegExp(`${D}${capitalised}${E}`, 'gu');
  }
  return new RegExp(`${D}${escaped}${E}`, 'giu');
}

/** The Luhn check over a whole number (card numbers: weights 1, 2 from the right; ISO/IEC 7812-1). */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * A date-shaped number is a personal identity number when it has a separator (written as one) or
 * when its last digit checks out (Luhn over YYMMDDNNN): a bare ten-digit number is otherwise more
 * likely a phone number, which the phone rule takes.
 */
function personalNumberShaped(match: string): boolean {
  const digits = match.replace(/\D/g, '');
  const ten = digits.length === 12 ? digits.slice(2) : digits;
  if (ten.length !== 10) return false;
  if (/[-+–]/.test(match) || digits.length === 12) return true;
  // Ten bare digits from 0: a Swedish phone number (07x mobile, 0xx area code) is likelier.
  if (digits.startsWith('0')) return false;
  return luhnCheckDigit(ten.slice(0, 9)) === Number(ten[9]);
}

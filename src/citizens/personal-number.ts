/**
 * Swedish personal identity numbers (personnummer) and co-ordination numbers
 * (samordningsnummer, day of birth + 60), as defined by Skatteverket: ten digits
 * YYMMDD-NNNC where C is a Luhn check digit over the nine before it. The separator is
 * "+" from the year the person turns 100 (folkbokföringslagen 18 § andra stycket: "det år en
 * person fyller 100 år byts bindestrecket ... ut mot ett plustecken"), so a ten-digit form
 * places the century by the calendar year, not the birthday. Twelve-digit forms carry the century.
 *
 * A ten-digit form with "-", or with no separator (many systems drop it), is the nearest date of
 * birth not in the future; with "+", the person turns 100 or more this calendar year.
 */
export type PersonalNumberResult =
  { valid: true; normalized: string; coordinationNumber: boolean } | { valid: false; reason: string };

const PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let digit = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function parsePersonalNumber(input: string, today: Date = new Date()): PersonalNumberResult {
  const compact = input.trim().replace(/\s/g, '');
  const match = PATTERN.exec(compact);
  if (!match) return { valid: false, reason: 'must look like YYYYMMDD-NNNN or YYMMDD-NNNN' };
  const [, century, yy, mm, dd, separator, serial, check] = match;
  if (century && separator === '+') return { valid: false, reason: 'a twelve-digit number takes no "+"' };

  const expected = luhnCheckDigit(`${yy}${mm}${dd}${serial}`);
  if (expected !== Number(check)) return { valid: false, reason: 'check digit does not match' };

  let day = Number(dd);
  const coordinationNumber = day > 60;
  if (coordinationNumber) day -= 60;
  const month = Number(mm);

  let year: number;
  if (century) {
    year = Number(century + yy);
  } else if (separator === '+') {
    // Turns 100 or more this calendar year: the latest year with these two digits at least a
    // hundred years back (261231+9802 in 2026 is 1926, though the birthday is still to come).
    const latest = today.getUTCFullYear() - 100;
    year = latest - ((((latest - Number(yy)) % 100) + 100) % 100);
  } else {
    // The nearest year not in the future.
    const thisYear = today.getUTCFullYear();
    year = thisYear - ((((thisYear - Number(yy)) % 100) + 100) % 100);
    if (Date.UTC(year, month - 1, day) > today.getTime()) year -= 100;
  }
  if (!isRealDate(year, month, day)) return { valid: false, reason: 'is not a real date of birth' };
  if (Date.UTC(year, month - 1, day) > today.getTime())
    return { valid: false, reason: 'date of birth is in the future' };

  return { valid: true, normalized: `${year}${mm}${dd}${serial}${check}`, coordinationNumber };
}

export function isValidPersonalNumber(input: string, today?: Date): boolean {
  return parsePersonalNumber(input, today).valid;
}

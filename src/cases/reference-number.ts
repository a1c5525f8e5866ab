/** Case reference numbers: the year and a gap-free serial within it, as in "2026-000123". */
const REFERENCE = /^(\d{4})-(\d{6,})$/;

export function formatReference(year: number, serial: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year ${year} is out of range`);
  if (!Number.isInteger(serial) || serial < 1) throw new RangeError(`serial ${serial} must be a positive whole number`);
  return `${year}-${String(serial).padStart(6, '0')}`;
}

export function parseReference(reference: string): { year: number; serial: number } | null {
  const match = REFERENCE.exec(reference);
  return match ? { year: Number(match[1]), serial: Number(match[2]) } : null;
}

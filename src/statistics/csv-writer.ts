/**
 * CSV as RFC 4180 describes it, with a header row of field names: fields holding a comma, a
 * quote or a line break are quoted and quotes doubled; null and undefined are empty fields;
 * numbers are written with a decimal point. Lines end in LF, which every spreadsheet reads.
 */
export type CsvValue = string | number | boolean | null | undefined | Date;

export function toCsv(rows: ReadonlyArray<Record<string, CsvValue>>, columns?: readonly string[]): string {
  const header = columns ?? columnsOf(rows);
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(header.map((column) => csvField(row[column])).join(','));
  return `${lines.join('\n')}\n`;
}

/** Every field name in order of first appearance, so rows with optional fields still line up. */
export function columnsOf(rows: ReadonlyArray<Record<string, CsvValue>>): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const column of Object.keys(row)) columns.add(column);
  return [...columns];
}

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

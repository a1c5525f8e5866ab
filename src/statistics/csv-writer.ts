import { stringify } from 'csv-stringify/sync';

/** A value a CSV field is written from. */
export type CsvValue = string | number | boolean | null | undefined | Date;

/**
 * How a CSV file is written:
 * - `excel`: what Excel set to Swedish or Danish opens with a double click: semicolons between
 *   fields, a decimal comma, CRLF line ends and UTF-8 with a byte-order mark (without it Excel
 *   reads the file as Windows-1252 and å, ä, ö come out wrong).
 * - `rfc4180`: plain CSV (RFC 4180): commas, a decimal point, no byte-order mark, LF line ends.
 */
export const CSV_DIALECTS = ['excel', 'rfc4180'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

/**
 * Rows as CSV (written by csv-stringify), with a header row of field names: fields holding the
 * delimiter, a quote or a line break are quoted and quotes doubled; null and undefined are empty
 * fields; instants are ISO 8601 UTC; booleans are `true`/`false`. `columns` fixes the columns
 * (also for no rows); else every field name in order of first appearance.
 */
export function toCsv(
  rows: ReadonlyArray<Record<string, CsvValue>>,
  dialect: CsvDialect = 'rfc4180',
  columns: readonly string[] = columnsOf(rows),
): string {
  const excel = dialect === 'excel';
  const text = stringify(
    rows.map((row) => columns.map((column) => row[column] ?? null)),
    {
      delimiter: excel ? ';' : ',',
      record_delimiter: excel ? 'windows' : 'unix',
      bom: excel,
      header: true,
      columns: [...columns],
      cast: {
        number: (value) => (excel ? String(value).replace('.', ',') : String(value)),
        boolean: (value) => String(value),
        date: (value) => value.toISOString(),
      },
    },
  );
  return text;
}

/** Every field name in order of first appearance, so rows with optional fields still line up. */
export function columnsOf(rows: ReadonlyArray<Record<string, CsvValue>>): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const column of Object.keys(row)) columns.add(column);
  return [...columns];
}

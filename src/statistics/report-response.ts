import { Response } from 'express';
import { CsvDialect, CsvValue, toCsv } from './csv-writer';
import { ReportFormat, ReportLanguage } from './dto/statistics-query.dto';

/** What a CSV answer's total row says in its group column, by language. */
const TOTAL_LABEL: Record<ReportLanguage, string> = { sv: 'Totalt', en: 'Total', da: 'I alt' };

/**
 * A report as JSON (the whole answer), or as CSV: its rows with a header row of field names,
 * the same rows the JSON answer holds, and, when the rows are grouped, the report's total as a
 * last row. The CSV is written for Excel in Swedish or Danish (`lang` sv, the default, or da:
 * semicolons, decimal comma, a byte-order mark), plain RFC 4180 in English or with
 * `dialect=rfc4180`.
 */
export function respondWithReport<Report extends { rows: object[]; total?: object; groupBy?: string | null }>(
  response: Response,
  query: { format?: ReportFormat; dialect?: CsvDialect; lang?: ReportLanguage },
  name: string,
  report: Report,
): Report | string {
  if (query.format !== 'csv') return report;
  const lang = query.lang ?? 'sv';
  const dialect = query.dialect ?? (lang === 'en' ? 'rfc4180' : 'excel');
  const rows = report.rows as Array<Record<string, CsvValue>>;
  const grouped = Boolean(report.groupBy) && report.total !== undefined && rows.length > 0 && 'group' in rows[0];
  const withTotal = grouped
    ? [...rows, { ...(report.total as Record<string, CsvValue>), group: TOTAL_LABEL[lang] }]
    : rows;
  response.type('text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `inline; filename="${name}.csv"`);
  return toCsv(withTotal, dialect);
}

import { Response } from 'express';
import { CsvValue, toCsv } from './csv-writer';
import { ReportFormat } from './dto/statistics-query.dto';

/**
 * A report as JSON (the whole answer), or as CSV: its rows with a header row of field names,
 * the same rows the JSON answer holds.
 */
export function respondWithReport<Report extends { rows: object[] }>(
  response: Response,
  format: ReportFormat | undefined,
  name: string,
  report: Report,
): Report | string {
  if (format !== 'csv') return report;
  response.type('text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `inline; filename="${name}.csv"`);
  return toCsv(report.rows as Array<Record<string, CsvValue>>);
}

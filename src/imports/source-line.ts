import { LineFields } from './field-readers';

/**
 * One record of an import file as a reader found it: its 1-based line number in the
 * file (blank lines count, so the number is the one an editor shows), its fields when
 * the line could be read, and what was wrong with it when it could not.
 */
export interface SourceLine {
  line: number;
  fields: LineFields | null;
  errors: string[];
}

/** The shape of a file's records: every column a CSV header may name, and those it must name. */
export interface RecordShape {
  fields: readonly string[];
  required: readonly string[];
}

/** A longer line is refused rather than held in memory: no case or call needs 64 KiB. */
export const MAX_LINE_BYTES = 64 * 1024;

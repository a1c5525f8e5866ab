import { MAX_JSON_DEPTH, nestedDeeperThan, textProblems } from '../common/input-text';
import { LineFields } from './field-readers';
import { ImportSpool } from './import-spool';
import { RejectionList } from './rejection-list';
import { SourceLine } from './source-line';

/** What one kind of import file holds, and how its lines are checked. */
export interface ImportRules<T> {
  /** The field that carries the source system's own id of a record, such as externalId. */
  keyField: string;
  validate(fields: LineFields): { record: T | null; errors: string[] };
  /** Of the keys asked about, those stored already, each with what it became (e.g. "case 2021-000001"). */
  findStored(keys: string[]): Promise<Map<string, string>>;
  /**
   * A key seen before, in the file or in the database: 'reject' the line (a case export
   * that repeats an id is faulty) or 'skip' it (a telephony platform resends a call).
   */
  repeats: 'reject' | 'skip';
}

/**
 * Beyond this a file is refused line by line: the check remembers every key of the file
 * (about 100 bytes each) to find repeats, and that memory must stay bounded.
 */
export const MAX_RECORDS_PER_FILE = 1_000_000;

/** Stored keys are looked up this many lines at a time: one query per chunk, not per line. */
const LOOKUP_CHUNK = 500;

interface CheckedLine<T> {
  line: number;
  key: string | null;
  repeatOf: number | null;
  errors: string[];
  record: T | null;
}

/**
 * The first pass of an all-or-nothing import: checks every line as it streams in, finds
 * keys repeated in the file or stored before, and spools the accepted records. Once a
 * line is rejected nothing more is spooled, since nothing will be stored, but every line
 * is still checked so the answer names them all.
 */
export class ImportChecker<T> {
  readonly rejections = new RejectionList();
  /** Records left out as already stored or repeated, when the rules say 'skip'. */
  skipped = 0;
  private readonly firstLineOf = new Map<string, number>();
  private pending: Array<CheckedLine<T>> = [];
  private records = 0;

  constructor(
    private readonly rules: ImportRules<T>,
    private readonly spool: ImportSpool<T>,
  ) {}

  async check(lines: AsyncIterable<SourceLine>): Promise<void> {
    for await (const source of lines) {
      this.records += 1;
      if (this.records > MAX_RECORDS_PER_FILE) {
        this.rejections.add(source.line, [
          `the file has more than ${MAX_RECORDS_PER_FILE} records; split it into smaller files`,
        ]);
        continue;
      }
      this.pending.push(this.checkLine(source));
      if (this.pending.length >= LOOKUP_CHUNK) await this.flush();
    }
    await this.flush();
  }

  private checkLine(source: SourceLine): CheckedLine<T> {
    if (!source.fields) return { line: source.line, key: null, repeatOf: null, errors: source.errors, record: null };
    // Checked before the rules read the fields: text no database takes, nesting that a walk would choke on.
    const unreadable = nestedDeeperThan(source.fields, MAX_JSON_DEPTH)
      ? [`the record is nested deeper than ${MAX_JSON_DEPTH} levels`]
      : textProblems(source.fields, '', 'record');
    if (unreadable.length > 0)
      return { line: source.line, key: null, repeatOf: null, errors: unreadable, record: null };
    const { record, errors } = this.rules.validate(source.fields);
    const given = source.fields[this.rules.keyField];
    const key = typeof given === 'string' && given.trim() !== '' ? given.trim() : null;
    const repeatOf = key === null ? null : (this.firstLineOf.get(key) ?? null);
    if (key !== null && repeatOf === null) this.firstLineOf.set(key, source.line);
    if (repeatOf !== null && this.rules.repeats === 'reject')
      errors.push(`${this.rules.keyField}: "${key}" is also on line ${repeatOf}`);
    return { line: source.line, key, repeatOf, errors, record: errors.length === 0 ? record : null };
  }

  private async flush(): Promise<void> {
    const keys = [...new Set(this.pending.map((checked) => checked.key).filter((key): key is string => key !== null))];
    const stored = keys.length > 0 ? await this.rules.findStored(keys) : new Map<string, string>();
    for (const checked of this.pending) {
      const storedAs = checked.key === null ? undefined : stored.get(checked.key);
      if (storedAs !== undefined && this.rules.repeats === 'reject')
        checked.errors.push(`${this.rules.keyField}: "${checked.key}" was imported before, as ${storedAs}`);
      if (checked.errors.length > 0) {
        this.rejections.add(checked.line, checked.errors);
      } else if (storedAs !== undefined || checked.repeatOf !== null) {
        this.skipped += 1;
      } else if (this.rejections.count === 0) {
        await this.spool.write(checked.record as T);
      }
    }
    this.pending = [];
  }
}

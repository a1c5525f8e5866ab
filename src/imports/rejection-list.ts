/** A line that was not accepted, with everything wrong with it. */
export interface Rejection {
  line: number;
  errors: string[];
}

/**
 * The rejected lines of one file: all are counted, the first `limit` by line number are
 * kept for the answer. A file with a systematic fault (a wrong time format in every
 * line) would otherwise answer with as many messages as it has lines.
 */
export class RejectionList {
  private kept: Rejection[] = [];
  private total = 0;

  constructor(private readonly limit = 1000) {}

  add(line: number, errors: string[]): void {
    this.total += 1;
    this.kept.push({ line, errors });
    // Lines arrive nearly in order; trimming now and then keeps memory bounded.
    if (this.kept.length >= this.limit * 2) this.trim();
  }

  get count(): number {
    return this.total;
  }

  /** The first `limit` rejected lines, in line order. */
  list(): Rejection[] {
    this.trim();
    return this.kept;
  }

  private trim(): void {
    this.kept.sort((a, b) => a.line - b.line);
    this.kept.length = Math.min(this.kept.length, this.limit);
  }
}

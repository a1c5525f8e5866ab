import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, WriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * A temporary file of the accepted records of an import, written while the upload is
 * checked and read back in batches when every line has passed. It lets a file of any
 * size be imported all-or-nothing without holding it in memory and without keeping a
 * database transaction open while the upload is still arriving. It holds the cases'
 * descriptions, so it is readable by the app's user only and removed when done.
 */
export class ImportSpool<T> {
  private readonly path = join(tmpdir(), `onewayin-import-${randomUUID()}.ndjson`);
  private readonly output: WriteStream = createWriteStream(this.path, { mode: 0o600 });
  private written = 0;

  get size(): number {
    return this.written;
  }

  async write(record: T): Promise<void> {
    this.written += 1;
    if (!this.output.write(`${JSON.stringify(record)}\n`)) await once(this.output, 'drain');
  }

  async close(): Promise<void> {
    if (this.output.closed) return;
    this.output.end();
    await once(this.output, 'close');
  }

  /** The records in the order written, `size` at a time; `revive` turns each JSON line back into a record. */
  async *batches(size: number, revive: (json: unknown) => T): AsyncGenerator<T[]> {
    await this.close();
    let batch: T[] = [];
    for await (const line of createInterface({ input: createReadStream(this.path), crlfDelay: Infinity })) {
      batch.push(revive(JSON.parse(line)));
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  async discard(): Promise<void> {
    await this.close();
    await unlink(this.path).catch(() => undefined);
  }
}

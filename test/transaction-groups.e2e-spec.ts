import { DataSource, EntityManager } from 'typeorm';
import { TransactionService } from '../src/database/transaction.service';
import { OutboxMessage } from '../src/queue/entities/outbox-message.entity';
import { OutboxService } from '../src/queue/outbox.service';
import { SentStatement, statementsDuring } from './support/statements';
import { createTestApp, TestApp } from './support/test-app';

/** The little of a better-sqlite3 connection the test uses (the package ships no types). */
interface SqliteReader {
  prepare(sql: string): { pluck(): { all(...values: unknown[]): unknown[] } };
  close(): void;
}

/** A connection of its own to the SQLite file, read only: it sees what is committed. */
function openReader(path: string): SqliteReader {
  const Database =
    jest.requireActual<new (path: string, options: { readonly: boolean }) => SqliteReader>('better-sqlite3');
  return new Database(path, { readonly: true });
}

/**
 * On SQLite, where one connection sends one statement after another: the statements of the
 * transaction that wrote `key`, from its BEGIN to its COMMIT or ROLLBACK, and where it began.
 * Work in the background (the relay) may share a group, so the tests look at their own rows' transactions.
 */
function transactionOf(sent: SentStatement[], key: string): { begin: number; statements: SentStatement[] } {
  const at = sent.findIndex((statement) => statement.parameters.includes(key));
  if (at === -1) throw new Error(`no statement wrote ${key}`);
  let begin = at;
  while (begin > 0 && !/^BEGIN/i.test(sent[begin].query)) begin--;
  let end = at;
  while (end < sent.length - 1 && !/^(COMMIT|ROLLBACK)$/i.test(sent[end].query)) end++;
  return { begin, statements: sent.slice(begin, end + 1) };
}

/** A job a day ahead: the relay leaves it in the outbox, so the test sees the rows it wrote. */
const DAY_MS = 24 * 3_600_000;

/**
 * Units of work that overlap in time: on SQLite they share a commit (each in a savepoint of one
 * transaction), on PostgreSQL each has a transaction of its own. Either way each unit is stored
 * whole or not at all, and a unit's promise settles only once what it wrote is stored.
 */
describe('units of work that overlap share a commit on SQLite, each whole or not at all', () => {
  let t: TestApp;
  let transactions: TransactionService;
  let outbox: OutboxService;
  let dataSource: DataSource;
  let sqlite: boolean;
  beforeAll(async () => {
    t = await createTestApp();
    transactions = t.app.get(TransactionService);
    outbox = t.app.get(OutboxService);
    dataSource = t.app.get(DataSource);
    sqlite = dataSource.options.type !== 'postgres';
  });
  afterAll(() => t.close());

  const enqueue = (manager: EntityManager, key: string) =>
    outbox.enqueue(manager, {
      queue: 'service-targets',
      jobName: 'case-target-check',
      key,
      payload: { caseId: key },
      delayMs: DAY_MS,
    });
  const keysLike = async (prefix: string) =>
    (await dataSource.manager.find(OutboxMessage, { order: { id: 'ASC' } }))
      .map((row) => row.jobKey)
      .filter((key) => key.startsWith(prefix));
  /** The outbox's keys with `prefix` as another connection sees them: what is stored. */
  const storedKeys = async (prefix: string): Promise<string[]> => {
    if (sqlite) {
      const reader = openReader(dataSource.options.database as string);
      try {
        return reader
          .prepare('SELECT job_key FROM outbox WHERE job_key LIKE ? ORDER BY id')
          .pluck()
          .all(`${prefix}%`) as string[];
      } finally {
        reader.close();
      }
    }
    return keysLike(prefix);
  };

  it('stores each unit whole or not at all, in one commit on SQLite, and rejects only the units that failed', async () => {
    const units = Array.from({ length: 12 }, (_, unit) => unit);
    let settled: PromiseSettledResult<number>[] = [];
    const openWhenSettled: boolean[] = [];
    const transactionOpen = () => openWhenSettled.push(dataSource.createQueryRunner().isTransactionActive);
    const sent = await statementsDuring(dataSource, async () => {
      settled = await Promise.allSettled(
        units.map((unit) =>
          transactions
            .run(async (manager) => {
              await enqueue(manager, `group:${unit}:a`);
              if (unit % 3 === 1) throw new Error(`unit ${unit} failed`);
              await enqueue(manager, `group:${unit}:b`);
              return unit;
            })
            .finally(transactionOpen),
        ),
      );
    });
    // No caller's code runs while the group's transaction is open, not even a failed unit's.
    expect(openWhenSettled).toEqual(units.map(() => false));
    expect(settled).toEqual(
      units.map((unit) =>
        unit % 3 === 1
          ? { status: 'rejected', reason: new Error(`unit ${unit} failed`) }
          : { status: 'fulfilled', value: unit },
      ),
    );
    const stored = units.filter((unit) => unit % 3 !== 1).flatMap((unit) => [`group:${unit}:a`, `group:${unit}:b`]);
    expect((await keysLike('group:')).sort()).toEqual(stored.sort());
    if (!sqlite) return;
    const transactionsOfUnits = units.map((unit) => transactionOf(sent, `group:${unit}:a`));
    expect(new Set(transactionsOfUnits.map((transaction) => transaction.begin)).size).toBe(1);
    const [group] = transactionsOfUnits;
    expect(group.statements.filter((statement) => /^SAVEPOINT/i.test(statement.query)).length).toBeGreaterThanOrEqual(
      12,
    );
    expect(group.statements.filter((statement) => /^ROLLBACK TO SAVEPOINT/i.test(statement.query))).toHaveLength(4);
    expect(group.statements.filter((statement) => /^COMMIT$/i.test(statement.query))).toHaveLength(1);
  });

  it('commits a unit run alone by itself, and a group of one without a savepoint', async () => {
    const sent = await statementsDuring(dataSource, () =>
      Promise.all([
        transactions.run((manager) => enqueue(manager, 'alone:before')),
        transactions.run((manager) => enqueue(manager, 'alone:itself'), { alone: true }),
        transactions.run((manager) => enqueue(manager, 'alone:after')),
      ]),
    );
    expect((await storedKeys('alone:')).sort()).toEqual(['alone:after', 'alone:before', 'alone:itself']);
    if (!sqlite) return;
    const [before, itself, after] = ['alone:before', 'alone:itself', 'alone:after'].map((key) =>
      transactionOf(sent, key),
    );
    expect(new Set([before.begin, itself.begin, after.begin]).size).toBe(3);
    expect(itself.statements.filter((statement) => /SAVEPOINT/i.test(statement.query))).toEqual([]);
    expect(itself.statements.filter((statement) => /^INSERT/i.test(statement.query))).toHaveLength(1);
  });

  it('settles a unit only once another connection sees what it wrote', async () => {
    const seen = await Promise.all(
      Array.from({ length: 6 }, (_, unit) =>
        transactions.run((manager) => enqueue(manager, `settled:${unit}`)).then(() => storedKeys(`settled:${unit}`)),
      ),
    );
    expect(seen).toEqual(Array.from({ length: 6 }, (_, unit) => [`settled:${unit}`]));
  });

  it('gives a unit that fails nothing of what it set on the query runner, and the next unit what the one before set', async () => {
    const kept = 'transactionGroupsTest';
    const set = (manager: EntityManager, value: string) => {
      const data = manager.queryRunner?.data as Record<string, unknown>;
      data[kept] = [...((data[kept] as string[] | undefined) ?? []), value];
    };
    let seenByLast: unknown;
    await Promise.allSettled([
      transactions.run(async (manager) => set(manager, 'stored')),
      transactions.run(async (manager) => {
        set(manager, 'rolled back');
        throw new Error('rolled back');
      }),
      transactions.run(async (manager) => {
        seenByLast = (manager.queryRunner?.data as Record<string, unknown>)[kept];
      }),
    ]);
    expect(seenByLast).toEqual(sqlite ? ['stored'] : undefined);
  });

  it('stores none of a group whose commit fails, and rejects every unit in it (SQLite)', async () => {
    if (!sqlite) return;
    const settled = await Promise.allSettled([
      transactions.run((manager) => enqueue(manager, 'failed-commit:first')),
      transactions.run(async (manager) => {
        // A foreign key checked at the commit: the commit of the whole group fails.
        await manager.query('PRAGMA defer_foreign_keys = ON');
        await manager.query(`INSERT INTO case_events (case_id, type, at) VALUES ('no-such-case', 'note', ?)`, [
          new Date().toISOString(),
        ]);
      }),
      transactions.run((manager) => enqueue(manager, 'failed-commit:last')),
    ]);
    expect(settled.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((settled[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(await storedKeys('failed-commit:')).toEqual([]);
    // The queue goes on: the next unit has a commit of its own.
    await transactions.run((manager) => enqueue(manager, 'failed-commit:after'));
    expect(await storedKeys('failed-commit:')).toEqual(['failed-commit:after']);
  });
});

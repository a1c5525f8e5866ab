#!/usr/bin/env node
// The bare limit of case intake: a plain node:http server that does what intake cannot do
// without, and nothing else. For a POST of a case's JSON body it stores the same case row (the
// `cases` table's columns, its primary key and unique reference) and one outbox row (the routing
// job, with the outbox table's indexes), in one transaction, and answers 201 {id, reference,
// status}. No authentication, validation, timeline, service targets or queue: it is the floor the
// app is compared with, not a second implementation.
//
// SQLite (default): better-sqlite3 on a file, WAL and synchronous=NORMAL as the app sets them,
// both inserts in one transaction. PostgreSQL when DATABASE_URL is set: a `pg` pool of 20 (as the
// app's), BEGIN, the two inserts, COMMIT. The tables are created on start in the database named.
// The reference's serial comes from a counter in memory: the limit has no counter row to lock.
//
//   SQLITE_PATH=/tmp/bare.sqlite node bench/bare-server.mjs [port=3990]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bare node bench/bare-server.mjs 3990
// It prints "listening <port>" once it accepts requests, and stops on SIGTERM.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? 3990);
const databaseUrl = process.env.DATABASE_URL;

const CASES_TABLE = `CREATE TABLE IF NOT EXISTS cases (
  id varchar(36) PRIMARY KEY NOT NULL, reference varchar(16) NOT NULL UNIQUE, description text NOT NULL,
  catalog_code varchar(64), department_code varchar(32), status varchar(16) NOT NULL,
  status_before_waiting varchar(16), priority varchar(10) NOT NULL, channel varchar(16) NOT NULL,
  citizen_id varchar(36), address varchar(300), postal_code varchar(10), lat double precision,
  lng double precision, contact_id varchar(36), confidential boolean NOT NULL DEFAULT false,
  assignee_id varchar(36), duplicate_of_id varchar(36), created_by_id varchar(36),
  received_at TIMESTAMP_TYPE NOT NULL, first_response_at TIMESTAMP_TYPE, resolved_at TIMESTAMP_TYPE,
  closed_at TIMESTAMP_TYPE, reopen_count integer NOT NULL DEFAULT 0, return_count integer NOT NULL DEFAULT 0,
  source varchar(16) NOT NULL, external_id varchar(100))`;
const OUTBOX_TABLE = `CREATE TABLE IF NOT EXISTS outbox (
  id ID_TYPE, queue varchar(64) NOT NULL, job_name varchar(64) NOT NULL, job_key varchar(200) NOT NULL,
  payload text NOT NULL, run_after TIMESTAMP_TYPE, available_at TIMESTAMP_TYPE NOT NULL,
  created_at TIMESTAMP_TYPE NOT NULL, dispatched_at TIMESTAMP_TYPE, attempts integer NOT NULL DEFAULT 0,
  last_error text)`;
const OUTBOX_INDEXES = [
  'CREATE INDEX IF NOT EXISTS outbox_dispatched_available ON outbox (dispatched_at, available_at)',
  'CREATE INDEX IF NOT EXISTS outbox_job_key ON outbox (job_key)',
];
const INSERT_CASE_COLUMNS =
  'id, reference, description, catalog_code, department_code, status, priority, channel, received_at, source, created_by_id';
const INSERT_OUTBOX_COLUMNS = 'queue, job_name, job_key, payload, available_at, created_at';

let serial = 0;

/** The row values of one intake, in the column order of INSERT_CASE_COLUMNS and INSERT_OUTBOX_COLUMNS. */
function rowsFor(input, now) {
  const id = randomUUID();
  const reference = `${now.getUTCFullYear()}-${String(++serial).padStart(6, '0')}`;
  const caseRow = [
    id,
    reference,
    String(input.description ?? ''),
    input.catalogCode ?? null,
    null,
    'triaged',
    'normal',
    input.channel ?? 'phone',
    now.toISOString(),
    'live',
    null,
  ];
  const outboxRow = [
    'routing',
    'route-case',
    `route:${id}`,
    JSON.stringify({ caseId: id }),
    now.toISOString(),
    now.toISOString(),
  ];
  return { id, reference, caseRow, outboxRow };
}

async function sqliteStore() {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(process.env.SQLITE_PATH ?? 'bare.sqlite');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(CASES_TABLE.replaceAll('TIMESTAMP_TYPE', 'datetime'));
  db.exec(
    OUTBOX_TABLE.replaceAll('TIMESTAMP_TYPE', 'datetime').replace(
      'ID_TYPE',
      'integer PRIMARY KEY AUTOINCREMENT NOT NULL',
    ),
  );
  for (const sql of OUTBOX_INDEXES) db.exec(sql);
  const insertCase = db.prepare(`INSERT INTO cases (${INSERT_CASE_COLUMNS}) VALUES (${'?, '.repeat(10)}?)`);
  const insertOutbox = db.prepare(`INSERT INTO outbox (${INSERT_OUTBOX_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`);
  const store = db.transaction((caseRow, outboxRow) => {
    insertCase.run(caseRow);
    insertOutbox.run(outboxRow);
  });
  return {
    save: async (rows) => store(rows.caseRow, rows.outboxRow),
    close: async () => db.close(),
  };
}

async function postgresStore() {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  await pool.query(CASES_TABLE.replaceAll('TIMESTAMP_TYPE', 'timestamptz'));
  await pool.query(OUTBOX_TABLE.replaceAll('TIMESTAMP_TYPE', 'timestamptz').replace('ID_TYPE', 'serial PRIMARY KEY'));
  for (const sql of OUTBOX_INDEXES) await pool.query(sql);
  const insertCase = `INSERT INTO cases (${INSERT_CASE_COLUMNS}) VALUES (${Array.from({ length: 11 }, (_, i) => `$${i + 1}`).join(', ')})`;
  const insertOutbox = `INSERT INTO outbox (${INSERT_OUTBOX_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`;
  return {
    save: async (rows) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query({ name: 'bare-case', text: insertCase, values: rows.caseRow });
        await client.query({ name: 'bare-outbox', text: insertOutbox, values: rows.outboxRow });
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

const store = databaseUrl ? await postgresStore() : await sqliteStore();

const server = createServer((request, response) => {
  if (request.method !== 'POST') {
    response.writeHead(request.url === '/health' ? 200 : 404).end();
    return;
  }
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    let input;
    try {
      input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      response.writeHead(400).end();
      return;
    }
    const rows = rowsFor(input, new Date());
    store.save(rows).then(
      () => {
        const body = JSON.stringify({ id: rows.id, reference: rows.reference, status: 'triaged' });
        response.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        response.end(body);
      },
      (error) => {
        process.stderr.write(`${error.message}\n`);
        response.writeHead(500).end();
      },
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => process.stdout.write(`listening ${port}\n`));
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  store.close().then(() => process.exit(0));
});

// Synthetic year of a busy service center for bench/statistics.mjs, written straight into the
// database (the app's own API would take hours for a million cases): prepared statements in
// large transactions on SQLite, INSERT ... SELECT FROM unnest(arrays) batches on PostgreSQL.
import { randomUUID } from 'node:crypto';

const YEAR_START_MS = Date.parse('2026-01-01T00:00:00+01:00');
const YEAR_END_MS = Date.parse('2027-01-01T00:00:00+01:00');
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const CHANNELS = ['phone', 'phone', 'email', 'email', 'web', 'visit', 'letter'];
const OPEN_STATUSES = ['routed', 'in_progress', 'waiting'];

/** A small deterministic generator (mulberry32), so every run fills the same data. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mostly weekdays in office hours, some evenings and weekends, like real intake. */
function intakeInstant(next) {
  let day = Math.floor(next() * 365);
  const weekday = (day + 3) % 7; // 1 January 2026 is a Thursday (0 = Monday)
  if (weekday >= 5 && next() < 0.85) day -= weekday - 4;
  const hour = next() < 0.8 ? 7 + next() * 8.5 : next() * 24;
  return Math.min(YEAR_END_MS - 1, YEAR_START_MS + day * DAY_MS + hour * HOUR_MS);
}

const pick = (next, list) => list[Math.floor(next() * list.length)];

export function* caseRows(count, catalog) {
  const next = random(1);
  for (let i = 0; i < count; i++) {
    const entry = pick(next, catalog);
    const receivedMs = intakeInstant(next);
    const firstResponseMs = next() < 0.95 ? receivedMs + (0.2 + next() * next() * 96) * HOUR_MS : null;
    const resolvedMs = next() < 0.9 ? receivedMs + (1 + next() * next() * 480) * HOUR_MS : null;
    const closed = resolvedMs !== null && next() < 0.7;
    yield {
      id: randomUUID(),
      reference: `B-${String(i).padStart(9, '0')}`,
      catalogCode: entry.code,
      departmentCode: entry.departmentCode,
      status: resolvedMs === null ? pick(next, OPEN_STATUSES) : closed ? 'closed' : 'resolved',
      channel: pick(next, CHANNELS),
      confidential: entry.confidential,
      receivedMs,
      firstResponseMs:
        resolvedMs !== null && firstResponseMs !== null
          ? Math.min(firstResponseMs, resolvedMs)
          : (firstResponseMs ?? resolvedMs),
      resolvedMs,
      closedMs: closed ? resolvedMs + DAY_MS : null,
      reopenCount: next() < 0.03 ? 1 : 0,
      returnCount: next() < 0.05 ? 1 : 0,
      source: next() < 0.2 ? 'import' : 'live',
    };
  }
}

const CONTACT_KINDS = [
  ['phone', 'PHONE'],
  ['phone', 'PHONE'],
  ['phone', 'PHONE'],
  ['email', 'EMAIL'],
  ['email', 'EMAIL'],
  ['visit', 'DESK'],
  ['visit', 'LIB-EKBACKEN'],
  ['web', 'WEB'],
];
const OUTCOMES = [
  ['answered', 55],
  ['case_created', 15],
  ['referred', 8],
  ['message_taken', 8],
  ['callback_promised', 6],
  ['abandoned', 8],
];
const GENDERS = ['female', 'male', 'female', 'male', 'not_stated', null];

function weighted(next, table) {
  let draw = next() * 100;
  for (const [value, weight] of table) if ((draw -= weight) < 0) return value;
  return table[0][0];
}

export function* contactRows(count, staffIds, catalog) {
  const next = random(2);
  for (let i = 0; i < count; i++) {
    const [channel, servicePointCode] = pick(next, CONTACT_KINDS);
    const startedMs = intakeInstant(next);
    const outcome = weighted(next, OUTCOMES);
    const owesCallback = outcome === 'message_taken' || outcome === 'callback_promised';
    yield {
      id: randomUUID(),
      channel,
      servicePointCode,
      agentId: next() < 0.8 ? staffIds.agent : staffIds.handler,
      startedMs,
      endedMs: startedMs + (channel === 'email' ? next() * 40 * HOUR_MS : (1 + next() * 9) * 60_000),
      catalogCode: next() < 0.6 ? pick(next, catalog).code : null,
      outcome,
      gender: pick(next, GENDERS),
      callbackMadeMs: owesCallback && next() < 0.75 ? startedMs + (0.5 + next() * next() * 60) * HOUR_MS : null,
    };
  }
}

export function* callRows(count) {
  const next = random(3);
  for (let i = 0; i < count; i++) {
    const answered = next() < 0.88;
    yield {
      id: randomUUID(),
      callId: `bench-${i}`,
      startedMs: intakeInstant(next),
      queue: pick(next, ['main', 'main', 'technical', 'social']),
      waitSeconds: Math.round(next() * next() * 400),
      outcome: answered ? 'answered' : 'abandoned',
      talkSeconds: answered ? Math.round(30 + next() * 400) : 0,
      directAnswer: answered && next() < 0.7 ? next() < 0.8 : null,
    };
  }
}

const iso = (ms) => (ms === null ? null : new Date(ms).toISOString());
const sqliteInstant = (ms) => (ms === null ? null : new Date(ms).toISOString().replace('T', ' ').slice(0, 23));

function sqliteValue(type, value) {
  if (value === null || value === undefined) return null;
  if (type === 'instant') return sqliteInstant(value);
  if (type === 'boolean') return value ? 1 : 0;
  return value;
}

/** Column name, PostgreSQL array type, and how to read the value from a generated row. */
const TABLES = {
  cases: [
    ['id', 'varchar', (r) => r.id],
    ['reference', 'varchar', (r) => r.reference],
    ['description', 'text', () => 'Benchmark'],
    ['catalog_code', 'varchar', (r) => r.catalogCode],
    ['department_code', 'varchar', (r) => r.departmentCode],
    ['status', 'varchar', (r) => r.status],
    ['priority', 'varchar', () => 'normal'],
    ['channel', 'varchar', (r) => r.channel],
    ['confidential', 'boolean', (r) => r.confidential],
    ['received_at', 'instant', (r) => r.receivedMs],
    ['first_response_at', 'instant', (r) => r.firstResponseMs],
    ['resolved_at', 'instant', (r) => r.resolvedMs],
    ['closed_at', 'instant', (r) => r.closedMs],
    ['reopen_count', 'int', (r) => r.reopenCount],
    ['return_count', 'int', (r) => r.returnCount],
    ['source', 'varchar', (r) => r.source],
  ],
  contacts: [
    ['id', 'varchar', (r) => r.id],
    ['channel', 'varchar', (r) => r.channel],
    ['service_point_code', 'varchar', (r) => r.servicePointCode],
    ['agent_id', 'varchar', (r) => r.agentId],
    ['started_at', 'instant', (r) => r.startedMs],
    ['ended_at', 'instant', (r) => r.endedMs],
    ['summary', 'text', () => 'Benchmark'],
    ['catalog_code', 'varchar', (r) => r.catalogCode],
    ['outcome', 'varchar', (r) => r.outcome],
    ['gender', 'varchar', (r) => r.gender],
  ],
  contact_callbacks: [
    ['contact_id', 'varchar', (r) => r.id],
    ['made_at', 'instant', (r) => r.callbackMadeMs],
    ['made_by_id', 'varchar', (r) => r.agentId],
  ],
  call_records: [
    ['id', 'varchar', (r) => r.id],
    ['call_id', 'varchar', (r) => r.callId],
    ['started_at', 'instant', (r) => r.startedMs],
    ['queue', 'varchar', (r) => r.queue],
    ['wait_seconds', 'int', (r) => r.waitSeconds],
    ['outcome', 'varchar', (r) => r.outcome],
    ['talk_seconds', 'int', (r) => r.talkSeconds],
    ['callback_requested', 'boolean', () => false],
    ['direct_answer', 'boolean', (r) => r.directAnswer],
    ['source', 'varchar', () => 'csv'],
  ],
  citizen_ratings: [
    ['id', 'varchar', () => randomUUID()],
    ['contact_id', 'varchar', (r) => r.id],
    ['ease', 'int', (r) => 1 + (Math.floor(r.startedMs / 1000) % 5)],
    ['treatment', 'int', (r) => 1 + (Math.floor(r.startedMs / 7000) % 5)],
    ['clarity', 'int', (r) => 1 + (Math.floor(r.startedMs / 13000) % 5)],
    ['channel', 'varchar', (r) => r.channel],
    ['department_code', 'varchar', () => 'SC'],
    ['service_point_code', 'varchar', (r) => r.servicePointCode],
    ['gender', 'varchar', (r) => r.gender],
    ['source', 'varchar', () => 'staff'],
    ['rated_at', 'instant', (r) => r.endedMs],
  ],
};

/** Inserts the rows of a generator into a table; answers the number written. */
export async function insertRows(db, table, rows) {
  const columns = TABLES[table];
  const batchSize = db.kind === 'postgres' ? 20_000 : 50_000;
  let batch = [];
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    if (db.kind === 'postgres') {
      const arrays = columns.map(([, type, read]) =>
        batch.map((row) => (type === 'instant' ? iso(read(row)) : read(row))),
      );
      const types = columns.map(([, type]) => (type === 'instant' ? 'timestamptz' : type));
      await db.client.query(
        `INSERT INTO ${table} (${columns.map(([name]) => name).join(', ')}) SELECT * FROM unnest(${types.map((type, k) => `$${k + 1}::${type}[]`).join(', ')})`,
        arrays,
      );
    } else {
      const insert = db.sqlite.prepare(
        `INSERT INTO ${table} (${columns.map(([name]) => name).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      db.sqlite.transaction((rows) => {
        for (const row of rows) insert.run(...columns.map(([, type, read]) => sqliteValue(type, read(row))));
      })(batch);
    }
    written += batch.length;
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return written;
}

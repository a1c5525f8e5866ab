// Synthetic year of a busy service center for bench/statistics.mjs, written straight into the
// database (the app's own API would take hours for a million cases): prepared statements in
// large transactions on SQLite, INSERT ... SELECT FROM unnest(arrays) batches on PostgreSQL.
import { createHash, randomUUID } from 'node:crypto';

// The last whole year: a report of a year that is over reads no day from the cases.
const YEAR_START_MS = Date.parse('2025-01-01T00:00:00+01:00');
const YEAR_END_MS = Date.parse('2026-01-01T00:00:00+01:00');
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
  const weekday = (day + 2) % 7; // 1 January 2025 is a Wednesday (0 = Monday)
  if (weekday >= 5 && next() < 0.85) day -= weekday - 4;
  const hour = next() < 0.8 ? 7 + next() * 8.5 : next() * 24;
  return Math.min(YEAR_END_MS - 1, YEAR_START_MS + day * DAY_MS + hour * HOUR_MS);
}

const pick = (next, list) => list[Math.floor(next() * list.length)];

/**
 * Citizens per case. With CASES_WITH_CITIZEN of the cases linked, spread evenly, most citizens
 * have two to four cases and some none (a citizen registered for a contact, not a case).
 */
export const CITIZENS_PER_CASE = 0.3;
/** The share of cases with a citizen registered (the rest anonymous: phone, desk, letters). */
const CASES_WITH_CITIZEN = 0.7;
const CITIZEN_GENDERS = ['female', 'male', 'female', 'male', 'other', 'not_stated', null];

/** The id of citizen number k (1-based), the same on both databases: md5('citizen-k') as a UUID. */
export function citizenId(k) {
  const hex = createHash('md5').update(`citizen-${k}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The citizens of `caseCount` cases: CITIZENS_PER_CASE of them, most with a gender given. */
export function* citizenRows(caseCount) {
  const count = citizenCountOf(caseCount);
  for (let k = 1; k <= count; k++) yield { id: citizenId(k), gender: CITIZEN_GENDERS[k % CITIZEN_GENDERS.length] };
}

/** How many citizens a fill of `caseCount` cases has: CITIZENS_PER_CASE of them, at least one. */
export const citizenCountOf = (caseCount) => Math.max(1, Math.round(caseCount * CITIZENS_PER_CASE));

/**
 * The number k of the citizen case number i (0-based) of `caseCount` has, if any: every case i
 * with i mod 10 < 7.
 */
function citizenOfCase(i, caseCount) {
  if (i % 10 >= CASES_WITH_CITIZEN * 10) return null;
  return 1 + ((i * 7919) % citizenCountOf(caseCount));
}

/** A case's link to citizen number k, or to none, and the citizen's gender kept on the case. */
function citizenFields(k) {
  if (k === null) return { citizenId: null, citizenGender: null };
  return { citizenId: citizenId(k), citizenGender: CITIZEN_GENDERS[k % CITIZEN_GENDERS.length] };
}

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
      ...citizenFields(citizenOfCase(i, count)),
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
    ['citizen_id', 'varchar', (r) => r.citizenId],
    ['citizen_gender', 'varchar', (r) => r.citizenGender],
  ],
  citizens: [
    ['id', 'varchar', (r) => r.id],
    ['name', 'varchar', () => 'Benchmark'],
    ['gender', 'varchar', (r) => r.gender],
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

/**
 * The same kind of year on PostgreSQL, set-based: one INSERT ... SELECT FROM generate_series per
 * table, so that 10,000,000 cases take minutes rather than hours. The shapes follow the
 * generators above (office hours mostly on weekdays, 95 % answered, 90 % resolved, ...); the
 * random draws come from PostgreSQL's random() after setseed, so a run repeats itself.
 */
export async function fillPostgresSetBased(client, counts, staffIds) {
  const step = async (sql, parameters = []) => (await client.query(sql, parameters)).rowCount;
  await client.query('SELECT setseed(0.42)');
  // r1..r9: independent draws per row; referencing g makes PostgreSQL draw them per row.
  const instant = (day, hourDraw, officeDraw, weekendDraw) => `(timestamptz '2025-01-01 00:00:00+01'
      + make_interval(days => (CASE WHEN mod(${day} + 2, 7) >= 5 AND ${weekendDraw} < 0.85 THEN ${day} - (mod(${day} + 2, 7) - 4) ELSE ${day} END))
      + make_interval(secs => 3600 * (CASE WHEN ${officeDraw} < 0.8 THEN 7 + ${hourDraw} * 8.5 ELSE ${hourDraw} * 24 END)))`;
  const written = {};
  // The cases table's secondary indexes are dropped for the fill and built afterwards, in one
  // pass each: inserting ten million rows into a dozen indexes, one row at a time, is what takes
  // longest otherwise. Indexes behind constraints (the primary key) stay.
  const caseIndexes = (
    await client.query(
      `SELECT indexname, indexdef FROM pg_indexes i WHERE tablename = 'cases'
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    )
  ).rows;
  for (const { indexname } of caseIndexes) await client.query(`DROP INDEX "${indexname}"`);
  // Nor do the daily figures' change counters matter to a fill the script refreshes from scratch.
  await client.query('ALTER TABLE cases DISABLE TRIGGER case_day_changes_count');
  // The fill writes each case's citizen's gender itself, as the trigger would.
  await client.query('ALTER TABLE cases DISABLE TRIGGER case_citizen_gender_insert');
  // The citizens, as citizenRows makes them: citizen k has the id citizenId(k) and the k-th gender.
  const citizenCount = citizenCountOf(counts.cases);
  const genderOf = (k) =>
    `(ARRAY[${CITIZEN_GENDERS.map((gender) => (gender ? `'${gender}'` : 'NULL')).join(', ')}])[1 + mod(${k}, ${CITIZEN_GENDERS.length})]`;
  written.citizens = await step(
    `INSERT INTO citizens (id, name, gender)
     SELECT md5('citizen-' || k)::uuid::text, 'Benchmark', ${genderOf('k')}
     FROM generate_series(1, $1::int) k`,
    [citizenCount],
  );
  written.cases = await step(
    `WITH catalog AS (SELECT array_agg(code ORDER BY code) AS codes, array_agg(department_code ORDER BY code) AS departments,
                             array_agg(confidential ORDER BY code) AS confidential, count(*)::int AS n FROM catalog_entries),
     draws AS (
       SELECT g, floor(random() * 365)::int AS day, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
              random() AS r5, random() AS r6, random() AS r7, random() AS r8, random() AS r9, random() AS r10, random() AS r11
       FROM generate_series(1, $1::int) g),
     shaped AS (
       SELECT d.*, 1 + floor(d.r4 * c.n)::int AS k, ${instant('d.day', 'd.r1', 'd.r2', 'd.r3')} AS received_at
       FROM draws d CROSS JOIN catalog c),
     timed AS (
       SELECT s.*,
              CASE WHEN mod(s.g - 1, 10) < ${CASES_WITH_CITIZEN * 10} THEN 1 + mod((s.g - 1)::bigint * 7919, $2) END AS citizen,
              CASE WHEN s.r5 < 0.95 THEN s.received_at + make_interval(secs => 3600 * (0.2 + s.r6 * s.r6 * 96)) END AS answered_at,
              CASE WHEN s.r7 < 0.9 THEN s.received_at + make_interval(secs => 3600 * (1 + s.r8 * s.r8 * 480)) END AS resolved_at
       FROM shaped s)
     INSERT INTO cases (id, reference, description, catalog_code, department_code, status, priority, channel, confidential,
                        received_at, first_response_at, resolved_at, closed_at, reopen_count, return_count, source, citizen_id,
                        citizen_gender)
     SELECT gen_random_uuid()::text, 'B-' || lpad(t.g::text, 9, '0'), 'Benchmark', c.codes[t.k], c.departments[t.k],
            CASE WHEN t.resolved_at IS NULL THEN (ARRAY['routed', 'in_progress', 'waiting'])[1 + mod(t.g, 3)]
                 WHEN t.r9 < 0.7 THEN 'closed' ELSE 'resolved' END,
            'normal', (ARRAY['phone', 'phone', 'email', 'email', 'web', 'visit', 'letter'])[1 + floor(t.r10 * 7)::int],
            c.confidential[t.k], t.received_at,
            CASE WHEN t.resolved_at IS NOT NULL AND t.answered_at IS NOT NULL THEN LEAST(t.answered_at, t.resolved_at)
                 ELSE COALESCE(t.answered_at, t.resolved_at) END,
            t.resolved_at, CASE WHEN t.resolved_at IS NOT NULL AND t.r9 < 0.7 THEN t.resolved_at + interval '1 day' END,
            CASE WHEN t.r11 < 0.03 THEN 1 ELSE 0 END, CASE WHEN mod(t.g, 20) = 0 THEN 1 ELSE 0 END,
            CASE WHEN mod(t.g, 5) = 0 THEN 'import' ELSE 'live' END,
            md5('citizen-' || t.citizen)::uuid::text, ${genderOf('t.citizen')}
     FROM timed t CROSS JOIN catalog c`,
    [counts.cases, citizenCount],
  );
  await client.query('ALTER TABLE cases ENABLE TRIGGER case_day_changes_count');
  await client.query('ALTER TABLE cases ENABLE TRIGGER case_citizen_gender_insert');
  const indexesStarted = performance.now();
  for (const { indexdef } of caseIndexes) await client.query(indexdef);
  written.caseIndexSeconds = Math.round((performance.now() - indexesStarted) / 100) / 10;
  written.contacts = await step(
    `WITH catalog AS (SELECT array_agg(code ORDER BY code) AS codes, count(*)::int AS n FROM catalog_entries),
     draws AS (
       SELECT g, floor(random() * 365)::int AS day, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
              random() AS r5, random() AS r6, random() AS r7, random() AS r8, random() AS r9, random() AS r10
       FROM generate_series(1, $1::int) g),
     shaped AS (
       SELECT d.*, 1 + floor(d.r4 * 8)::int AS kind, ${instant('d.day', 'd.r1', 'd.r2', 'd.r3')} AS started_at FROM draws d)
     INSERT INTO contacts (id, channel, service_point_code, agent_id, started_at, ended_at, summary, catalog_code, outcome, gender)
     SELECT gen_random_uuid()::text, (ARRAY['phone', 'phone', 'phone', 'email', 'email', 'visit', 'visit', 'web'])[s.kind],
            (ARRAY['PHONE', 'PHONE', 'PHONE', 'EMAIL', 'EMAIL', 'DESK', 'LIB-EKBACKEN', 'WEB'])[s.kind],
            CASE WHEN s.r5 < 0.8 THEN $2 ELSE $3 END, s.started_at,
            s.started_at + CASE WHEN s.kind IN (4, 5) THEN make_interval(secs => s.r6 * 40 * 3600)
                                ELSE make_interval(secs => (1 + s.r6 * 9) * 60) END,
            'Benchmark', CASE WHEN s.r7 < 0.6 THEN c.codes[1 + floor(s.r8 * c.n)::int] END,
            CASE WHEN s.r9 < 0.55 THEN 'answered' WHEN s.r9 < 0.70 THEN 'case_created' WHEN s.r9 < 0.78 THEN 'referred'
                 WHEN s.r9 < 0.86 THEN 'message_taken' WHEN s.r9 < 0.92 THEN 'callback_promised' ELSE 'abandoned' END,
            (ARRAY['female', 'male', 'female', 'male', 'not_stated', NULL])[1 + floor(s.r10 * 6)::int]
     FROM shaped s CROSS JOIN catalog c`,
    [counts.contacts, staffIds.agent, staffIds.handler],
  );
  written.callbacks = await step(
    `INSERT INTO contact_callbacks (contact_id, made_at, made_by_id)
     SELECT id, started_at + make_interval(secs => 3600 * (0.5 + r * r * 60)), agent_id
     FROM (SELECT id, started_at, agent_id, random() AS r, random() AS keep FROM contacts
           WHERE summary = 'Benchmark' AND outcome IN ('message_taken', 'callback_promised')) owed
     WHERE keep < 0.75`,
  );
  written.calls = await step(
    `WITH draws AS (
       SELECT g, floor(random() * 365)::int AS day, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
              random() AS r5, random() AS r6, random() AS r7, random() AS r8, random() AS r9
       FROM generate_series(1, $1::int) g)
     INSERT INTO call_records (id, call_id, started_at, queue, wait_seconds, outcome, talk_seconds, callback_requested, direct_answer, source)
     SELECT gen_random_uuid()::text, 'bench-' || d.g, ${instant('d.day', 'd.r1', 'd.r2', 'd.r3')},
            (ARRAY['main', 'main', 'technical', 'social'])[1 + floor(d.r4 * 4)::int], round(d.r5 * d.r6 * 400)::int,
            CASE WHEN d.r7 < 0.88 THEN 'answered' ELSE 'abandoned' END,
            CASE WHEN d.r7 < 0.88 THEN round(30 + d.r8 * 400)::int ELSE 0 END, false,
            CASE WHEN d.r7 < 0.88 AND d.r9 < 0.7 THEN d.r9 < 0.56 END, 'csv'
     FROM draws d`,
    [counts.calls],
  );
  written.ratings = await step(
    `INSERT INTO citizen_ratings (id, contact_id, ease, treatment, clarity, channel, department_code, service_point_code, gender, source, rated_at)
     SELECT gen_random_uuid()::text, id, 1 + mod(floor(extract(epoch FROM started_at))::bigint, 5),
            1 + mod(floor(extract(epoch FROM started_at) / 7)::bigint, 5), 1 + mod(floor(extract(epoch FROM started_at) / 13)::bigint, 5),
            channel, 'SC', service_point_code, gender, 'staff', ended_at
     FROM contacts WHERE summary = 'Benchmark' AND random() < 0.1`,
  );
  return written;
}

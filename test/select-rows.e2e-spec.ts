import { DataSource, In, IsNull, ObjectLiteral } from 'typeorm';
import { appendCaseEvent } from '../src/cases/case-timeline';
import { CaseEvent } from '../src/cases/entities/case-event.entity';
import { Case } from '../src/cases/entities/case.entity';
import { CatalogEntry } from '../src/catalog/entities/catalog-entry.entity';
import { insertReturningKey } from '../src/database/bulk-insert';
import { selectRow, selectRows, updateRows } from '../src/database/select-rows';
import { OutboxMessage } from '../src/queue/entities/outbox-message.entity';
import { RegisterEntry } from '../src/register/entities/register-entry.entity';
import { ServiceTargetPolicy } from '../src/service-targets/entities/service-target-policy.entity';
import { ApiClient } from './support/api-client';
import { statementsDuring } from './support/statements';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The hand-built reads and updates of intake and routing (src/database/select-rows.ts) give what
 * TypeORM's find and update give, value for value, on both databases: instants, booleans, JSON,
 * NULLs, IN lists, order and limit, the update time, a generated key read back, and the row lock
 * on PostgreSQL.
 */
describe(`selectRows and updateRows (${process.env.TEST_DATABASE})`, () => {
  let t: TestApp;
  let db: DataSource;
  let open: string;
  let resolved: string;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    const [agent] = await ApiClient.loginAll(t, 'agent@demo.local');
    open = (
      await agent.createCase({
        description: 'Gatlampan utanför Storgatan 12 är släckt',
        catalogCode: 'street_light',
        location: { address: 'Storgatan 12', lat: 59.33, lng: 18.06 },
      })
    ).id;
    resolved = (
      await agent.createCase({
        description: 'Ville veta simhallens öppettider',
        catalogCode: 'swimming_pool',
        resolvedOnSpot: true,
        resolution: 'Gav öppettiderna',
      })
    ).id;
  });
  afterAll(() => t.close());

  const byKey = <T extends ObjectLiteral>(rows: T[], key: keyof T) =>
    [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])));

  it('reads a case as findOneBy does, every column and type', async () => {
    for (const id of [open, resolved]) {
      const mine = await selectRow(db.manager, Case, { id });
      const theirs = await db.manager.findOneBy(Case, { id });
      expect(mine).toBeInstanceOf(Case);
      expect(mine).toEqual(theirs);
    }
    expect((await selectRow(db.manager, Case, { id: resolved }))!.resolvedAt).toBeInstanceOf(Date);
  });

  it('reads rows as findBy does: booleans, JSON, NULL, IN lists, no condition at all', async () => {
    expect(await selectRow(db.manager, CatalogEntry, { code: 'street_light', active: true })).toEqual(
      await db.manager.findOneBy(CatalogEntry, { code: 'street_light', active: true }),
    );
    expect(await selectRow(db.manager, CatalogEntry, { code: 'no_such_type' })).toBeNull();
    expect(byKey(await selectRows(db.manager, ServiceTargetPolicy, {}), 'id')).toEqual(
      byKey(await db.manager.find(ServiceTargetPolicy), 'id'),
    );
    expect(await selectRows(db.manager, RegisterEntry, { caseId: open })).toEqual(
      await db.manager.findBy(RegisterEntry, { caseId: open }),
    );
    expect(byKey(await selectRows(db.manager, Case, { resolvedAt: null, id: [open, resolved] }), 'id')).toEqual(
      byKey(await db.manager.findBy(Case, { resolvedAt: IsNull(), id: In([open, resolved]) }), 'id'),
    );
    const keys = (await db.manager.find(OutboxMessage, { take: 3 })).map((row) => row.jobKey);
    expect(keys.length).toBeGreaterThan(0);
    expect(byKey(await selectRows(db.manager, OutboxMessage, { jobKey: keys }), 'id')).toEqual(
      byKey(await db.manager.findBy(OutboxMessage, { jobKey: In(keys) }), 'id'),
    );
  });

  it('orders and limits as find does, and asks nothing for an empty IN list', async () => {
    expect(await selectRows(db.manager, CatalogEntry, { active: true }, { orderBy: ['code'], limit: 3 })).toEqual(
      await db.manager.find(CatalogEntry, { where: { active: true }, order: { code: 'ASC' }, take: 3 }),
    );
    const queries = await statementsDuring(db, async () => {
      expect(await selectRows(db.manager, Case, { id: [] })).toEqual([]);
    });
    expect(queries).toEqual([]);
  });

  it('updates as update does: the values converted, the update time the database’s, the rest untouched', async () => {
    await db.query(`UPDATE cases SET updated_at = '2020-01-01 00:00:00' WHERE id IN ('${open}', '${resolved}')`);
    const before = (await db.manager.findOneBy(Case, { id: open }))!;
    const at = new Date('2026-03-02T09:30:00.000Z');
    await updateRows(db.manager, Case, { id: open }, { firstResponseAt: at, confidential: true, priority: undefined });
    const after = (await db.manager.findOneBy(Case, { id: open }))!;
    expect(after.firstResponseAt).toEqual(at);
    expect(after.confidential).toBe(true);
    expect(after.updatedAt.getTime()).toBeGreaterThan(Date.parse('2025-01-01'));
    const { firstResponseAt, confidential, updatedAt, ...unchanged } = after;
    const { firstResponseAt: _f, confidential: _c, updatedAt: _u, ...unchangedBefore } = before;
    expect(unchanged).toEqual(unchangedBefore);
    expect([firstResponseAt, confidential, updatedAt]).not.toEqual([_f, _c, _u]);
    // The other case is not touched.
    expect((await db.manager.findOneBy(Case, { id: resolved }))!.updatedAt.getTime()).toBeLessThan(
      Date.parse('2021-01-01'),
    );
  });

  it('inserts a timeline event and reads its generated id back, as insert does', async () => {
    const first = await appendCaseEvent(db.manager, {
      caseId: open,
      type: 'note',
      actorId: null,
      at: new Date('2026-03-02T10:00:00.000Z'),
      body: 'Lampan byttes i fjol',
    });
    const second = await appendCaseEvent(db.manager, {
      caseId: open,
      type: 'notice',
      topic: 'triage',
      actorId: null,
      at: new Date('2026-03-02T10:01:00.000Z'),
      data: { outcome: 'left_for_agent', confidence: 0.4 },
    });
    expect(typeof first.id).toBe('number');
    expect(second.id).toBeGreaterThan(first.id);
    expect(await db.manager.findOneBy(CaseEvent, { id: first.id })).toEqual({ ...first });
    expect((await db.manager.findOneBy(CaseEvent, { id: second.id }))!.data).toEqual({
      outcome: 'left_for_agent',
      confidence: 0.4,
    });
    await expect(insertReturningKey(db.manager, Case, new Case())).rejects.toThrow('no single generated key');
  });

  it('refuses a property with no column or no value, a limit that is no whole number, and an update that sets nothing', async () => {
    await expect(selectRows(db.manager, Case, { noSuchProperty: 1 } as never)).rejects.toThrow(
      'cases has no column for noSuchProperty',
    );
    await expect(updateRows(db.manager, Case, { id: open }, {})).rejects.toThrow('names no column');
    // As findOneBy refuses it: an undefined condition would otherwise quietly match nothing.
    await expect(selectRow(db.manager, CatalogEntry, { code: undefined })).rejects.toThrow('no value given for code');
    await expect(updateRows(db.manager, Case, { id: undefined }, { priority: 'high' })).rejects.toThrow(
      'no value given for id',
    );
    await expect(selectRows(db.manager, Case, {}, { limit: Infinity })).rejects.toThrow('not a whole number');
  });

  it('locks the row read for update until the transaction ends, on PostgreSQL', async () => {
    if (process.env.TEST_DATABASE !== 'postgres') return;
    await db.transaction(async (manager) => {
      expect((await selectRow(manager, Case, { id: open }, { forUpdate: true }))!.id).toBe(open);
      await expect(db.query('SELECT id FROM cases WHERE id = $1 FOR UPDATE NOWAIT', [open])).rejects.toThrow(
        /could not obtain lock/,
      );
    });
    await expect(db.query('SELECT id FROM cases WHERE id = $1 FOR UPDATE NOWAIT', [open])).resolves.toHaveLength(1);
  });
});

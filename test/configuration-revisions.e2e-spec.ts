import { DataSource } from 'typeorm';
import { CatalogService } from '../src/catalog/catalog.service';
import { currentRevision } from '../src/database/configuration-revisions';
import { ServiceTargetPolicyRules } from '../src/service-targets/service-target-policy-rules.service';
import { ApiClient } from './support/api-client';
import { statementsDuring } from './support/statements';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The catalog and the service-target policies are kept in the process while their revision stays
 * the same (src/database/configuration-revisions.ts): an intake reads one short row instead of
 * either table. A change by any statement, through the API or straight in SQL, gives the table a
 * new revision in its own transaction and counts from the next read on; a change rolled back
 * leaves nothing behind.
 */
describe(`configuration kept while its revision stays the same (${process.env.TEST_DATABASE})`, () => {
  let t: TestApp;
  let db: DataSource;
  let agent: ApiClient;
  const streetLight = { description: 'Gatlampan på Storgatan 3 är släckt', catalogCode: 'street_light' };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    [agent] = await ApiClient.loginAll(t, 'agent@demo.local');
  });
  afterAll(() => t.close());

  /** The statements run meanwhile that read `table`. */
  const readsOf = async (table: string, work: () => Promise<unknown>): Promise<string[]> =>
    (await statementsDuring(db, work))
      .map(({ query }) => query)
      .filter((query) => /^\s*SELECT/i.test(query) && query.includes(`FROM "${table}"`));

  it('reads neither table again for cases registered while neither changes', async () => {
    await agent.createCase(streetLight);
    const intakes = async () => {
      for (let i = 0; i < 3; i++) await agent.createCase(streetLight);
    };
    expect(await readsOf('catalog_entries', intakes)).toEqual([]);
    expect(await readsOf('service_target_policies', intakes)).toEqual([]);
    // What each intake reads instead, for each table: its revision.
    expect((await readsOf('configuration_revisions', intakes)).length).toBeGreaterThanOrEqual(6);
  });

  it('sees a catalog change made in SQL from the next case on', async () => {
    const before = await agent.createCase(streetLight);
    expect((await agent.getCase(before.id)).priority).toBe('normal');
    await db.query("UPDATE catalog_entries SET priority = 'high' WHERE code = 'street_light'");
    const after = await agent.createCase(streetLight);
    expect((await agent.getCase(after.id)).priority).toBe('high');

    await db.query(
      `UPDATE catalog_entries SET active = ${db.options.type === 'postgres' ? 'false' : '0'} WHERE code = 'street_light'`,
    );
    const refused = await agent.createCase(streetLight).expectStatus(400);
    expect(JSON.stringify(refused.body)).toContain('catalogCode');
    await db.query(
      `UPDATE catalog_entries SET active = ${db.options.type === 'postgres' ? 'true' : '1'}, priority = 'normal' WHERE code = 'street_light'`,
    );
    await agent.createCase(streetLight);
  });

  it('sees a catalog change made through the API from the next case on', async () => {
    const [admin] = await ApiClient.loginAll(t, 'admin@demo.local');
    await admin.updateCatalogEntry('street_light', { priority: 'urgent' });
    const created = await agent.createCase(streetLight);
    expect((await agent.getCase(created.id)).priority).toBe('urgent');
    await admin.updateCatalogEntry('street_light', { priority: 'normal' });
  });

  it('sees a policy change made in SQL at the next plan', async () => {
    const rules = t.app.get(ServiceTargetPolicyRules);
    const facts = { catalogCode: 'street_light', priority: 'normal' as const, channel: 'phone' as const };
    const before = await rules.targetsFor(db.manager, facts);
    const changed = (before.first_response?.value ?? 1) + 7;
    await db.query(`UPDATE service_target_policies SET first_response_value = first_response_value + 7`);
    try {
      expect((await rules.targetsFor(db.manager, facts)).first_response?.value).toBe(changed);
    } finally {
      await db.query(`UPDATE service_target_policies SET first_response_value = first_response_value - 7`);
    }
  });

  it('gives the table a new revision in the changing transaction, and leaves nothing of one rolled back', async () => {
    const catalog = t.app.get(CatalogService);
    const committed = await currentRevision(db.manager, 'catalog_entries');
    await expect(
      db.transaction(async (manager) => {
        await manager.query("UPDATE catalog_entries SET priority = 'low' WHERE code = 'pothole'");
        expect(await currentRevision(manager, 'catalog_entries')).not.toBe(committed);
        expect((await catalog.findAny('pothole', manager))?.priority).toBe('low');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await currentRevision(db.manager, 'catalog_entries')).toBe(committed);
    expect((await catalog.findAny('pothole'))?.priority).toBe('normal');
  });

  it('keeps only what was read inside a transaction', async () => {
    const catalog = t.app.get(CatalogService);
    await db.query("UPDATE catalog_entries SET priority = 'normal' WHERE code = 'pothole'");
    // Outside a transaction, on SQLite, a read could see another transaction's change before its
    // rollback: it is answered, not kept.
    const outside = async () => {
      for (let i = 0; i < 2; i++) expect((await catalog.findAny('pothole'))?.priority).toBe('normal');
    };
    expect(await readsOf('catalog_entries', outside)).toHaveLength(2);
    await db.transaction((manager) => catalog.findAny('pothole', manager));
    expect(await readsOf('catalog_entries', outside)).toEqual([]);
  });

  it('hands out frozen entries and rules, so that no caller changes what the others read', async () => {
    const entry = await db.transaction((manager) => t.app.get(CatalogService).findAny('street_light', manager));
    expect(Object.isFrozen(entry)).toBe(true);
    expect(Object.isFrozen(entry?.keywords)).toBe(true);
    expect(Object.isFrozen(entry?.name)).toBe(true);
    const rules = t.app.get(ServiceTargetPolicyRules);
    const facts = { catalogCode: 'street_light', priority: 'normal' as const, channel: 'phone' as const };
    const targets = await db.transaction((manager) => rules.targetsFor(manager, facts));
    // What a plan is given is its own; the rules it was chosen from stay as they were.
    if (targets.first_response) targets.first_response.value += 100;
    expect((await db.transaction((manager) => rules.targetsFor(manager, facts))).first_response?.value).not.toBe(
      targets.first_response?.value,
    );
  });
});

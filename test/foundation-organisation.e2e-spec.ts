import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

describe('organisation and service catalog', () => {
  let t: TestApp;
  let admin: ApiClient;
  let agent: ApiClient;
  beforeAll(async () => {
    t = await createTestApp();
    [admin, agent] = await ApiClient.loginAll(t, 'admin@demo.local', 'agent@demo.local');
  });
  afterAll(() => t.close());

  it('seeds a demo municipality with at least 8 departments, 40 catalog types and two library branches', async () => {
    const departments = await agent.departments();
    expect(departments.length).toBeGreaterThanOrEqual(8);
    expect(departments.map((d) => d.code)).toEqual(
      expect.arrayContaining(['SC', 'TEK', 'UTB', 'SOC', 'AO', 'MHF', 'SBF', 'KFF']),
    );
    expect((await agent.catalog()).length).toBeGreaterThanOrEqual(40);
    const points = await agent.servicePoints();
    expect(points.filter((p) => p.kind === 'branch')).toHaveLength(2);
  });

  it('shows catalog entries in the contract shape', async () => {
    const streetLight = (await agent.catalog()).find((entry) => entry.code === 'street_light');
    expect(streetLight).toMatchObject({
      code: 'street_light',
      name: { sv: 'Gatubelysning ur funktion', en: 'Street light out of order', da: 'Gadelys ude af drift' },
      kind: 'fault_report',
      departmentCode: 'TEK',
      handledByServiceCenter: false,
      priority: 'normal',
      confidential: false,
    });
    expect(streetLight?.keywords).toContain('gatlykta');
  });

  it('lets an admin create and rename a department', async () => {
    const created = await admin.createDepartment({ code: 'HR', name: 'Personalavdelningen' });
    expect(created).toMatchObject({ code: 'HR', name: 'Personalavdelningen' });
    await admin.createDepartment({ code: 'HR', name: 'Igen' }).expectStatus(409);
    const renamed = await admin.updateDepartment('HR', { name: 'HR-avdelningen' });
    expect(renamed.name).toBe('HR-avdelningen');
  });

  it('lets an admin add a catalog type and change it', async () => {
    const entry = {
      code: 'bench_broken',
      name: { sv: 'Trasig parkbänk', en: 'Broken park bench' },
      kind: 'fault_report',
      departmentCode: 'TEK',
      handledByServiceCenter: false,
      priority: 'low',
      keywords: ['bänk', 'parkbänk', 'bench'],
      confidential: false,
    };
    await admin.createCatalogEntry(entry);
    const updated = await admin.updateCatalogEntry('bench_broken', {
      priority: 'normal',
      name: { sv: 'Trasig bänk', en: 'Broken bench' },
    });
    expect(updated).toMatchObject({
      code: 'bench_broken',
      priority: 'normal',
      name: { sv: 'Trasig bänk', en: 'Broken bench' },
      keywords: ['bänk', 'parkbänk', 'bench'],
    });
  });

  it('refuses a catalog type for an unknown department with a 400 naming the field', async () => {
    const response = await admin
      .createCatalogEntry({ code: 'x_type', name: { sv: 'X', en: 'X' }, kind: 'question', departmentCode: 'NOPE' })
      .expectStatus(400);
    expect(response.body.message).toEqual(['departmentCode: unknown department "NOPE"']);
  });

  it('does not let an agent change the catalog', async () => {
    await agent.updateCatalogEntry('street_light', { priority: 'urgent' }).expectStatus(403);
  });
});

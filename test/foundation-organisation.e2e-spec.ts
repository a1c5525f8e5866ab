import { bearer, createTestApp, TestApp } from './support/test-app';

describe('organisation and service catalog', () => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin@demo.local');
    agent = await t.login('agent@demo.local');
  });
  afterAll(() => t.close());

  it('seeds a demo municipality with at least 8 departments, 40 catalog types and two library branches', async () => {
    const departments = await t.http().get('/api/v1/departments').set(bearer(agent)).expect(200);
    expect(departments.body.length).toBeGreaterThanOrEqual(8);
    expect(departments.body.map((d: { code: string }) => d.code)).toEqual(
      expect.arrayContaining(['SC', 'TEK', 'UTB', 'SOC', 'AO', 'MHF', 'SBF', 'KFF']),
    );
    const catalog = await t.http().get('/api/v1/catalog').set(bearer(agent)).expect(200);
    expect(catalog.body.length).toBeGreaterThanOrEqual(40);
    const points = await t.http().get('/api/v1/service-points').set(bearer(agent)).expect(200);
    expect(points.body.filter((p: { kind: string }) => p.kind === 'branch')).toHaveLength(2);
  });

  it('shows catalog entries in the contract shape', async () => {
    const catalog = await t.http().get('/api/v1/catalog').set(bearer(agent)).expect(200);
    const streetLight = catalog.body.find((entry: { code: string }) => entry.code === 'street_light');
    expect(streetLight).toMatchObject({
      code: 'street_light',
      name: { sv: 'Gatubelysning ur funktion', en: 'Street light out of order', da: 'Gadelys ude af drift' },
      kind: 'fault_report',
      departmentCode: 'TEK',
      handledByServiceCenter: false,
      priority: 'normal',
      confidential: false,
    });
    expect(streetLight.keywords).toContain('gatlykta');
  });

  it('lets an admin create and rename a department', async () => {
    const created = await t
      .http()
      .post('/api/v1/departments')
      .set(bearer(admin))
      .send({ code: 'HR', name: 'Personalavdelningen' })
      .expect(201);
    expect(created.body).toMatchObject({ code: 'HR', name: 'Personalavdelningen' });
    await t.http().post('/api/v1/departments').set(bearer(admin)).send({ code: 'HR', name: 'Igen' }).expect(409);
    const renamed = await t
      .http()
      .patch('/api/v1/departments/HR')
      .set(bearer(admin))
      .send({ name: 'HR-avdelningen' })
      .expect(200);
    expect(renamed.body.name).toBe('HR-avdelningen');
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
    await t.http().post('/api/v1/catalog').set(bearer(admin)).send(entry).expect(201);
    const updated = await t
      .http()
      .patch('/api/v1/catalog/bench_broken')
      .set(bearer(admin))
      .send({ priority: 'normal', name: { sv: 'Trasig bänk', en: 'Broken bench' } })
      .expect(200);
    expect(updated.body).toMatchObject({
      code: 'bench_broken',
      priority: 'normal',
      name: { sv: 'Trasig bänk', en: 'Broken bench' },
      keywords: ['bänk', 'parkbänk', 'bench'],
    });
  });

  it('refuses a catalog type for an unknown department with a 400 naming the field', async () => {
    const response = await t
      .http()
      .post('/api/v1/catalog')
      .set(bearer(admin))
      .send({ code: 'x_type', name: { sv: 'X', en: 'X' }, kind: 'question', departmentCode: 'NOPE' })
      .expect(400);
    expect(response.body.message).toEqual(['departmentCode: unknown department "NOPE"']);
  });

  it('does not let an agent change the catalog', async () => {
    await t.http().patch('/api/v1/catalog/street_light').set(bearer(agent)).send({ priority: 'urgent' }).expect(403);
  });
});

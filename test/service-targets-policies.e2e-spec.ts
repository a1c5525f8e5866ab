import { bearer, createTestApp, TestApp } from './support/test-app';

describe('service-target policies', () => {
  let t: TestApp;
  let admin: string;
  let agent: string;

  const policies = () => t.http().get('/api/v1/service-targets/policies').set(bearer(agent));
  const applicable = (query: Record<string, string>) =>
    t.http().get('/api/v1/service-targets/policies/applicable').query(query).set(bearer(agent)).expect(200);

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-05-04T08:00:00Z' });
    [admin, agent] = await Promise.all(['admin@demo.local', 'agent@demo.local'].map((email) => t.login(email)));
  });
  afterAll(() => t.close());

  it('comes with typical defaults, listed most specific first', async () => {
    const response = await policies().expect(200);
    const byScope = (scope: object) =>
      response.body.find((policy: object) =>
        Object.entries(scope).every(([key, value]) => (policy as Record<string, unknown>)[key] === value),
      );
    expect(byScope({ catalogCode: null, kind: null, priority: null, channel: null })).toMatchObject({
      specificity: 0,
      firstResponse: { value: 2, unit: 'working_days' },
      resolution: { value: 20, unit: 'working_days' },
      callback: { value: 0, unit: 'working_days' },
    });
    expect(byScope({ kind: 'question', channel: 'email' })).toMatchObject({
      specificity: 5,
      firstResponse: { value: 1, unit: 'working_days' },
      resolution: null,
    });
    expect(byScope({ kind: 'fault_report', priority: null, channel: null })).toMatchObject({
      firstResponse: { value: 1, unit: 'working_days' },
    });
    for (const [catalogCode, days] of [
      ['street_light', 10],
      ['pothole', 5],
      ['water_leak', 1],
      ['snow_clearance', 2],
      ['graffiti', 5],
    ] as const) {
      expect(byScope({ catalogCode, priority: null })).toMatchObject({
        specificity: 8,
        resolution: { value: days, unit: 'working_days' },
      });
    }
    expect(byScope({ priority: 'urgent', kind: null, catalogCode: null })).toMatchObject({
      firstResponse: { value: 2, unit: 'working_hours' },
    });
    const specificities = response.body.map((policy: { specificity: number }) => policy.specificity);
    expect(specificities).toEqual([...specificities].sort((a, b) => b - a));
  });

  it('chooses each measure from the most specific policy that sets it', async () => {
    // An e-mailed question: first response from kind + channel, resolution from kind.
    const question = await applicable({ catalogCode: 'general_information', channel: 'email' });
    expect(question.body.subject).toEqual({
      catalogCode: 'general_information',
      kind: 'question',
      priority: 'normal',
      channel: 'email',
    });
    expect(question.body.targets.first_response).toMatchObject({ value: 1, unit: 'working_days' });
    expect(question.body.targets.resolution).toMatchObject({ value: 2, unit: 'working_days' });
    // The same question by phone takes the kind's first response.
    expect(
      (await applicable({ catalogCode: 'general_information', channel: 'phone' })).body.targets.first_response,
    ).toMatchObject({ value: 2, unit: 'working_days' });
    // A pothole: its own resolution, the fault report's first response, the default callback.
    const pothole = await applicable({ catalogCode: 'pothole', channel: 'web' });
    expect(pothole.body.targets).toMatchObject({
      first_response: { value: 1, unit: 'working_days' },
      resolution: { value: 5, unit: 'working_days' },
      callback: { value: 0, unit: 'working_days' },
    });
    // Urgent is faster: an urgent pothole is acknowledged within 2 working hours and fixed by the next working day.
    const urgent = await applicable({ catalogCode: 'pothole', priority: 'urgent', channel: 'web' });
    expect(urgent.body.targets).toMatchObject({
      first_response: { value: 2, unit: 'working_hours' },
      resolution: { value: 1, unit: 'working_days' },
    });
  });

  it('lets an admin add a more specific policy, which then wins, change it and delete it', async () => {
    const created = await t
      .http()
      .post('/api/v1/service-targets/policies')
      .set(bearer(admin))
      .send({
        catalogCode: 'pothole',
        channel: 'phone',
        resolution: { value: 3, unit: 'working_days' },
        note: 'Reported by phone: the crew is sent at once',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      catalogCode: 'pothole',
      kind: null,
      priority: null,
      channel: 'phone',
      specificity: 9,
      firstResponse: null,
      resolution: { value: 3, unit: 'working_days' },
      callback: null,
    });
    expect((await applicable({ catalogCode: 'pothole', channel: 'phone' })).body.targets.resolution).toEqual({
      value: 3,
      unit: 'working_days',
      policyId: created.body.id,
    });
    expect((await applicable({ catalogCode: 'pothole', channel: 'web' })).body.targets.resolution).toMatchObject({
      value: 5,
    });

    const changed = await t
      .http()
      .put(`/api/v1/service-targets/policies/${created.body.id}`)
      .set(bearer(admin))
      .send({ catalogCode: 'pothole', channel: 'phone', resolution: { value: 20, unit: 'working_hours' } })
      .expect(200);
    expect(changed.body).toMatchObject({
      id: created.body.id,
      resolution: { value: 20, unit: 'working_hours' },
      note: null,
    });
    expect(
      (await t.http().get(`/api/v1/service-targets/policies/${created.body.id}`).set(bearer(agent)).expect(200)).body
        .resolution,
    ).toEqual({ value: 20, unit: 'working_hours' });

    await t.http().delete(`/api/v1/service-targets/policies/${created.body.id}`).set(bearer(admin)).expect(204);
    await t.http().get(`/api/v1/service-targets/policies/${created.body.id}`).set(bearer(agent)).expect(404);
    expect((await applicable({ catalogCode: 'pothole', channel: 'phone' })).body.targets.resolution).toMatchObject({
      value: 5,
    });
  });

  it('refuses a second policy for the same scope with 409', async () => {
    const response = await t
      .http()
      .post('/api/v1/service-targets/policies')
      .set(bearer(admin))
      .send({ kind: 'question', channel: 'email', firstResponse: { value: 2, unit: 'working_days' } })
      .expect(409);
    expect(response.body.message).toContain('already has this scope');
  });

  it('answers 400 with every problem of a bad policy', async () => {
    const response = await t
      .http()
      .post('/api/v1/service-targets/policies')
      .set(bearer(admin))
      .send({
        catalogCode: 'no_such_type',
        kind: 'question',
        resolution: { value: 1.5, unit: 'working_days' },
        callback: { value: 0, unit: 'working_hours' },
      })
      .expect(400);
    expect(response.body.message).toEqual([
      'kind: a catalog type has its kind already; give one of catalogCode and kind',
      'catalogCode: unknown catalog entry "no_such_type"',
      'resolution.value: working days are whole days (0 = by the close of the day of arrival), got 1.5',
      'callback.value: working hours must be more than 0',
    ]);
    const empty = await t
      .http()
      .post('/api/v1/service-targets/policies')
      .set(bearer(admin))
      .send({ channel: 'social' })
      .expect(400);
    expect(empty.body.message).toEqual(['a policy sets at least one of firstResponse, resolution and callback']);
    const badUnit = await t
      .http()
      .post('/api/v1/service-targets/policies')
      .set(bearer(admin))
      .send({ channel: 'social', firstResponse: { value: 2, unit: 'weeks' } })
      .expect(400);
    expect(badUnit.body.message).toEqual([expect.stringContaining('firstResponse.unit')]);
  });

  it('lets only admins write policies', async () => {
    await t
      .http()
      .post('/api/v1/service-targets/policies')
      .set(bearer(agent))
      .send({ channel: 'social', firstResponse: { value: 1, unit: 'working_days' } })
      .expect(403);
    const someone = (await policies().expect(200)).body[0].id;
    await t
      .http()
      .delete(`/api/v1/service-targets/policies/${someone}`)
      .set(bearer(await t.login('manager@demo.local')))
      .expect(403);
  });
});

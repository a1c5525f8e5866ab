import { ApiClient } from './support/api-client';
import { ServiceTargetPolicy } from './support/api-types';
import { createTestApp, TestApp } from './support/test-app';

describe('service-target policies', () => {
  let t: TestApp;
  let admin: ApiClient;
  let agent: ApiClient;

  const policies = () => agent.serviceTargetPolicies();
  const applicable = (query: Record<string, string>) => agent.applicableTargets(query);

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-05-04T08:00:00Z' });
    [admin, agent] = await ApiClient.loginAll(t, 'admin@demo.local', 'agent@demo.local');
  });
  afterAll(() => t.close());

  it('comes with typical defaults, listed most specific first', async () => {
    const listed = await policies();
    const byScope = (scope: Partial<ServiceTargetPolicy>) =>
      listed.find((policy) =>
        Object.entries(scope).every(([key, value]) => policy[key as keyof ServiceTargetPolicy] === value),
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
    const specificities = listed.map((policy) => policy.specificity);
    expect(specificities).toEqual([...specificities].sort((a, b) => b - a));
  });

  it('chooses each measure from the most specific policy that sets it', async () => {
    // An e-mailed question: first response from kind + channel, resolution from kind.
    const question = await applicable({ catalogCode: 'general_information', channel: 'email' });
    expect(question.subject).toEqual({
      catalogCode: 'general_information',
      kind: 'question',
      priority: 'normal',
      channel: 'email',
    });
    expect(question.targets.first_response).toMatchObject({ value: 1, unit: 'working_days' });
    expect(question.targets.resolution).toMatchObject({ value: 2, unit: 'working_days' });
    // The same question by phone takes the kind's first response.
    expect(
      (await applicable({ catalogCode: 'general_information', channel: 'phone' })).targets.first_response,
    ).toMatchObject({ value: 2, unit: 'working_days' });
    // A pothole: its own resolution, the fault report's first response, the default callback.
    const pothole = await applicable({ catalogCode: 'pothole', channel: 'web' });
    expect(pothole.targets).toMatchObject({
      first_response: { value: 1, unit: 'working_days' },
      resolution: { value: 5, unit: 'working_days' },
      callback: { value: 0, unit: 'working_days' },
    });
    // Urgent is faster: an urgent pothole is acknowledged within 2 working hours and fixed by the next working day.
    const urgent = await applicable({ catalogCode: 'pothole', priority: 'urgent', channel: 'web' });
    expect(urgent.targets).toMatchObject({
      first_response: { value: 2, unit: 'working_hours' },
      resolution: { value: 1, unit: 'working_days' },
    });
  });

  it('lets an admin add a more specific policy, which then wins, change it and delete it', async () => {
    const created = await admin.createServiceTargetPolicy({
      catalogCode: 'pothole',
      channel: 'phone',
      resolution: { value: 3, unit: 'working_days' },
      note: 'Reported by phone: the crew is sent at once',
    });
    expect(created).toMatchObject({
      catalogCode: 'pothole',
      kind: null,
      priority: null,
      channel: 'phone',
      specificity: 9,
      firstResponse: null,
      resolution: { value: 3, unit: 'working_days' },
      callback: null,
    });
    expect((await applicable({ catalogCode: 'pothole', channel: 'phone' })).targets.resolution).toEqual({
      value: 3,
      unit: 'working_days',
      policyId: created.id,
    });
    expect((await applicable({ catalogCode: 'pothole', channel: 'web' })).targets.resolution).toMatchObject({
      value: 5,
    });

    const changed = await admin.replaceServiceTargetPolicy(created.id, {
      catalogCode: 'pothole',
      channel: 'phone',
      resolution: { value: 20, unit: 'working_hours' },
    });
    expect(changed).toMatchObject({
      id: created.id,
      resolution: { value: 20, unit: 'working_hours' },
      note: null,
    });
    expect((await agent.serviceTargetPolicy(created.id)).resolution).toEqual({ value: 20, unit: 'working_hours' });

    await admin.deleteServiceTargetPolicy(created.id);
    await agent.serviceTargetPolicy(created.id).expectStatus(404);
    expect((await applicable({ catalogCode: 'pothole', channel: 'phone' })).targets.resolution).toMatchObject({
      value: 5,
    });
  });

  it('refuses a second policy for the same scope with 409', async () => {
    const response = await admin
      .createServiceTargetPolicy({
        kind: 'question',
        channel: 'email',
        firstResponse: { value: 2, unit: 'working_days' },
      })
      .expectStatus(409);
    expect(response.body.message).toContain('already has this scope');
  });

  it('answers 400 with every problem of a bad policy', async () => {
    const response = await admin
      .createServiceTargetPolicy({
        catalogCode: 'no_such_type',
        kind: 'question',
        resolution: { value: 1.5, unit: 'working_days' },
        callback: { value: 0, unit: 'working_hours' },
      })
      .expectStatus(400);
    expect(response.body.message).toEqual([
      'kind: a catalog type has its kind already; give one of catalogCode and kind',
      'catalogCode: unknown catalog entry "no_such_type"',
      'resolution.value: working days are whole days (0 = by the close of the day of arrival), got 1.5',
      'callback.value: working hours must be more than 0',
    ]);
    const empty = await admin.createServiceTargetPolicy({ channel: 'social' }).expectStatus(400);
    expect(empty.body.message).toEqual(['a policy sets at least one of firstResponse, resolution and callback']);
    const badUnit = await admin
      .createServiceTargetPolicy({ channel: 'social', firstResponse: { value: 2, unit: 'weeks' } })
      .expectStatus(400);
    expect(badUnit.body.message).toEqual([expect.stringContaining('firstResponse.unit')]);
  });

  it('lets only admins write policies', async () => {
    await agent
      .createServiceTargetPolicy({ channel: 'social', firstResponse: { value: 1, unit: 'working_days' } })
      .expectStatus(403);
    const someone = (await policies())[0].id;
    const manager = await ApiClient.login(t, 'manager@demo.local');
    await manager.deleteServiceTargetPolicy(someone).expectStatus(403);
  });
});

import { eventually } from './support/eventually';
import { bearer, createTestApp, TestApp } from './support/test-app';

describe('routing with the real triage engine', () => {
  let t: TestApp;
  let agent: string;
  beforeAll(async () => {
    t = await createTestApp({ runJobs: true });
    agent = await t.login('agent@demo.local');
  });
  afterAll(() => t.close());

  const timeline = async (id: string) =>
    (await t.http().get(`/api/v1/cases/${id}/timeline`).set(bearer(agent)).expect(200)).body as Array<{
      type: string;
      action: string | null;
      topic: string | null;
      actorId: string | null;
      data: Record<string, unknown> | null;
    }>;

  it('triages a clear text without a person and routes it to the right department', async () => {
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set(bearer(agent))
      .send({ description: 'Det är ett stort potthål i vägen på Skolvägen', channel: 'web' })
      .expect(201);
    expect(created.body.status).toBe('new');
    const routed = await eventually(async () => {
      const response = await t.http().get(`/api/v1/cases/${created.body.id}`).set(bearer(agent)).expect(200);
      if (response.body.status !== 'routed') throw new Error(`still ${response.body.status}`);
      return response.body;
    }, 'the case to be routed');
    expect(routed).toMatchObject({ catalogCode: 'pothole', departmentCode: 'TEK' });
    const triage = (await timeline(created.body.id)).find(
      (event) => event.type === 'status' && event.action === 'triage',
    );
    expect(triage).toMatchObject({ actorId: null, data: { catalogCode: 'pothole', catalogSetBy: 'system' } });
    expect(triage?.data?.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('leaves an unclear text new for an agent to triage', async () => {
    const created = await t
      .http()
      .post('/api/v1/cases')
      .set(bearer(agent))
      .send({ description: 'Hej, jag undrar över en sak', channel: 'email' })
      .expect(201);
    const note = await eventually(async () => {
      const event = (await timeline(created.body.id)).find((e) => e.type === 'notice' && e.topic === 'triage');
      if (!event) throw new Error('not triaged yet');
      return event;
    }, 'the triage note');
    expect(note.data).toMatchObject({ outcome: 'left_for_agent' });
    const stored = await t.http().get(`/api/v1/cases/${created.body.id}`).set(bearer(agent)).expect(200);
    expect(stored.body.status).toBe('new');
  });
});

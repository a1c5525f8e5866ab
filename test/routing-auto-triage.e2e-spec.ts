import { ApiClient } from './support/api-client';
import { eventually } from './support/eventually';
import { createTestApp, TestApp } from './support/test-app';

describe('routing with the real triage engine', () => {
  let t: TestApp;
  let agent: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ runJobs: true });
    agent = await ApiClient.login(t, 'agent@demo.local');
  });
  afterAll(() => t.close());

  it('triages a clear text without a person and routes it to the right department', async () => {
    const created = await agent.createCase({
      description: 'Det är ett stort potthål i vägen på Skolvägen',
      channel: 'web',
    });
    expect(created.status).toBe('new');
    const routed = await eventually(async () => {
      const found = await agent.getCase(created.id);
      if (found.status !== 'routed') throw new Error(`still ${found.status}`);
      return found;
    }, 'the case to be routed');
    expect(routed).toMatchObject({ catalogCode: 'pothole', departmentCode: 'TEK' });
    const triage = (await agent.timeline(created.id)).find(
      (event) => event.type === 'status' && event.action === 'triage',
    );
    expect(triage).toMatchObject({ actorId: null, data: { catalogCode: 'pothole', catalogSetBy: 'system' } });
    expect(triage?.data?.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('leaves an unclear text new for an agent to triage', async () => {
    const created = await agent.createCase({ description: 'Hej, jag undrar över en sak', channel: 'email' });
    const note = await eventually(async () => {
      const event = (await agent.timeline(created.id)).find((e) => e.type === 'notice' && e.topic === 'triage');
      if (!event) throw new Error('not triaged yet');
      return event;
    }, 'the triage note');
    expect(note.data).toMatchObject({ outcome: 'left_for_agent' });
    expect((await agent.getCase(created.id)).status).toBe('new');
  });
});

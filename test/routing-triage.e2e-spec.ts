import { CaseTriager, TriageSuggestion } from '../src/routing/case-triager';
import { ApiClient } from './support/api-client';
import { eventually } from './support/eventually';
import { createTestApp, TestApp } from './support/test-app';

/** A classifier with fixed answers, standing in at the seam where the triage area's engine plugs in. */
class FixedAnswerTriager extends CaseTriager {
  async suggest(text: string): Promise<TriageSuggestion | null> {
    if (text.includes('lyktstolpe')) return { catalogCode: 'street_light', confidence: 0.92, source: 'fixed-answers' };
    if (text.includes('forsar'))
      return { catalogCode: 'water_leak', confidence: 0.81, priority: 'urgent', source: 'fixed-answers' };
    return { catalogCode: 'pothole', confidence: 0.35, source: 'fixed-answers' };
  }
}

describe('routing a case without a type through the triager', () => {
  let t: TestApp;
  let agent: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({
      runJobs: true,
      env: { TRIAGE_MIN_CONFIDENCE: '0.7' },
      overrides: [{ provide: CaseTriager, useValue: new FixedAnswerTriager() }],
    });
    [agent, admin] = await ApiClient.loginAll(t, 'agent@demo.local', 'admin@demo.local');
  });
  afterAll(() => t.close());

  const createCase = (description: string) => agent.createCase({ description });
  const readCase = (id: string) => admin.getCase(id);
  const timeline = (id: string) => admin.timeline(id);

  it('lets the system triage and route a case when the triager is sure enough, saying so on the timeline', async () => {
    const created = await createCase('Lyset i lyktstolpe 14 är trasigt');
    expect(created.status).toBe('new');
    const routed = await eventually(
      async () => ((await readCase(created.id)).status === 'routed' ? readCase(created.id) : undefined),
      'routing',
    );
    expect(routed).toMatchObject({ catalogCode: 'street_light', departmentCode: 'TEK', priority: 'normal' });
    const events = await timeline(created.id);
    expect(events.map((event) => `${event.type}:${event.fromStatus ?? ''}>${event.toStatus ?? ''}`)).toEqual([
      'created:>new',
      'status:new>triaged',
      'status:triaged>routed',
    ]);
    expect(events.map((event) => event.action)).toEqual([null, 'triage', 'route']);
    expect(events[1]).toMatchObject({
      actorId: null,
      data: { catalogCode: 'street_light', catalogSetBy: 'system', confidence: 0.92, source: 'fixed-answers' },
    });
    expect(events[2].data).toMatchObject({ departmentCode: 'TEK', rule: 'catalog' });
  });

  it("takes the more urgent of the case's and the suggestion's priority", async () => {
    const created = await createCase('Vatten forsar ur en brunn');
    const routed = await eventually(
      async () => ((await readCase(created.id)).status === 'routed' ? readCase(created.id) : undefined),
      'routing',
    );
    expect(routed).toMatchObject({ catalogCode: 'water_leak', departmentCode: 'VA', priority: 'urgent' });
  });

  it('leaves a case for an agent when the triager is not sure enough, with what it suggested', async () => {
    const created = await createCase('Något är fel på gatan');
    const note = await eventually(
      async () => (await timeline(created.id)).find((event) => event.type === 'notice' && event.topic === 'triage'),
      'the triage note',
    );
    expect(note).toMatchObject({
      actorId: null,
      fromStatus: null,
      toStatus: null,
      data: {
        outcome: 'left_for_agent',
        suggestedCatalogCode: 'pothole',
        confidence: 0.35,
        source: 'fixed-answers',
        threshold: 0.7,
      },
    });
    expect(await readCase(created.id)).toMatchObject({ status: 'new', catalogCode: null, departmentCode: null });
  });
});

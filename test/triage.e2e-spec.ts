import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

describe('triage: suggesting a catalog type from the text', () => {
  let t: TestApp;
  let manager: ApiClient;
  let agent: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-02T09:00:00Z', env: { SEED_DEMO_HISTORY: 'true' } });
    [manager, agent] = await ApiClient.loginAll(t, 'manager@demo.local', 'agent@demo.local');
  });
  afterAll(() => t.close());

  it('suggests the right type for Swedish, Danish and English texts', async () => {
    const cases: Array<[string, string]> = [
      ['Gatlampan utanför Storgatan 12 är trasig sedan i måndags', 'street_light'],
      ['Soptunnan har inte tömts på två veckor', 'waste_collection_missed'],
      ['Der er graffiti på muren ved skolen', 'graffiti'],
      ['The street light on Main Street is broken', 'street_light'],
    ];
    for (const [text, expected] of cases) {
      const suggestion = await agent.suggestCatalogType(text);
      expect({ text, code: suggestion.catalogCode }).toEqual({ text, code: expected });
      expect(suggestion.confidence).toBeGreaterThan(0);
      expect(suggestion.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('raises the priority of urgent matters', async () => {
    expect(await agent.suggestCatalogType('Vattenläcka på Ekbacksvägen, vattnet forsar ut på gatan')).toMatchObject({
      catalogCode: 'water_leak',
      priority: 'urgent',
    });
  });

  it('reports accuracy on a held-out fifth of the demo history', async () => {
    const quality = await manager.triageQuality();
    // 600 seeded history cases; those whose id hashes to 0 mod 5 are held out.
    expect(quality.trainingExamples + quality.heldOutExamples).toBe(600);
    expect(quality.heldOutExamples).toBeGreaterThan(80);
    expect(quality.accuracy).toBeGreaterThan(0.8);
    expect(quality.top3Accuracy).toBeGreaterThanOrEqual(quality.accuracy!);
    await agent.triageQuality().expectStatus(403);
  });
});

import { bearer, createTestApp, TestApp } from './support/test-app';

describe('triage: suggesting a catalog type from the text', () => {
  let t: TestApp;
  let manager: string;
  let agent: string;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-02T09:00:00Z', env: { SEED_DEMO_HISTORY: 'true' } });
    manager = await t.login('manager@demo.local');
    agent = await t.login('agent@demo.local');
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
      const response = await t.http().post('/api/v1/triage/suggest').set(bearer(agent)).send({ text }).expect(200);
      expect({ text, code: response.body.catalogCode }).toEqual({ text, code: expected });
      expect(response.body.confidence).toBeGreaterThan(0);
      expect(response.body.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('raises the priority of urgent matters', async () => {
    const response = await t
      .http()
      .post('/api/v1/triage/suggest')
      .set(bearer(agent))
      .send({ text: 'Vattenläcka på Ekbacksvägen, vattnet forsar ut på gatan' })
      .expect(200);
    expect(response.body).toMatchObject({ catalogCode: 'water_leak', priority: 'urgent' });
  });

  it('reports accuracy on a held-out fifth of the demo history', async () => {
    const response = await t.http().get('/api/v1/triage/quality').set(bearer(manager)).expect(200);
    // 600 seeded history cases; those whose id hashes to 0 mod 5 are held out.
    expect(response.body.trainingExamples + response.body.heldOutExamples).toBe(600);
    expect(response.body.heldOutExamples).toBeGreaterThan(80);
    expect(response.body.accuracy).toBeGreaterThan(0.8);
    expect(response.body.top3Accuracy).toBeGreaterThanOrEqual(response.body.accuracy);
    await t.http().get('/api/v1/triage/quality').set(bearer(agent)).expect(403);
  });
});

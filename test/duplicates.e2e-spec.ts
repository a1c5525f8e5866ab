import { ApiClient } from './support/api-client';
import { NewCase } from './support/api-types';
import { createTestApp, TestApp } from './support/test-app';

describe('likely duplicates of fault reports', () => {
  let t: TestApp;
  let agent: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-03-16T09:00:00Z' });
    agent = await ApiClient.login(t, 'agent@demo.local');
  });
  afterAll(() => t.close());

  const report = (body: NewCase) => agent.createCase(body);
  const read = (id: string) => agent.getCase(id);

  it('flags a new report of the same fault at the same address, linking the original', async () => {
    const original = await report({
      description: 'Gatlampan är släckt',
      catalogCode: 'street_light',
      location: { address: 'Storgatan 12, 139 30 Norrvika' },
    });
    t.advanceMinutes(60 * 24);
    const repeat = await report({
      description: 'Lampan utanför nummer 12 lyser inte',
      catalogCode: 'street_light',
      location: { address: 'storgatan 12' },
    });
    expect((await read(repeat.id)).likelyDuplicateOfId).toBe(original.id);
    const timeline = await agent.timeline(repeat.id);
    expect(timeline.find((e) => e.type === 'notice' && e.topic === 'likely_duplicate')).toMatchObject({
      actorId: null,
      reason: 'Same type of fault reported at the same address',
      data: { likelyDuplicateOfId: original.id, likelyDuplicateOfReference: original.reference, sameAddress: true },
    });
    await agent.act(repeat.id, 'duplicate', { duplicateOf: original.id });
  });

  it('flags a report within the radius, but not one farther away, of another type, or too old', async () => {
    const original = await report({
      description: 'Stort hål i vägen',
      catalogCode: 'pothole',
      location: { lat: 59.25, lng: 18.23 },
    });
    // 0.0002° of latitude is 22 m: inside the default 50 m.
    const near = await report({
      description: 'Grop i asfalten',
      catalogCode: 'pothole',
      location: { lat: 59.2502, lng: 18.23 },
    });
    // 0.0006° south is 67 m from the original and 89 m from the near one: outside both.
    const far = await report({
      description: 'Grop i asfalten',
      catalogCode: 'pothole',
      location: { lat: 59.2494, lng: 18.23 },
    });
    const otherType = await report({
      description: 'Klotter',
      catalogCode: 'graffiti',
      location: { lat: 59.25, lng: 18.23 },
    });
    expect((await read(near.id)).likelyDuplicateOfId).toBe(original.id);
    expect((await read(far.id)).likelyDuplicateOfId).toBeNull();
    expect((await read(otherType.id)).likelyDuplicateOfId).toBeNull();
    t.advanceMinutes(15 * 24 * 60);
    const later = await report({
      description: 'Fortfarande hål',
      catalogCode: 'pothole',
      location: { lat: 59.25, lng: 18.23 },
    });
    expect((await read(later.id)).likelyDuplicateOfId).toBeNull();
  });

  it('does not flag other kinds than fault reports', async () => {
    await report({ description: 'Bygglov altan', catalogCode: 'building_permit', location: { address: 'Ekvägen 1' } });
    const second = await report({
      description: 'Bygglov carport',
      catalogCode: 'building_permit',
      location: { address: 'Ekvägen 1' },
    });
    expect((await read(second.id)).likelyDuplicateOfId).toBeNull();
  });
});

import { boundingBox, distanceMeters, findLikelyOriginal, normaliseAddress } from './duplicate-rules';

const rules = { radiusMeters: 50, windowDays: 14 };
const at = (iso: string) => new Date(iso);

describe('likely duplicates of fault reports', () => {
  it('measures distance along the earth', () => {
    // One thousandth of a degree of latitude is 6,371,000 m × π/180 / 1000 = 111.19 m.
    expect(distanceMeters({ lat: 59.25, lng: 18.23 }, { lat: 59.251, lng: 18.23 })).toBeCloseTo(111.19, 1);
  });

  it('compares street addresses without case, spacing or postal town', () => {
    expect(normaliseAddress('Storgatan  12, 139 30 Norrvika')).toBe('storgatan 12');
    expect(normaliseAddress('  ')).toBeNull();
  });

  it('boxes the radius generously enough for the SQL pre-filter', () => {
    const box = boundingBox(59.25, 18.23, 50);
    expect(distanceMeters({ lat: 59.25, lng: 18.23 }, { lat: box.maxLat, lng: 18.23 })).toBeCloseTo(50, 3);
    expect(distanceMeters({ lat: 59.25, lng: 18.23 }, { lat: 59.25, lng: box.maxLng })).toBeCloseTo(50, 0);
  });

  const candidate = {
    id: 'new',
    address: 'Storgatan 12',
    lat: 59.25,
    lng: 18.23,
    receivedAt: at('2026-03-15T10:00:00Z'),
  };

  it('finds an open case at the same address', () => {
    const open = [
      { id: 'a', address: 'storgatan 12, Norrvika', lat: null, lng: null, receivedAt: at('2026-03-10T10:00:00Z') },
    ];
    expect(findLikelyOriginal(candidate, open, rules)).toEqual({
      originalId: 'a',
      sameAddress: true,
      distanceMeters: null,
    });
  });

  it('finds the nearest open case within the radius, not one beyond it', () => {
    const open = [
      { id: 'far', address: null, lat: 59.2506, lng: 18.23, receivedAt: at('2026-03-14T10:00:00Z') }, // 66.7 m
      { id: 'near', address: null, lat: 59.2003, lng: 18.23, receivedAt: at('2026-03-14T10:00:00Z') }, // 5.5 km
      { id: 'close', address: null, lat: 59.2502, lng: 18.23, receivedAt: at('2026-03-14T10:00:00Z') }, // 22.2 m
    ];
    expect(findLikelyOriginal(candidate, open, rules)).toEqual({
      originalId: 'close',
      sameAddress: false,
      distanceMeters: 22,
    });
  });

  it('ignores cases older than the window', () => {
    const open = [{ id: 'old', address: 'Storgatan 12', lat: null, lng: null, receivedAt: at('2026-02-28T09:59:00Z') }];
    expect(findLikelyOriginal(candidate, open, rules)).toBeNull();
  });

  it('prefers the oldest of equally good matches', () => {
    const open = [
      { id: 'second', address: 'Storgatan 12', lat: null, lng: null, receivedAt: at('2026-03-12T10:00:00Z') },
      { id: 'first', address: 'Storgatan 12', lat: null, lng: null, receivedAt: at('2026-03-11T10:00:00Z') },
    ];
    expect(findLikelyOriginal(candidate, open, rules)?.originalId).toBe('first');
  });
});

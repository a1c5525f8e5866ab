import { addressLocality, boundingBox, distanceMeters, findLikelyOriginal, normaliseAddress } from './duplicate-rules';

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

  describe('the same address compares like with like', () => {
    const report = (id: string, address: string, lat: number | null, lng: number | null) => ({
      id,
      address,
      lat,
      lng,
      receivedAt: at('2026-03-14T10:00:00Z'),
    });

    it('reads the postal code and town after the street', () => {
      expect(addressLocality('Storgatan 12, 931 31 Skellefteå')).toEqual({ postalCode: '93131', town: 'skellefteå' });
      expect(addressLocality('Storgatan 12, Norrvika')).toEqual({ postalCode: null, town: 'norrvika' });
      expect(addressLocality('Storgatan 12', '139 30')).toEqual({ postalCode: '13930', town: null });
    });

    it('does not take two towns, nor two postal codes, for one address', () => {
      const skelleftea = { ...candidate, address: 'Storgatan 12, 931 31 Skellefteå', lat: null, lng: null };
      expect(
        findLikelyOriginal(skelleftea, [report('hamn', 'Storgatan 12, 932 31 Skelleftehamn', null, null)], rules),
      ).toBeNull();
      expect(findLikelyOriginal(skelleftea, [report('code', 'Storgatan 12, 932 31', null, null)], rules)).toBeNull();
      expect(
        findLikelyOriginal(skelleftea, [report('town', 'Storgatan 12, Skelleftehamn', null, null)], rules),
      ).toBeNull();
      expect(
        findLikelyOriginal(skelleftea, [report('same', 'storgatan 12, 93131 skellefteå', null, null)], rules),
      ).toMatchObject({
        originalId: 'same',
        sameAddress: true,
      });
    });

    it('trusts coordinates over a written address: 15 km apart is not the same place', () => {
      // Skellefteå 64.750 N, Skelleftehamn 64.685 N: 0.065° of latitude = 7.2 km north-south, and
      // 0.29° of longitude at 64.7° N = 13.8 km east-west: about 15.6 km apart.
      const inTown = { ...candidate, address: 'Storgatan 12', lat: 64.75, lng: 20.95 };
      const byTheSea = report('hamn', 'Storgatan 12', 64.685, 21.24);
      expect(distanceMeters(inTown, { lat: 64.685, lng: 21.24 })).toBeGreaterThan(15_000);
      expect(findLikelyOriginal(inTown, [byTheSea], rules)).toBeNull();
    });
  });
});

/**
 * When a new fault report is probably the same fault as an open one: the same catalog
 * type, received within a number of days after it, and either at the same address or
 * within a distance of it. Plain rules, no framework.
 */
export interface DuplicateRules {
  radiusMeters: number;
  windowDays: number;
}

export interface PlacedCase {
  id: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  receivedAt: Date;
}

export interface DuplicateMatch {
  originalId: string;
  sameAddress: boolean;
  distanceMeters: number | null;
}

const EARTH_RADIUS_METERS = 6_371_000;

/** Great-circle distance (haversine); exact enough for the few hundred metres that matter here. */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(h));
}

/** "Storgatan 12, 139 30 Norrvika" and "storgatan  12" are the same street address. */
export function normaliseAddress(address: string | null): string | null {
  if (!address) return null;
  const street = address.split(',')[0].toLowerCase().replace(/\s+/g, ' ').trim();
  return street === '' ? null : street;
}

/** The box that holds every point within the radius, for a cheap first filter in SQL. */
export function boundingBox(
  lat: number,
  lng: number,
  radiusMeters: number,
): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  const dLat = (radiusMeters / EARTH_RADIUS_METERS) * (180 / Math.PI);
  const dLng = dLat / Math.max(Math.cos((lat * Math.PI) / 180), 1e-6);
  return { minLat: lat - dLat, maxLat: lat + dLat, minLng: lng - dLng, maxLng: lng + dLng };
}

/**
 * The open case the new one most likely repeats: a same-address match first, then the
 * nearest within the radius; among equals the oldest, since that is the one being worked on.
 */
export function findLikelyOriginal(
  candidate: PlacedCase,
  openCases: readonly PlacedCase[],
  rules: DuplicateRules,
): DuplicateMatch | null {
  const address = normaliseAddress(candidate.address);
  const earliest = candidate.receivedAt.getTime() - rules.windowDays * 24 * 3600_000;
  const matches: DuplicateMatch[] = [];
  const receivedAt = new Map<string, number>();
  for (const open of openCases) {
    if (open.id === candidate.id) continue;
    const time = open.receivedAt.getTime();
    if (time < earliest || time > candidate.receivedAt.getTime()) continue;
    const sameAddress = address !== null && normaliseAddress(open.address) === address;
    const distance =
      candidate.lat !== null && candidate.lng !== null && open.lat !== null && open.lng !== null
        ? distanceMeters({ lat: candidate.lat, lng: candidate.lng }, { lat: open.lat, lng: open.lng })
        : null;
    if (sameAddress || (distance !== null && distance <= rules.radiusMeters)) {
      matches.push({
        originalId: open.id,
        sameAddress,
        distanceMeters: distance === null ? null : Math.round(distance),
      });
      receivedAt.set(open.id, time);
    }
  }
  matches.sort(
    (a, b) =>
      Number(b.sameAddress) - Number(a.sameAddress) ||
      (a.distanceMeters ?? Infinity) - (b.distanceMeters ?? Infinity) ||
      (receivedAt.get(a.originalId) ?? 0) - (receivedAt.get(b.originalId) ?? 0),
  );
  return matches[0] ?? null;
}

/**
 * When a new fault report is probably the same fault as an open one: the same catalog
 * type, received within a number of days after it, and either at the same address or
 * within a distance of it. Plain rules, no framework.
 *
 * "The same address" compares like with like: the same street and number, and, where both say
 * it, the same postal code and the same town; where both have coordinates, they must also lie
 * within the distance (`Storgatan 12, 931 31 Skellefteå` and `Storgatan 12, 932 31
 * Skelleftehamn` are two places).
 */
export interface DuplicateRules {
  radiusMeters: number;
  windowDays: number;
}

export interface PlacedCase {
  id: string;
  address: string | null;
  /** Five digits, when given apart from the address. */
  postalCode?: string | null;
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

/** The postal code (five digits) and town an address names after its street, as far as it names them. */
export function addressLocality(
  address: string | null,
  postalCode?: string | null,
): { postalCode: string | null; town: string | null } {
  const rest = address?.split(',').slice(1).join(',').trim() ?? '';
  const match = /^(?:(\d{3})\s?(\d{2}))?\s*(.*)$/u.exec(rest);
  const code = match?.[1] ? `${match[1]}${match[2]}` : (postalCode?.replace(/\s/g, '') ?? null);
  const town = match?.[3]?.toLowerCase().replace(/\s+/g, ' ').trim() || null;
  return { postalCode: code || null, town };
}

/** Whether two addresses name the same place: same street and number, and no postal code or town that differs. */
export function sameAddress(a: PlacedCase, b: PlacedCase): boolean {
  const street = normaliseAddress(a.address);
  if (street === null || normaliseAddress(b.address) !== street) return false;
  const [left, right] = [addressLocality(a.address, a.postalCode), addressLocality(b.address, b.postalCode)];
  if (left.postalCode && right.postalCode && left.postalCode !== right.postalCode) return false;
  return !(left.town && right.town && left.town !== right.town);
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
  const earliest = candidate.receivedAt.getTime() - rules.windowDays * 24 * 3600_000;
  const matches: DuplicateMatch[] = [];
  const receivedAt = new Map<string, number>();
  for (const open of openCases) {
    if (open.id === candidate.id) continue;
    const time = open.receivedAt.getTime();
    if (time < earliest || time > candidate.receivedAt.getTime()) continue;
    const distance =
      candidate.lat !== null && candidate.lng !== null && open.lat !== null && open.lng !== null
        ? distanceMeters({ lat: candidate.lat, lng: candidate.lng }, { lat: open.lat, lng: open.lng })
        : null;
    // Coordinates are more exact than a written address: far apart, it is not the same place.
    const near = distance !== null && distance <= rules.radiusMeters;
    const sameAddressHere = sameAddress(candidate, open) && (distance === null || near);
    if (sameAddressHere || near) {
      matches.push({
        originalId: open.id,
        sameAddress: sameAddressHere,
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

/** Shares are published as percentages with two decimals, null when nothing was measured. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : roundTo(100 * (part / whole), 2);
}

/** Four decimals keep working hours exact to well under a second and free of float noise. */
export function hours(minutes: number | null): number | null {
  return minutes === null ? null : roundTo(minutes / 60, 4);
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

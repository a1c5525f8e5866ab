import { SeededRandom } from './seeded-random';

/** The grades 1-5 of one demo rating; null where the citizen skipped the question. */
export interface DemoGrades {
  ease: number | null;
  treatment: number | null;
  clarity: number | null;
}

/** Grades 5, 4, 3, 2, 1 in the shares a satisfied but not uncritical public gives them. */
const GRADE_WEIGHTS = [0.47, 0.3, 0.12, 0.06, 0.05];
const SKIP_CLARITY_SHARE = 0.1;

/**
 * A citizen's grades of ease, treatment and clarity: mostly 4 and 5, some low; treatment
 * follows the citizen's overall impression more closely than the others. Deterministic by `random`.
 */
export function demoGrades(random: SeededRandom): DemoGrades {
  const overall = 5 - random.weightedIndex(GRADE_WEIGHTS);
  const near = (spread: number) => Math.max(1, Math.min(5, overall + random.int(2 * spread + 1) - spread));
  return {
    ease: near(1),
    treatment: random.chance(0.7) ? overall : near(1),
    clarity: random.chance(SKIP_CLARITY_SHARE) ? null : near(1),
  };
}

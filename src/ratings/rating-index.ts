/**
 * Citizen ratings as the Swedish national service measurement (SKR's "Service- och
 * bemötandemätning", used in Kommunens Kvalitet i Korthet) turns them into an index: each answer
 * on the scale 1-5 becomes 0, 25, 50, 75 or 100, and the index is the mean of those over every
 * answer. 100 means everyone gave the best grade; 50 is the middle of the scale.
 */
export const RATING_DIMENSIONS = ['ease', 'treatment', 'clarity'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];

export const LOWEST_SCORE = 1;
export const HIGHEST_SCORE = 5;

export function indexOfScore(score: number): number {
  if (!Number.isInteger(score) || score < LOWEST_SCORE || score > HIGHEST_SCORE)
    throw new RangeError(`A rating is a whole number 1-5, got ${score}`);
  return ((score - LOWEST_SCORE) / (HIGHEST_SCORE - LOWEST_SCORE)) * 100;
}

/**
 * The index of many answers from their sum and count, which SQL gives cheaply: the mean of
 * 25 * (score - 1) is 25 * (mean score - 1). Two decimals; null without answers.
 */
export function ratingIndex(sumOfScores: number, answers: number): number | null {
  if (answers === 0) return null;
  const index = ((sumOfScores / answers - LOWEST_SCORE) / (HIGHEST_SCORE - LOWEST_SCORE)) * 100;
  return Math.round(index * 100) / 100;
}

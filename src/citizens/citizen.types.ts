/** Gender as asked for the gender-split statistics; "not_stated" when the citizen did not say. */
export const GENDERS = ['female', 'male', 'other', 'not_stated'] as const;
export type Gender = (typeof GENDERS)[number];

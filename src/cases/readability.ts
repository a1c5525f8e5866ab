/**
 * LIX (läsbarhetsindex), the Swedish readability index the municipality measures every
 * written reply with: LIX = Lm + Lo, where Lm is the mean number of words per sentence
 * and Lo the percentage of long words (more than six letters). Below 30 is very easy,
 * 40 plain everyday prose, above 50 hard (Björnsson 1968).
 */
export function readabilityIndex(text: string): number | null {
  const words = text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
  if (words.length === 0) return null;
  // A sentence ends at . ! ? or : followed by space or the end; a text without any is one sentence.
  const sentences = Math.max(1, (text.match(/[.!?:]+(?=\s|$)/g) ?? []).length);
  const longWords = words.filter((word) => word.replace(/[-'’]/g, '').length > 6).length;
  const lix = words.length / sentences + (100 * longWords) / words.length;
  return Math.round(lix * 10) / 10;
}

import { readabilityIndex } from './readability';

describe('LIX readability index', () => {
  it('scores a short plain reply by hand', () => {
    // 8 words, 2 sentences -> Lm = 4; long words (> 6 letters): "gatlampan", "torsdag" -> 7 letters each: 2 of 8 = 25 %.
    // LIX = 4 + 25 = 29.
    expect(readabilityIndex('Vi byter gatlampan. Det sker på torsdag kväll.')).toBe(29);
  });

  it('scores bureaucratic prose higher', () => {
    // 9 words, 1 sentence -> Lm = 9; long: Förvaltningen, meddelar, handläggningen, ärendet, beräknas,
    // slutföras, snarast -> 7 of 9 = 77.78 %. LIX = 9 + 77.78 = 86.8.
    expect(readabilityIndex('Förvaltningen meddelar att handläggningen av ärendet beräknas slutföras snarast.')).toBe(
      86.8,
    );
  });

  it('treats a text without a full stop as one sentence', () => {
    // 3 words, 1 sentence, none long: LIX = 3.
    expect(readabilityIndex('Tack för allt')).toBe(3);
  });

  it('has no index for a text without words', () => {
    expect(readabilityIndex(' ... ')).toBeNull();
  });
});

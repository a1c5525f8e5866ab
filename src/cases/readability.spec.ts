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

  it('ends a sentence at a full stop inside closing quotes, as a reader does', () => {
    // Skriv / "klart." | Sedan är du färdig. -> 6 words, 2 sentences: Lm = 3; no word over six letters. LIX = 3.
    expect(readabilityIndex('Skriv "klart." Sedan är du färdig.')).toBe(3);
  });

  it('does not end a sentence at a common abbreviation, and counts it as one word', () => {
    // Vi ses t.ex. på torsdag. Ta med kvittot. -> 8 words (t.ex. is one), 2 sentences: Lm = 4;
    // long: torsdag, kvittot (7 letters) -> 2 of 8 = 25 %. LIX = 4 + 25 = 29.
    expect(readabilityIndex('Vi ses t.ex. på torsdag. Ta med kvittot.')).toBe(29);
    // Ring oss kl. 9 i morgon. Vi svarar då. -> 9 words, 2 sentences: Lm = 4.5; none long. LIX = 4.5.
    expect(readabilityIndex('Ring oss kl. 9 i morgon. Vi svarar då.')).toBe(4.5);
  });

  it('ends sentences at ! ? and : too', () => {
    // Tack! Har du frågor? Ring: vi hjälper dig. -> 8 words, 4 sentences: Lm = 2;
    // long: hjälper (7 letters) -> 1 of 8 = 12.5 %. LIX = 2 + 12.5 = 14.5.
    expect(readabilityIndex('Tack! Har du frågor? Ring: vi hjälper dig.')).toBe(14.5);
  });
});

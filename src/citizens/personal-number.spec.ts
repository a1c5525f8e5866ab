import { isValidPersonalNumber, luhnCheckDigit, parsePersonalNumber } from './personal-number';

const TODAY = new Date('2026-11-23T12:00:00Z');

describe('Swedish personal identity number', () => {
  // Skatteverket's own example: 811218-9876. Luhn over 811218987:
  // 8*2=16->7, 1, 1*2=2, 2, 1*2=2, 8, 9*2=18->9, 8, 7*2=14->5 = 7+1+2+2+2+8+9+8+5 = 44 -> check 6.
  it('computes the Luhn check digit by hand for 811218-987', () => {
    expect(luhnCheckDigit('811218987')).toBe(6);
  });

  it.each(['811218-9876', '198112189876', '19811218-9876', '8112189876', ' 811218 - 9876 '])('accepts %p', (input) => {
    const result = parsePersonalNumber(input, TODAY);
    expect(result).toEqual({ valid: true, normalized: '198112189876', coordinationNumber: false });
  });

  it('rejects a wrong check digit', () => {
    expect(parsePersonalNumber('811218-9875', TODAY)).toEqual({ valid: false, reason: 'check digit does not match' });
  });

  it('rejects 31 February even with a matching check digit', () => {
    // 810231-000?: 8*2=16->7,1,0,2,3*2=6,1,0,0,0 = 17 -> check 3.
    expect(parsePersonalNumber('810231-0003', TODAY)).toEqual({ valid: false, reason: 'is not a real date of birth' });
  });

  it('places a ten-digit number in the right century', () => {
    // 121212-1212 is Skatteverket's test person; born 2012, not 1912, as seen from 2026.
    expect(parsePersonalNumber('121212-1212', TODAY)).toMatchObject({ valid: true, normalized: '201212121212' });
    // The same with "+" is someone over 100: 1912.
    expect(parsePersonalNumber('121212+1212', TODAY)).toMatchObject({ valid: true, normalized: '191212121212' });
  });

  it('accepts a co-ordination number (day + 60)', () => {
    // 701063-238?: 7*2=14->5,0,1*2=2,0,6*2=12->3,3,2*2=4,3,8*2=16->7 = 27 -> check 3.
    expect(parsePersonalNumber('701063-2383', TODAY)).toEqual({
      valid: true,
      normalized: '197010632383',
      coordinationNumber: true,
    });
  });

  it('rejects a date of birth in the future', () => {
    // 20301212-123?: 3*2=6,0,1*2=2,2,1*2=2,2,1*2=2,2,3*2=6 = 24 -> check 6.
    expect(parsePersonalNumber('20301212-1236', TODAY)).toEqual({
      valid: false,
      reason: 'date of birth is in the future',
    });
  });

  it.each(['', 'abc', '12345', '811218-98765', '19811218+9876'])('rejects malformed %p', (input) => {
    expect(isValidPersonalNumber(input, TODAY)).toBe(false);
  });

  describe('around the 100th birthday ("+" from the year the person turns 100)', () => {
    const on = new Date('2026-11-29T12:00:00Z');
    const normalized = (input: string) => {
      const result = parsePersonalNumber(input, on);
      return result.valid ? result.normalized : result.reason;
    };

    it('reads 261231+9802 in 2026 as born 1926: the same person as 192612319802', () => {
      expect(luhnCheckDigit('261231980')).toBe(2);
      expect(normalized('261231+9802')).toBe('192612319802');
      expect(normalized('192612319802')).toBe('192612319802');
    });

    it('reads the 100th birthday today, and one already passed this year, the same way', () => {
      expect(normalized(`261129+${serialWithCheck('261129', '980')}`)).toBe(
        `19261129980${luhnCheckDigit('261129980')}`,
      );
      expect(normalized(`260101+${serialWithCheck('260101', '980')}`)).toBe(
        `19260101980${luhnCheckDigit('260101980')}`,
      );
    });

    it('places "+" a hundred years before "-" for the same digits', () => {
      // Born 2025-06-01, or 1925-06-01: the separator alone tells them apart.
      const digits = serialWithCheck('250601', '123');
      expect(normalized(`250601-${digits}`)).toBe(`20250601${digits}`);
      expect(normalized(`250601+${digits}`)).toBe(`19250601${digits}`);
    });

    it('reads a "-" or no separator as the nearest date of birth not in the future', () => {
      // Born 31 December: in 2026 that is still to come, so 1926 (who should write "+" this year).
      expect(normalized('261231-9802')).toBe('192612319802');
      expect(normalized('2612319802')).toBe('192612319802');
      // Born 1 January 2026: already passed, a baby.
      const digits = serialWithCheck('260101', '980');
      expect(normalized(`260101-${digits}`)).toBe(`20260101${digits}`);
    });

    /** The serial with its Luhn check digit, for a date of birth YYMMDD. */
    function serialWithCheck(birth: string, serial: string): string {
      return `${serial}${luhnCheckDigit(`${birth}${serial}`)}`;
    }
  });
});

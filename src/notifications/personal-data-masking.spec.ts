import { maskEmail, maskPhone, scrubPersonalData } from './personal-data-masking';

describe('personal data masking', () => {
  it('keeps the first letter of the name and of the domain, and the top-level domain', () => {
    expect(maskEmail('anna.svensson@example.se')).toBe('a***@e***.se');
    expect(maskEmail('per@norrvika.kommun.se')).toBe('p***@n***.se');
    expect(maskEmail('nonsense')).toBe('***');
  });

  it('keeps the last two digits of a phone number', () => {
    expect(maskPhone('070-111 22 33')).toBe('***33');
    expect(maskPhone('+46 70 111 22 44')).toBe('***44');
    expect(maskPhone('12')).toBe('***');
  });

  it('removes e-mail addresses and phone numbers from an error text, but keeps reference numbers and status codes', () => {
    expect(scrubPersonalData('550 5.1.1 <anna@example.se>: Recipient address rejected')).toBe(
      '550 5.1.1 <[e-post]>: Recipient address rejected',
    );
    expect(scrubPersonalData("Can't send mail - all recipients were rejected: 550 anna.s@mail.example.se")).toBe(
      "Can't send mail - all recipients were rejected: 550 [e-post]",
    );
    expect(scrubPersonalData('SMS to +46 70-111 22 33 failed')).toBe('SMS to [telefon] failed');
    expect(scrubPersonalData('SMS to 070-1112233 failed')).toBe('SMS to [telefon] failed');
    expect(scrubPersonalData('case 2026-000123 at 127.0.0.1:2525 answered 421')).toBe(
      'case 2026-000123 at 127.0.0.1:2525 answered 421',
    );
  });
});

import { readabilityIndex } from '../cases/readability';
import {
  receiptEmail,
  receiptSms,
  replyEmail,
  resolutionEmail,
  resolutionSms,
  senderName,
} from './notification-messages';

const context = { reference: '2026-000123', signature: 'Servicecenter' };

describe('messages to citizens', () => {
  it('gives a receipt with the reference number, in short sentences', () => {
    expect(receiptEmail(context)).toEqual({
      subject: 'Vi har fått ditt ärende 2026-000123',
      text:
        'Hej!\n\n' +
        'Tack för att du hörde av dig. Vi har fått ditt ärende.\n\n' +
        'Ditt nummer är 2026-000123. Spara det. Ange numret när du hör av dig om ärendet.\n\n' +
        'Vi hör av oss när det är klart.\n\n' +
        'Vänliga hälsningar\nServicecenter\n',
    });
    expect(receiptSms(context)).toBe(
      'Vi har fått ditt ärende. Ditt nummer är 2026-000123. Ange det när du hör av dig. Hälsningar Servicecenter',
    );
  });

  it('tells that the case is resolved, and that a repeated case was handled with the one it repeats', () => {
    expect(resolutionEmail(context, false).subject).toBe('Ditt ärende 2026-000123 är klart');
    expect(resolutionEmail(context, false).text).toContain('Nu är ditt ärende 2026-000123 klart.');
    expect(resolutionEmail(context, true).text).toContain(
      'Ditt ärende 2026-000123 gällde samma sak som ett annat ärende. Vi tog hand om dem som ett. Nu är det klart.',
    );
    expect(resolutionSms(context, false)).toBe(
      'Nu är ditt ärende 2026-000123 klart. Frågor? Hör av dig och ange numret. Hälsningar Servicecenter',
    );
  });

  it('sends a reply as the handler wrote it, with the reference number', () => {
    const reply = replyEmail(context, '  Vi byter lampan på torsdag.\n');
    expect(reply.subject).toBe('Svar i ditt ärende 2026-000123');
    expect(reply.text).toBe(
      'Hej!\n\nVi byter lampan på torsdag.\n\nDitt nummer är 2026-000123. Ange det om du hör av dig.\n\nVänliga hälsningar\nServicecenter\n',
    );
  });

  it('keeps every fixed text very easy to read (LIX below 30) and every SMS within one message', () => {
    const texts = [
      receiptEmail(context).text,
      resolutionEmail(context, false).text,
      resolutionEmail(context, true).text,
      receiptSms(context),
      resolutionSms(context, false),
      resolutionSms(context, true),
    ];
    for (const text of texts) expect(readabilityIndex(text)).toBeLessThan(30);
    for (const sms of [receiptSms(context), resolutionSms(context, false), resolutionSms(context, true)])
      expect(sms.length).toBeLessThanOrEqual(160);
  });

  it('signs with the display name of the sender address', () => {
    expect(senderName('Servicecenter <servicecenter@demo.local>')).toBe('Servicecenter');
    expect(senderName('"Norrvika kommun" <kommun@norrvika.example>')).toBe('Norrvika kommun');
    expect(senderName('kommun@norrvika.example')).toBe('Servicecenter');
  });
});

import { readabilityIndex } from '../cases/readability';
import { MESSAGE_LANGUAGES } from '../citizens/citizen.types';
import {
  MessageContext,
  receiptEmail,
  receiptSms,
  replyEmail,
  replySms,
  resolutionEmail,
  resolutionSms,
  senderName,
} from './notification-messages';

const serviceCenter: MessageContext = { reference: '2026-000123', signature: 'Servicecenter', language: 'sv' };
const department: MessageContext = { ...serviceCenter, signature: 'Teknik- och fastighetsförvaltningen' };
const plain = { handledWithAnother: false, answer: null };

describe('messages to citizens', () => {
  it('gives a receipt with the reference number, in short sentences', () => {
    expect(receiptEmail(serviceCenter)).toEqual({
      subject: 'Vi har fått ditt ärende 2026-000123',
      text:
        'Hej!\n\n' +
        'Tack för att du hörde av dig. Vi har fått ditt ärende.\n\n' +
        'Ditt nummer är 2026-000123. Spara det. Ange numret när du hör av dig om ärendet.\n\n' +
        'Vi hör av oss när det är klart.\n\n' +
        'Vänliga hälsningar\nServicecenter\n',
    });
    expect(receiptSms(serviceCenter)).toBe(
      'Vi har fått ditt ärende. Ditt nummer är 2026-000123. Ange det när du hör av dig. Hälsningar Servicecenter',
    );
  });

  it('gives in a receipt the link to follow the case, by e-mail and by SMS', () => {
    const url = 'https://kommun.example/track/2026-000123?key=AbCdEfGhIjKlMnOpQrStUv';
    const tracked = { ...serviceCenter, trackingUrl: url };
    expect(receiptEmail(tracked).text).toBe(
      'Hej!\n\n' +
        'Tack för att du hörde av dig. Vi har fått ditt ärende.\n\n' +
        'Ditt nummer är 2026-000123. Spara det. Ange numret när du hör av dig om ärendet.\n\n' +
        'Vi hör av oss när det är klart.\n\n' +
        `Här kan du följa ärendet och lägga till mer: ${url}\n\n` +
        'Vänliga hälsningar\nServicecenter\n',
    );
    expect(receiptSms(tracked)).toBe(
      `Vi har fått ditt ärende. Ditt nummer är 2026-000123. Ange det när du hör av dig. Följ det här: ${url} ` +
        'Hälsningar Servicecenter',
    );
    expect(receiptEmail({ ...tracked, language: 'en' }).text).toContain(
      `Here you can follow the case and add more: ${url}`,
    );
  });

  it('tells that the case is resolved, and that a repeated case was handled with the one it repeats', () => {
    expect(resolutionEmail(department, plain)).toEqual({
      subject: 'Ditt ärende 2026-000123 är klart',
      text:
        'Hej!\n\nNu är ditt ärende 2026-000123 klart.\n\nHar du frågor? Hör av dig till oss och ange numret.\n\n' +
        'Vänliga hälsningar\nTeknik- och fastighetsförvaltningen\n',
    });
    expect(resolutionEmail(department, { handledWithAnother: true, answer: null }).text).toContain(
      'Ditt ärende 2026-000123 gällde samma sak som ett annat ärende. Vi tog hand om dem som ett. Nu är det klart.',
    );
    expect(resolutionSms(department, plain)).toBe(
      'Nu är ditt ärende 2026-000123 klart. Frågor? Hör av dig och ange numret. Hälsningar Teknik- och fastighetsförvaltningen',
    );
  });

  it('carries the answer given at resolution, by e-mail and by SMS', () => {
    const resolution = { handledWithAnother: false, answer: 'Vi har bytt lampan på Ekvägen.\r\nDen lyser igen.' };
    expect(resolutionEmail(department, resolution).text).toBe(
      'Hej!\n\nNu är ditt ärende 2026-000123 klart.\n\nVi har bytt lampan på Ekvägen.\nDen lyser igen.\n\n' +
        'Vänliga hälsningar\nTeknik- och fastighetsförvaltningen\n\n' +
        'Har du frågor? Hör av dig till oss och ange numret.\n',
    );
    expect(resolutionSms(department, resolution)).toBe(
      'Nu är ditt ärende 2026-000123 klart. Vi har bytt lampan på Ekvägen. Den lyser igen. ' +
        'Frågor? Hör av dig och ange numret. Hälsningar Teknik- och fastighetsförvaltningen',
    );
  });

  it('sends a reply as the handler wrote it, signed by the department, with the reference number', () => {
    const reply = replyEmail(department, '  Vi byter lampan på torsdag.\n');
    expect(reply.subject).toBe('Svar i ditt ärende 2026-000123');
    expect(reply.text).toBe(
      'Hej!\n\nVi byter lampan på torsdag.\n\nVänliga hälsningar\nTeknik- och fastighetsförvaltningen\n\n' +
        'Ditt nummer är 2026-000123. Ange det om du hör av dig.\n',
    );
  });

  it('greets and signs off once when the handler already did', () => {
    const reply = replyEmail(
      department,
      'Hej Anna!\n\nVi byter lampan på torsdag.\n\nMed vänlig hälsning\nPer Holm, gatuingenjör',
    );
    expect(reply.text).toBe(
      'Hej Anna!\n\nVi byter lampan på torsdag.\n\nMed vänlig hälsning\nPer Holm, gatuingenjör\n\n' +
        'Teknik- och fastighetsförvaltningen\n\nDitt nummer är 2026-000123. Ange det om du hör av dig.\n',
    );
    expect(reply.text.match(/Hej/g)).toHaveLength(1);

    // A greeting run into the first sentence, and an answer at resolution that greets.
    expect(replyEmail(department, 'Hej, vi byter lampan på torsdag.').text).toMatch(/^Hej, vi byter lampan/);
    const resolved = resolutionEmail(department, {
      handledWithAnother: false,
      answer: 'Hejsan Karin,\nLampan är lagad.',
    });
    expect(resolved.text).toMatch(/^Hejsan Karin,\n\nNu är ditt ärende 2026-000123 klart\.\n\nLampan är lagad\./);
    expect(resolved.text.match(/Hej/g)).toHaveLength(1);
  });

  it('sends a reply by SMS on one line, signed once', () => {
    expect(replySms(department, 'Vi byter lampan\npå torsdag.')).toBe(
      'Svar i ärende 2026-000123: Vi byter lampan på torsdag. Hälsningar Teknik- och fastighetsförvaltningen',
    );
    expect(replySms(department, 'Lampan byts på torsdag. Mvh Per')).toBe(
      'Svar i ärende 2026-000123: Lampan byts på torsdag. Mvh Per Teknik- och fastighetsförvaltningen',
    );
  });

  it("writes in the citizen's language: English and Danish", () => {
    const english = { ...department, language: 'en' as const };
    const danish = { ...department, language: 'da' as const };
    expect(receiptEmail(english).subject).toBe('We have received your case 2026-000123');
    expect(resolutionEmail(english, plain).text).toBe(
      'Hello,\n\nYour case 2026-000123 is now done.\n\nDo you want to know more? Ask us and give the number.\n\n' +
        'Kind regards\nTeknik- och fastighetsförvaltningen\n',
    );
    expect(replyEmail(english, 'Dear Mr Smith,\nWe will replace the lamp on Thursday.').text).toMatch(
      /^Dear Mr Smith,\n\nWe will replace the lamp on Thursday\.\n\nKind regards\n/,
    );
    expect(receiptEmail(danish).subject).toBe('Vi har modtaget din sag 2026-000123');
    expect(resolutionEmail(danish, plain).text).toContain('Din sag 2026-000123 er nu færdig.');
    expect(replyEmail(danish, 'Kære Mette\nLampen skiftes torsdag.\n\nMed venlig hilsen\nJens').text).toBe(
      'Kære Mette\n\nLampen skiftes torsdag.\n\nMed venlig hilsen\nJens\n\nTeknik- och fastighetsförvaltningen\n\n' +
        'Dit nummer er 2026-000123. Oplys det, hvis du kontakter os.\n',
    );
    expect(receiptSms(danish)).toBe(
      'Vi har fået din sag. Dit nummer er 2026-000123. Sig det, når du skriver eller ringer. Hilsen Teknik- och fastighetsförvaltningen',
    );
  });

  it('keeps every fixed text very easy to read (LIX below 30) and every fixed SMS within one message', () => {
    for (const language of MESSAGE_LANGUAGES) {
      const context = { ...serviceCenter, language };
      const again = { handledWithAnother: true, answer: null };
      const texts = [
        receiptEmail(context).text,
        resolutionEmail(context, plain).text,
        resolutionEmail(context, again).text,
        receiptSms(context),
        resolutionSms(context, plain),
        resolutionSms(context, again),
      ];
      for (const text of texts)
        expect({ language, text, lix: (readabilityIndex(text) ?? Infinity) < 30 }).toMatchObject({ lix: true });
      for (const sms of [receiptSms(context), resolutionSms(context, plain), resolutionSms(context, again)])
        expect(sms.length).toBeLessThanOrEqual(160);
    }
  });

  it('signs with the display name of the sender address', () => {
    expect(senderName('Servicecenter <servicecenter@demo.local>')).toBe('Servicecenter');
    expect(senderName('"Norrvika kommun" <kommun@norrvika.example>')).toBe('Norrvika kommun');
    expect(senderName('kommun@norrvika.example')).toBe('Servicecenter');
  });
});

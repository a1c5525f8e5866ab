import { automaticKind, caseIdInThread, readableReply, referenceInSubject } from './mail-reading';

describe('readableReply', () => {
  it('drops a quoted earlier message under a Swedish quote header', () => {
    const text =
      'Lampan är fortfarande trasig.\n\nDen 4 maj 2026 kl. 10:00 skrev Servicecenter <sc@kommun.se>:\n> Hej!\n> Vi har fått ditt ärende.';
    expect(readableReply(text)).toBe('Lampan är fortfarande trasig.');
  });

  it('drops an English quote header, a signature and a mobile sign-off', () => {
    expect(readableReply('Still broken.\n\nOn Mon, 4 May 2026 at 10:00, Service <sc@x.se> wrote:\n> old')).toBe(
      'Still broken.',
    );
    expect(readableReply('Tack!\n\n-- \nAnna Andersson\n070-123 45 67')).toBe('Tack!');
    expect(readableReply('Tack!\n\nSkickat från min iPhone')).toBe('Tack!');
  });

  it('drops an Outlook header block and what follows it', () => {
    const text = 'Se bilden.\r\n\r\nFrån: Servicecenter\r\nSkickat: den 4 maj 2026 10:00\r\nÄmne: Ärende\r\n\r\nHej!';
    expect(readableReply(text)).toBe('Se bilden.');
    expect(readableReply('Ok\n\n-----Original Message-----\nFrom: x')).toBe('Ok');
  });

  it('keeps a message that is all quote whole, rather than nothing', () => {
    expect(readableReply('> bara citat')).toBe('> bara citat');
  });

  it('keeps a plain message as it is', () => {
    expect(readableReply('Hålet i vägen på Storgatan 5 är stort.\nDet är farligt.\n')).toBe(
      'Hålet i vägen på Storgatan 5 är stort.\nDet är farligt.',
    );
  });
});

describe('automaticKind', () => {
  const headers = (entries: Record<string, unknown>) => new Map(Object.entries(entries));

  it('knows bounces by their report type or their sender', () => {
    expect(automaticKind(headers({ 'content-type': { value: 'multipart/report', params: {} } }), 'x@y.se')).toBe(
      'bounce',
    );
    expect(automaticKind(headers({}), 'MAILER-DAEMON@mx.example.se')).toBe('bounce');
  });

  it('knows automatic replies by the headers that mark them', () => {
    expect(automaticKind(headers({ 'auto-submitted': 'auto-replied' }), 'a@b.se')).toBe('auto_reply');
    expect(automaticKind(headers({ 'x-autoreply': 'yes' }), 'a@b.se')).toBe('auto_reply');
    expect(automaticKind(headers({ precedence: 'bulk' }), 'a@b.se')).toBe('auto_reply');
    expect(automaticKind(headers({ precedence: 'auto_reply' }), 'a@b.se')).toBe('auto_reply');
    expect(automaticKind(headers({ 'x-auto-response-suppress': 'All' }), 'a@b.se')).toBe('auto_reply');
  });

  it('lets a message a person wrote through', () => {
    expect(automaticKind(headers({ 'auto-submitted': 'no', 'content-type': { value: 'text/plain' } }), 'a@b.se')).toBe(
      null,
    );
  });
});

describe('finding the case a message is about', () => {
  it('reads a reference from a subject', () => {
    expect(referenceInSubject('SV: Svar i ditt ärende 2026-000123')).toBe('2026-000123');
    expect(referenceInSubject('Telefon 0701-1234567')).toBe(null);
    expect(referenceInSubject('Gropen')).toBe(null);
  });

  it('reads the case from the Message-ID of a message we sent', () => {
    const id = '0b8f7c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e';
    expect(caseIdInThread(['<other@mail.example>', `<notify.${id}.receipt@kommun.se>`])).toBe(id);
    expect(caseIdInThread(['<abc@mail.example>'])).toBe(null);
  });
});

/**
 * What the citizen reads, in plain Swedish: short sentences, few long words. The
 * municipality measures every written reply with LIX (see cases/readability.ts), and
 * these texts go to everyone, so they aim for "very easy" (below 30). They name the
 * reference number and nothing about what the case is about: an SMS or e-mail may be
 * read by someone else, and some cases are confidential.
 */
export interface CitizenMessage {
  subject: string;
  text: string;
}

export interface MessageContext {
  reference: string;
  /** Who signs: the display name of MAIL_FROM, e.g. "Servicecenter". */
  signature: string;
}

const GREETING = 'Hej!';

function letter(context: MessageContext, paragraphs: string[]): string {
  return [GREETING, ...paragraphs, `Vänliga hälsningar\n${context.signature}`].join('\n\n') + '\n';
}

export function receiptEmail(context: MessageContext): CitizenMessage {
  return {
    subject: `Vi har fått ditt ärende ${context.reference}`,
    text: letter(context, [
      'Tack för att du hörde av dig. Vi har fått ditt ärende.',
      `Ditt nummer är ${context.reference}. Spara det. Ange numret när du hör av dig om ärendet.`,
      'Vi hör av oss när det är klart.',
    ]),
  };
}

/** When the case was closed as a repeat of another, the citizen hears that both were handled as one. */
export function resolutionEmail(context: MessageContext, handledWithAnother: boolean): CitizenMessage {
  const news = handledWithAnother
    ? [
        `Ditt ärende ${context.reference} gällde samma sak som ett annat ärende. Vi tog hand om dem som ett. Nu är det klart.`,
      ]
    : [`Nu är ditt ärende ${context.reference} klart.`];
  return {
    subject: `Ditt ärende ${context.reference} är klart`,
    text: letter(context, [...news, 'Har du frågor? Hör av dig till oss och ange numret.']),
  };
}

/** A handler's reply, as written (its LIX is measured when it is written), with the reference. */
export function replyEmail(context: MessageContext, reply: string): CitizenMessage {
  return {
    subject: `Svar i ditt ärende ${context.reference}`,
    text: letter(context, [reply.trim(), `Ditt nummer är ${context.reference}. Ange det om du hör av dig.`]),
  };
}

/** SMS texts fit in one message of 160 characters (å, ä and ö are in the SMS alphabet). */
export function receiptSms(context: MessageContext): string {
  return `Vi har fått ditt ärende. Ditt nummer är ${context.reference}. Ange det när du hör av dig. Hälsningar ${context.signature}`;
}

export function resolutionSms(context: MessageContext, handledWithAnother: boolean): string {
  const news = handledWithAnother
    ? `Ditt ärende ${context.reference} gällde samma sak som ett annat. Nu är det klart.`
    : `Nu är ditt ärende ${context.reference} klart.`;
  return `${news} Frågor? Hör av dig och ange numret. Hälsningar ${context.signature}`;
}

/** The display name of a From address ("Servicecenter <sc@kommun.se>" gives "Servicecenter"). */
export function senderName(mailFrom: string): string {
  const match = /^\s*"?([^"<]+?)"?\s*</.exec(mailFrom);
  return match ? match[1] : 'Servicecenter';
}

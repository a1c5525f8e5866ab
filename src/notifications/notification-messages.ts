import { MessageLanguage } from '../citizens/citizen.types';

/**
 * What the citizen reads, in plain language: short sentences, few long words. The municipality
 * measures every written reply with LIX (see cases/readability.ts), and these texts go to
 * everyone, so the fixed ones aim for "very easy" (below 30). They are written in the citizen's
 * language when it is known (sv, en, da) and in Swedish otherwise.
 *
 * A message names the reference number. Of what the case is about it carries only what staff
 * wrote to the citizen (a reply, the answer given at resolution), and nothing at all for a
 * confidential case: an SMS or e-mail may be read by someone else.
 *
 * A letter opens with a greeting and closes with a sign-off and the name of who wrote it (the
 * department that handled the case; the service center for a receipt), unless the staff member's
 * own text already opens or closes so: the citizen never reads "Hej!" twice.
 */
export interface CitizenMessage {
  subject: string;
  text: string;
}

export interface MessageContext {
  reference: string;
  /** Who signs: the department that wrote, or the service center (the display name of MAIL_FROM). */
  signature: string;
  language: MessageLanguage;
  /** The case's tracking page (`/track/{reference}?key=…`), given in receipts; absent when there is none. */
  trackingUrl?: string;
  /** The case's satisfaction survey (`/survey/{token}`), given when it is resolved; absent when there is none. */
  surveyUrl?: string;
}

/** The resolution: whether the case was handled as one with the case it repeats, and the answer given. */
export interface Resolution {
  handledWithAnother: boolean;
  /** What staff wrote to the citizen when resolving; null when nothing (or a confidential case). */
  answer: string | null;
}

interface Phrases {
  greeting: string;
  signOff: string;
  smsSignOff: string;
  receiptSubject: (reference: string) => string;
  receipt: (reference: string) => string[];
  receiptSms: (reference: string) => string;
  resolutionSubject: (reference: string) => string;
  resolved: (reference: string) => string;
  resolvedWithAnother: (reference: string) => string;
  resolvedWithAnotherSms: (reference: string) => string;
  questions: string;
  questionsSms: string;
  replySubject: (reference: string) => string;
  replyFooter: (reference: string) => string;
  replySms: (reference: string) => string;
  tracking: (url: string) => string;
  trackingSms: (url: string) => string;
  survey: (url: string) => string;
  surveySms: (url: string) => string;
}

const PHRASES: Record<MessageLanguage, Phrases> = {
  sv: {
    greeting: 'Hej!',
    signOff: 'Vänliga hälsningar',
    smsSignOff: 'Hälsningar',
    receiptSubject: (reference) => `Vi har fått ditt ärende ${reference}`,
    receipt: (reference) => [
      'Tack för att du hörde av dig. Vi har fått ditt ärende.',
      `Ditt nummer är ${reference}. Spara det. Ange numret när du hör av dig om ärendet.`,
      'Vi hör av oss när det är klart.',
    ],
    receiptSms: (reference) => `Vi har fått ditt ärende. Ditt nummer är ${reference}. Ange det när du hör av dig.`,
    resolutionSubject: (reference) => `Ditt ärende ${reference} är klart`,
    resolved: (reference) => `Nu är ditt ärende ${reference} klart.`,
    resolvedWithAnother: (reference) =>
      `Ditt ärende ${reference} gällde samma sak som ett annat ärende. Vi tog hand om dem som ett. Nu är det klart.`,
    resolvedWithAnotherSms: (reference) => `Ditt ärende ${reference} gällde samma sak som ett annat. Nu är det klart.`,
    questions: 'Har du frågor? Hör av dig till oss och ange numret.',
    questionsSms: 'Frågor? Hör av dig och ange numret.',
    replySubject: (reference) => `Svar i ditt ärende ${reference}`,
    replyFooter: (reference) => `Ditt nummer är ${reference}. Ange det om du hör av dig.`,
    replySms: (reference) => `Svar i ärende ${reference}:`,
    tracking: (url) => `Här kan du följa ärendet och lägga till mer: ${url}`,
    trackingSms: (url) => `Följ det här: ${url}`,
    survey: (url) => `Vad tyckte du? Svara på tre korta frågor: ${url}`,
    surveySms: (url) => `Vad tyckte du? ${url}`,
  },
  en: {
    greeting: 'Hello,',
    signOff: 'Kind regards',
    smsSignOff: 'From',
    receiptSubject: (reference) => `We have received your case ${reference}`,
    receipt: (reference) => [
      'Thank you for contacting us. We have received your case.',
      `Your number is ${reference}. Keep it. Give the number when you contact us about the case.`,
      'We will tell you when it is done.',
    ],
    receiptSms: (reference) => `We have got your case. Your number is ${reference}. Give it when you get in touch.`,
    resolutionSubject: (reference) => `Your case ${reference} is done`,
    resolved: (reference) => `Your case ${reference} is now done.`,
    resolvedWithAnother: (reference) =>
      `Your case ${reference} was about the same thing as another case. We handled them as one. Now it is done.`,
    resolvedWithAnotherSms: (reference) => `Your case ${reference} was about the same thing as another. It is done.`,
    questions: 'Do you want to know more? Ask us and give the number.',
    questionsSms: 'Want to know more? Ask us and give the number.',
    replySubject: (reference) => `Reply in your case ${reference}`,
    replyFooter: (reference) => `Your number is ${reference}. Give it if you contact us.`,
    replySms: (reference) => `Reply in case ${reference}:`,
    tracking: (url) => `Here you can follow the case and add more: ${url}`,
    trackingSms: (url) => `Follow it here: ${url}`,
    survey: (url) => `What did you think? Answer three short questions: ${url}`,
    surveySms: (url) => `What did you think? ${url}`,
  },
  da: {
    greeting: 'Hej!',
    signOff: 'Venlig hilsen',
    smsSignOff: 'Hilsen',
    receiptSubject: (reference) => `Vi har modtaget din sag ${reference}`,
    receipt: (reference) => [
      'Tak fordi du kontaktede os. Vi har modtaget din sag.',
      `Dit nummer er ${reference}. Gem det. Oplys nummeret, når du kontakter os om sagen.`,
      'Vi giver dig besked, når den er færdig.',
    ],
    receiptSms: (reference) => `Vi har fået din sag. Dit nummer er ${reference}. Sig det, når du skriver eller ringer.`,
    resolutionSubject: (reference) => `Din sag ${reference} er færdig`,
    resolved: (reference) => `Din sag ${reference} er nu færdig.`,
    resolvedWithAnother: (reference) =>
      `Din sag ${reference} handlede om det samme som en anden sag. Vi behandlede dem som én. Nu er den færdig.`,
    resolvedWithAnotherSms: (reference) => `Din sag ${reference} handlede om det samme som en anden. Den er færdig.`,
    questions: 'Vil du vide mere? Skriv eller ring til os og sig nummeret.',
    questionsSms: 'Vil du vide mere? Skriv eller ring og sig nummeret.',
    replySubject: (reference) => `Svar i din sag ${reference}`,
    replyFooter: (reference) => `Dit nummer er ${reference}. Oplys det, hvis du kontakter os.`,
    replySms: (reference) => `Svar i sag ${reference}:`,
    tracking: (url) => `Her kan du følge sagen og tilføje mere: ${url}`,
    trackingSms: (url) => `Følg den her: ${url}`,
    survey: (url) => `Hvad syntes du? Svar på tre korte spørgsmål: ${url}`,
    surveySms: (url) => `Hvad syntes du? ${url}`,
  },
};

/**
 * How a written text may open with a greeting, in the three languages: "Hej Anna!", "Hejsan,",
 * "God morgon", "Hello", "Hi Tom", "Dear Ms Berg", "Kære Mette", "Goddag".
 */
const OWN_GREETING =
  /^\s*(hej|hejsan|hallå|god\s+(morgon|dag|eftermiddag|kväll)|hello|hi|dear|good\s+(morning|afternoon|evening)|kære|goddag|godmorgen|god\s+eftermiddag)\b/i;

/** How a written text may close: "Vänliga hälsningar", "MVH", "Kind regards", "Med venlig hilsen". */
const OWN_SIGN_OFF =
  /^\s*(med\s+)?(vänliga?\s+hälsning(ar)?|hälsningar|mvh|kind\s+regards|best\s+regards|regards|best\s+wishes|yours\s+(sincerely|faithfully)|(med\s+)?venlig\s+hilsen|mange\s+hilsner|de\s+bedste\s+hilsner|hilsen|vh)\b/i;

/** Whether one of the last three lines of the text is a sign-off (a name may follow it). */
function closesWithSignOff(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.slice(-3).some((line) => OWN_SIGN_OFF.test(line));
}

/** What staff wrote, taken apart so the letter around it greets and signs once. */
interface Written {
  /** The writer's own greeting line ("Hej Anna!"), to open the letter with; null when none. */
  greeting: string | null;
  /** The rest; it may still open with a greeting run into its first sentence ("Hej, lampan ..."). */
  body: string;
  opensWithGreeting: boolean;
  signedOff: boolean;
}

function written(text: string): Written {
  const typed = text.replace(/\r\n?/g, '\n').trim();
  const [firstLine, ...rest] = typed.split('\n');
  const body = rest.join('\n').trim();
  const ownLine = OWN_GREETING.test(firstLine) && firstLine.trim().length <= 60 && body !== '';
  return {
    greeting: ownLine ? firstLine.trim() : null,
    body: ownLine ? body : typed,
    opensWithGreeting: !ownLine && OWN_GREETING.test(typed),
    signedOff: closesWithSignOff(typed),
  };
}

/**
 * A letter: a greeting (the writer's own, or ours unless their text opens with one), the
 * paragraphs, a sign-off unless the writer signed off, who signs, then `footer` (the reference).
 */
function letter(
  context: MessageContext,
  paragraphs: string[],
  options: { own?: Written; footer?: string[] } = {},
): string {
  const phrases = PHRASES[context.language];
  const { own, footer = [] } = options;
  const opening = own?.greeting ? [own.greeting] : own?.opensWithGreeting ? [] : [phrases.greeting];
  const closing = own?.signedOff ? context.signature : `${phrases.signOff}\n${context.signature}`;
  return [...opening, ...paragraphs, closing, ...footer].join('\n\n') + '\n';
}

export function receiptEmail(context: MessageContext): CitizenMessage {
  const phrases = PHRASES[context.language];
  return {
    subject: phrases.receiptSubject(context.reference),
    text: letter(context, [
      ...phrases.receipt(context.reference),
      ...(context.trackingUrl ? [phrases.tracking(context.trackingUrl)] : []),
    ]),
  };
}

/** The resolution, with the answer staff gave when there is one. */
export function resolutionEmail(context: MessageContext, resolution: Resolution): CitizenMessage {
  const phrases = PHRASES[context.language];
  const news = resolution.handledWithAnother
    ? phrases.resolvedWithAnother(context.reference)
    : phrases.resolved(context.reference);
  const subject = phrases.resolutionSubject(context.reference);
  const survey = context.surveyUrl ? [phrases.survey(context.surveyUrl)] : [];
  if (resolution.answer === null) return { subject, text: letter(context, [news, phrases.questions, ...survey]) };
  const own = written(resolution.answer);
  // An answer that greets in its first sentence comes first, so the letter still opens with it.
  const paragraphs = own.opensWithGreeting ? [own.body, news] : [news, own.body];
  return { subject, text: letter(context, paragraphs, { own, footer: [phrases.questions, ...survey] }) };
}

/** A handler's reply, as written (its LIX is measured when it is written), with the reference. */
export function replyEmail(context: MessageContext, reply: string): CitizenMessage {
  const phrases = PHRASES[context.language];
  const own = written(reply);
  return {
    subject: phrases.replySubject(context.reference),
    text: letter(context, [own.body], { own, footer: [phrases.replyFooter(context.reference)] }),
  };
}

/**
 * The fixed SMS texts fit in one message of 160 characters (å, ä, ö and æ, ø are in the SMS alphabet);
 * with the tracking link a receipt takes two.
 */
export function receiptSms(context: MessageContext): string {
  const phrases = PHRASES[context.language];
  const tracking = context.trackingUrl ? ` ${phrases.trackingSms(context.trackingUrl)}` : '';
  return `${phrases.receiptSms(context.reference)}${tracking} ${phrases.smsSignOff} ${context.signature}`;
}

/** The resolution by SMS; with an answer it runs to as many parts as the answer needs. */
export function resolutionSms(context: MessageContext, resolution: Resolution): string {
  const phrases = PHRASES[context.language];
  const news = resolution.handledWithAnother
    ? phrases.resolvedWithAnotherSms(context.reference)
    : phrases.resolved(context.reference);
  const answer = resolution.answer === null ? '' : ` ${oneLine(resolution.answer)}`;
  const survey = context.surveyUrl ? ` ${phrases.surveySms(context.surveyUrl)}` : '';
  return `${news}${answer} ${phrases.questionsSms}${survey} ${phrases.smsSignOff} ${context.signature}`;
}

/** A sign-off at the end of a one-line text: "... på torsdag. Mvh Per", "... Venlig hilsen Jens". */
const TRAILING_SIGN_OFF = /\b(hälsningar|hälsning|mvh|regards|venlig\s+hilsen|hilsen|hilsner|vh)\b[^.!?]{0,60}$/i;

/** A handler's reply by SMS, to a citizen who gave only a phone number: the text as written, then who wrote. */
export function replySms(context: MessageContext, reply: string): string {
  const phrases = PHRASES[context.language];
  const text = oneLine(reply);
  const signedOff = written(reply).signedOff || TRAILING_SIGN_OFF.test(text);
  const signed = signedOff ? context.signature : `${phrases.smsSignOff} ${context.signature}`;
  return `${phrases.replySms(context.reference)} ${text} ${signed}`;
}

/** An SMS shows line breaks poorly on some phones: paragraphs become one line. */
function oneLine(text: string): string {
  return text.trim().replace(/\s*\n\s*/g, ' ');
}

/** The display name of a From address ("Servicecenter <sc@kommun.se>" gives "Servicecenter"). */
export function senderName(mailFrom: string): string {
  const match = /^\s*"?([^"<]+?)"?\s*</.exec(mailFrom);
  return match ? match[1] : 'Servicecenter';
}

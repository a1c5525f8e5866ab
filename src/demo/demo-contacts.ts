import { BusinessCalendar } from '../calendar/business-calendar';
import { Gender } from '../citizens/citizen.types';
import { Channel, ContactOutcome } from '../contacts/contact.types';
import { dueAtFor } from '../service-targets/due-time';
import { SelectedTarget } from '../service-targets/service-target.types';
import { doneAt } from './demo-case-times';
import { DemoWorkingDay, openInstantOn } from './demo-days';
import { DEMO_CATALOG } from './demo-municipality';
import { SeededRandom } from './seeded-random';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** A demo catalog entry as the contacts need it. */
export type DemoCatalogEntry = (typeof DEMO_CATALOG)[number];

/** One demo contact, in the shape the contacts area stores (UTC times); ids are given by the caller. */
export interface DemoContact {
  channel: Channel;
  servicePointCode: string | null;
  startedAt: Date;
  endedAt: Date;
  summary: string;
  catalogCode: string | null;
  outcome: ContactOutcome;
  gender: Gender;
  confidential: boolean;
  departmentCode: string | null;
}

/** The callback owed by a demo contact: its target as CallbackTargetPlanner plans it, and when it was made. */
export interface DemoCallback {
  dueAt: Date;
  target: SelectedTarget;
  /** Null while still owed. */
  madeAt: Date | null;
  /** Recorded at the due time when the callback was not made by then. */
  breachedAt: Date | null;
  reached: boolean;
}

/** Contacts answered on the spot or otherwise settled, per channel: [outcome, share]. */
const OUTCOMES: Record<'phone' | 'visit' | 'email' | 'social', ReadonlyArray<[ContactOutcome, number]>> = {
  phone: [
    ['answered', 0.72],
    ['referred', 0.07],
    ['message_taken', 0.07],
    ['callback_promised', 0.1],
    ['abandoned', 0.04],
  ],
  visit: [
    ['answered', 0.8],
    ['referred', 0.1],
    ['message_taken', 0.05],
    ['callback_promised', 0.03],
    ['abandoned', 0.02],
  ],
  email: [
    ['answered', 0.86],
    ['referred', 0.09],
    ['message_taken', 0.05],
  ],
  social: [
    ['answered', 0.9],
    ['referred', 0.1],
  ],
};
const CONTACT_CHANNELS: ReadonlyArray<['phone' | 'visit' | 'email' | 'social', number]> = [
  ['phone', 0.55],
  ['visit', 0.22],
  ['email', 0.2],
  ['social', 0.03],
];
const GENDERS: ReadonlyArray<[Gender, number]> = [
  ['female', 0.53],
  ['male', 0.43],
  ['not_stated', 0.04],
];
const SUMMARIES: Record<ContactOutcome, (name: string) => string> = {
  answered: (name) => `Fråga om ${name}: besvarad direkt`,
  referred: (name) => `Fråga om ${name}: hänvisad till rätt myndighet`,
  message_taken: (name) => `${name}: meddelande lämnat till handläggare`,
  callback_promised: (name) => `${name}: återuppringning utlovad`,
  abandoned: () => 'Kontakten avbröts innan frågan togs upp',
  case_created: (name) => `${name}: ärende registrerat`,
};
/** Shares of owed callbacks made late, and (due in the last month) not made at all. */
const CALLBACK_LATE_SHARE = 0.14;
const CALLBACK_FORGOTTEN_SHARE = 0.08;
const CALLBACK_FORGOTTEN_WITHIN_DAYS = 30;

/**
 * The contacts of the demo year that did not become cases: per working day 12-21 (Mondays five
 * more), by phone, at the desk and the library branches, by e-mail and social media, mostly
 * answered on the spot; e-mail answered from the same day to a few working days later. Only
 * contacts finished before `now`. Deterministic by `random`.
 */
export function demoContacts(
  calendar: BusinessCalendar,
  days: readonly DemoWorkingDay[],
  catalog: readonly DemoCatalogEntry[],
  now: Date,
  random: SeededRandom,
): DemoContact[] {
  const open = catalog.filter((entry) => !entry.confidential);
  const typeWeights = open.map((entry) => (entry.kind === 'question' ? 4 : 1));
  const contacts: DemoContact[] = [];
  for (const day of days) {
    const count = 12 + random.int(10) + (day.monday ? 5 : 0);
    for (let n = 0; n < count; n++) {
      const channel = pickWeighted(CONTACT_CHANNELS, random);
      const outcome = pickWeighted(OUTCOMES[channel], random);
      const entry = outcome === 'abandoned' ? null : open[random.weightedIndex(typeWeights)];
      const openAt = openInstantOn(calendar, day.opensAt, random) as Date;
      // E-mail arrives at any hour; it is answered while the service center is open.
      const startedAt = channel === 'email' ? new Date(openAt.getTime() - random.int(12 * 60) * MINUTE_MS) : openAt;
      const endedAt = endOf(calendar, channel, startedAt, random);
      if (endedAt.getTime() > now.getTime()) continue;
      contacts.push({
        channel,
        servicePointCode: servicePointOf(channel, random),
        startedAt,
        endedAt,
        summary: SUMMARIES[outcome](entry ? entry.name.sv.toLowerCase() : ''),
        catalogCode: entry?.code ?? null,
        outcome,
        gender: pickWeighted(GENDERS, random),
        confidential: false,
        departmentCode: null,
      });
    }
  }
  return contacts;
}

/**
 * The contact a demo case was registered from (phone, desk and e-mail cases; the e-service,
 * letters and social media make cases without one): started when the case was received, as
 * a case made from a contact keeps the contact's start. A contact about a confidential type
 * follows its department.
 */
export function demoCaseContact(
  calendar: BusinessCalendar,
  channel: Channel,
  receivedAt: Date,
  entry: DemoCatalogEntry,
  now: Date,
  random: SeededRandom,
): DemoContact | null {
  if (channel !== 'phone' && channel !== 'visit' && channel !== 'email') return null;
  const endedAt =
    channel === 'email'
      ? new Date(calendar.nextOpeningAt(receivedAt).getTime() + (5 + random.int(90)) * MINUTE_MS)
      : new Date(receivedAt.getTime() + (4 + random.int(14)) * MINUTE_MS);
  return {
    channel,
    servicePointCode: servicePointOf(channel, random),
    startedAt: receivedAt,
    endedAt: endedAt.getTime() > now.getTime() ? now : endedAt,
    summary: SUMMARIES.case_created(entry.name.sv),
    catalogCode: entry.code,
    outcome: 'case_created',
    gender: pickWeighted(GENDERS, random),
    confidential: entry.confidential,
    departmentCode: entry.confidential ? entry.departmentCode : null,
  };
}

/**
 * The callback a contact owes (message taken, callback promised), due by its target from the
 * end of the contact (`dueAtFor`, as CallbackTargetPlanner plans it): mostly made in time, some
 * late, and in the last month a few not made yet. Null when the contact owes none or no policy
 * sets a callback target.
 */
export function demoCallback(
  calendar: BusinessCalendar,
  contact: Pick<DemoContact, 'outcome' | 'endedAt'>,
  target: SelectedTarget | null,
  now: Date,
  random: SeededRandom,
): DemoCallback | null {
  if ((contact.outcome !== 'message_taken' && contact.outcome !== 'callback_promised') || !target) return null;
  const dueAt = dueAtFor(calendar, contact.endedAt, target);
  const recent = now.getTime() - dueAt.getTime() < CALLBACK_FORGOTTEN_WITHIN_DAYS * DAY_MS;
  const planned = doneAt(calendar, contact.endedAt, dueAt, CALLBACK_LATE_SHARE, random);
  const forgotten = recent && random.chance(CALLBACK_FORGOTTEN_SHARE);
  const madeAt = forgotten || planned.getTime() > now.getTime() ? null : planned;
  const missed = dueAt.getTime() <= now.getTime() && (madeAt === null || madeAt.getTime() > dueAt.getTime());
  return { dueAt, target, madeAt, breachedAt: missed ? dueAt : null, reached: random.chance(0.88) };
}

function endOf(calendar: BusinessCalendar, channel: Channel, startedAt: Date, random: SeededRandom): Date {
  if (channel === 'email') {
    // Most e-mail is answered the same working day; some the next; a few later.
    const r = random.next();
    const workingMinutes = r < 0.8 ? 5 + random.int(300) : r < 0.93 ? 300 + random.int(720) : 1020 + random.int(1500);
    return calendar.addWorkingMinutes(startedAt, workingMinutes);
  }
  const minutes = channel === 'visit' ? 4 + random.int(20) : channel === 'phone' ? 2 + random.int(12) : 10;
  return new Date(startedAt.getTime() + minutes * MINUTE_MS);
}

function servicePointOf(channel: Channel, random: SeededRandom): string | null {
  switch (channel) {
    case 'phone':
      return 'PHONE';
    case 'email':
      return 'EMAIL';
    case 'visit':
      return random.pick(['DESK', 'DESK', 'DESK', 'DESK', 'LIB-EKBACKEN', 'LIB-LOVUDDEN']);
    default:
      return null;
  }
}

function pickWeighted<T>(choices: ReadonlyArray<[T, number]>, random: SeededRandom): T {
  return choices[random.weightedIndex(choices.map(([, weight]) => weight))][0];
}

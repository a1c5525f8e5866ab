/**
 * Helpers for the statistics e2e tests: make things happen at known instants through the API,
 * by moving the test app's fixed clock before each request.
 */
import { ApiClient } from './support/api-client';
import { CaseAction, CaseActionBody, NewCase, NewContact } from './support/api-types';
import { TestApp } from './support/test-app';

export interface CaseSteps {
  /**
   * Registers a case at the instant (description "Statistikfall" and a citizen with an e-mail
   * address, so that replies reach someone and count as the first response, unless given); answers its id.
   */
  create(at: string, staff: ApiClient, body: Partial<NewCase>): Promise<string>;
  /** A lifecycle action at the instant, expecting 200. */
  act(at: string, staff: ApiClient, id: string, action: CaseAction, body?: CaseActionBody): Promise<void>;
  reply(at: string, staff: ApiClient, id: string, text?: string): Promise<void>;
  /** Waits for automatic routing after intake, if any, then routes by hand if the case is still triaged. */
  routed(at: string, staff: ApiClient, id: string): Promise<void>;
}

export function caseSteps(t: TestApp): CaseSteps {
  const status = async (staff: ApiClient, id: string) => (await staff.getCase(id)).status;
  const steps: CaseSteps = {
    async create(at, staff, body) {
      t.setNow(at);
      const citizen = { email: 'invanare@example.se' };
      return (await staff.createCase({ description: 'Statistikfall', citizen, ...body })).id;
    },
    async act(at, staff, id, action, body = {}) {
      t.setNow(at);
      await staff.act(id, action, body);
    },
    async reply(at, staff, id, text = 'Tack, vi tittar på det.') {
      t.setNow(at);
      await staff.reply(id, text);
    },
    async routed(at, staff, id) {
      t.setNow(at);
      // Routing may run as a queued job after intake; give it a moment before routing by hand.
      for (let attempt = 0; attempt < 40 && (await status(staff, id)) === 'triaged'; attempt++)
        await new Promise((resolve) => setTimeout(resolve, 25));
      if ((await status(staff, id)) === 'triaged') await steps.act(at, staff, id, 'route');
    },
  };
  return steps;
}

/** Logs a contact through the API (summary "Statistikkontakt" unless given); answers its id. */
export async function logContact(
  staff: ApiClient,
  body: Omit<NewContact, 'summary'> & { summary?: string },
): Promise<string> {
  return (await staff.logContact({ summary: 'Statistikkontakt', ...body })).id;
}

/** The office hours the tests count with: weekdays 08:00-16:30 Stockholm time, Swedish holidays. */
export const OFFICE_HOURS = {
  timeZone: 'Europe/Stockholm',
  openingHours: {
    mon: [['08:00', '16:30']],
    tue: [['08:00', '16:30']],
    wed: [['08:00', '16:30']],
    thu: [['08:00', '16:30']],
    fri: [['08:00', '16:30']],
    sat: [],
    sun: [],
  },
  holidayCountry: 'SE',
  closedDates: [],
};

/** Parses the CSV the statistics answer (no quoted fields expected in these tests). */
export function csvRows(text: string): Array<Record<string, string>> {
  const [header, ...lines] = text.trimEnd().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, index) => [names[index], value])));
}

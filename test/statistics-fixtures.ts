/**
 * Helpers for the statistics e2e tests: make things happen at known instants through the API,
 * by moving the test app's fixed clock before each request.
 */
import { bearer, TestApp } from './support/test-app';

export interface CaseSteps {
  /** Registers a case at the instant; answers its id. */
  create(at: string, token: string, body: object): Promise<string>;
  /** A lifecycle action at the instant, expecting 200. */
  act(at: string, token: string, id: string, action: string, body?: object): Promise<void>;
  reply(at: string, token: string, id: string, text?: string): Promise<void>;
  /** Waits for automatic routing after intake, if any, then routes by hand if the case is still triaged. */
  routed(at: string, token: string, id: string): Promise<void>;
}

export function caseSteps(t: TestApp): CaseSteps {
  const status = async (token: string, id: string): Promise<string> =>
    (await t.http().get(`/api/v1/cases/${id}`).set(bearer(token)).expect(200)).body.status;
  const steps: CaseSteps = {
    async create(at, token, body) {
      t.setNow(at);
      return (
        await t
          .http()
          .post('/api/v1/cases')
          .set(bearer(token))
          .send({ description: 'Statistikfall', ...body })
          .expect(201)
      ).body.id;
    },
    async act(at, token, id, action, body = {}) {
      t.setNow(at);
      const response = await t.http().post(`/api/v1/cases/${id}/${action}`).set(bearer(token)).send(body);
      if (response.status !== 200)
        throw new Error(`${action} on ${id}: ${response.status} ${JSON.stringify(response.body)}`);
    },
    async reply(at, token, id, text = 'Tack, vi tittar på det.') {
      t.setNow(at);
      await t.http().post(`/api/v1/cases/${id}/replies`).set(bearer(token)).send({ body: text }).expect(201);
    },
    async routed(at, token, id) {
      t.setNow(at);
      // Routing may run as a queued job after intake; give it a moment before routing by hand.
      for (let attempt = 0; attempt < 40 && (await status(token, id)) === 'triaged'; attempt++)
        await new Promise((resolve) => setTimeout(resolve, 25));
      if ((await status(token, id)) === 'triaged') await steps.act(at, token, id, 'route');
    },
  };
  return steps;
}

/** Logs a contact through the API; answers its id. */
export async function logContact(t: TestApp, token: string, body: object): Promise<string> {
  return (
    await t
      .http()
      .post('/api/v1/contacts')
      .set(bearer(token))
      .send({ summary: 'Statistikkontakt', ...body })
      .expect(201)
  ).body.id;
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

import { ApiClient, invalid } from './support/api-client';
import { NewContact } from './support/api-types';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Due times of promised callbacks on the default calendar (Mon-Fri 08:00-16:30 Stockholm,
 * UTC+2 in May 2026: 10:00 local is 08:00Z, the close 14:30Z). The seeded default gives a
 * callback "the same working day": 0 working days, the close of the day the promise was given.
 */
describe('service targets of promised callbacks', () => {
  let t: TestApp;
  let agent: ApiClient;

  const contact = async (body: Partial<NewContact>) =>
    (
      await agent.logContact({
        channel: 'phone',
        summary: 'Vill bli uppringd om sophämtningen',
        outcome: 'callback_promised',
        ...body,
      })
    ).id;
  const owed = async (state = 'all') => (await agent.callbacks({ state, limit: 500 })).items;
  const owedOne = async (id: string) => (await owed()).find((item) => item.contactId === id);

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-05-04T08:00:00Z' });
    agent = await ApiClient.login(t, 'agent@demo.local');
  });
  afterAll(() => t.close());

  it("makes a callback promised on Monday at 10:00 due at Monday's close", async () => {
    const id = await contact({});
    expect(await owedOne(id)).toMatchObject({
      promisedAt: '2026-05-04T08:00:00.000Z',
      dueAt: '2026-05-04T14:30:00.000Z',
      target: { value: 0, unit: 'working_days', policyId: expect.any(String) },
      state: 'open',
      madeAt: null,
    });
  });

  it("makes one promised after closing due at the next working day's close", async () => {
    t.setNow('2026-05-04T15:00:00Z'); // 17:00 local
    const id = await contact({});
    expect(await owedOne(id)).toMatchObject({ dueAt: '2026-05-05T14:30:00.000Z' });
    t.setNow('2026-05-04T08:00:00Z');
  });

  it('gives a callback about an urgent type 2 working hours, from the priority policy', async () => {
    // water_leak is urgent in the catalog: 10:00 + 2 working hours is 12:00 local.
    const id = await contact({ catalogCode: 'water_leak', summary: 'Vatten forsar ur brunnen' });
    expect(await owedOne(id)).toMatchObject({
      dueAt: '2026-05-04T10:00:00.000Z',
      target: { value: 2, unit: 'working_hours' },
    });
  });

  it('also owes a callback for a message taken, but none for a contact answered on the spot', async () => {
    const message = await contact({ outcome: 'message_taken' });
    const answered = await contact({ outcome: 'answered' });
    expect(await owedOne(message)).toMatchObject({ dueAt: '2026-05-04T14:30:00.000Z' });
    expect(await owedOne(answered)).toBeUndefined();
  });

  it('records the callback made, reached or not, once', async () => {
    const id = await contact({});
    t.advanceMinutes(90);
    const made = await agent.recordCallback(id, { reached: false, note: 'Inget svar, lämnade meddelande' });
    expect(made).toMatchObject({
      contactId: id,
      madeAt: '2026-05-04T09:30:00.000Z',
      reached: false,
      note: 'Inget svar, lämnade meddelande',
    });
    expect(await owedOne(id)).toMatchObject({ state: 'made', madeAt: '2026-05-04T09:30:00.000Z', reached: false });
    expect((await owed('open')).map((item) => item.contactId)).not.toContain(id);

    await agent.recordCallback(id, { reached: true }).expectStatus(409);
    await agent.recordCallback(await contact({ outcome: 'answered' }), { reached: true }).expectStatus(409);
    await agent.recordCallback('7f1f8a9e-0000-4000-8000-000000000000', { reached: true }).expectStatus(404);
    const bad = await agent.recordCallback(id, invalid({})).expectStatus(400);
    expect(bad.body.message).toEqual([expect.stringContaining('reached')]);
    t.setNow('2026-05-04T08:00:00Z');
  });

  it('lists the callbacks not made by their due time as overdue', async () => {
    const id = await contact({});
    t.setNow('2026-05-04T14:31:00Z');
    const overdue = await owed('overdue');
    expect(overdue.find((item) => item.contactId === id)).toMatchObject({
      state: 'overdue',
      dueAt: '2026-05-04T14:30:00.000Z',
    });
    const dueTimes = overdue.map((item) => item.dueAt);
    expect(dueTimes).toEqual([...dueTimes].sort());
  });
});

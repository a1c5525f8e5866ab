import { parse } from 'csv-parse/sync';
import { caseSteps, logContact, OFFICE_HOURS } from './statistics-fixtures';
import { ApiClient } from './support/api-client';
import { NewContact, NewRating, StatisticsQuery, StatisticsReports } from './support/api-types';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Contact, callback, service-index, e-mail, phone and rating figures worked out by hand. Office
 * hours Mon-Fri 08:00-16:30 Europe/Stockholm, UTC+2 in April 2026. The report period is the week
 * Mon 13 - Sun 19 April (local), [2026-04-13, 2026-04-20); reports run Wed 22 April 12:00 local.
 *
 *  contact  by       channel service point  outcome            gender  started (local)
 *  c0       agent    phone   PHONE          answered           -       Sun 12 Apr 23:30 (outside)
 *  c1       agent    phone   PHONE          answered           female  Mon 13 09:00
 *  c2       agent    phone   PHONE          answered           male    Mon 13 10:00
 *  c3       agent    phone   PHONE          case_created       female  Mon 13 11:00
 *  c4       agent    phone   PHONE          message_taken      male    Mon 13 14:00  called back Tue 14 10:00 (due Tue 16:30: kept)
 *  c5       agent    phone   PHONE          callback_promised  female  Tue 14 15:00  called back Thu 16 09:00 (due Wed 16:30: late)
 *  c6       agent    phone   PHONE          message_taken      -       Wed 15 10:00  never (due Thu 16:30: missed)
 *  c7       agent    phone   PHONE          abandoned          -       Wed 15 11:00
 *  c8       agent    visit   DESK           answered           female  Thu 16 13:00
 *  c9       agent    visit   LIB-EKBACKEN   referred           male    Thu 16 14:00
 *  c10      agent    email   EMAIL          answered           -       Mon 13 16:00, answered Tue 14 09:00
 *  c11      agent    email   EMAIL          answered           -       Thu 16 17:00 (after closing: day 0 is Fri), answered Tue 21 10:00
 *  c12      agent    email   EMAIL          case_created       -       Fri 17 10:00
 *  c13      handler  phone   PHONE          answered           male    Mon 13 13:00
 *  c14      handler  phone   PHONE          message_taken      female  Fri 17 16:00  called back Mon 20 16:00 (due Mon 16:30: kept)
 *  c16      agent    phone   PHONE          answered           -       Mon 20 00:30 (outside)
 *  c17      manager  phone   PHONE          answered           -       Fri 17 11:00
 * The agent is in SC, the handler in TEK, the manager in no department.
 */
describe('statistics: contacts, callbacks, service index, e-mail answers, phone and ratings', () => {
  let t: TestApp;
  let agent: ApiClient;
  let handler: ApiClient;
  let manager: ApiClient;
  let admin: ApiClient;
  const ids: Record<string, string> = {};
  const period = { from: '2026-04-13', to: '2026-04-20' };

  const contact = async (
    name: string,
    staff: ApiClient,
    startedAt: string,
    endedAt: string,
    body: Pick<NewContact, 'channel' | 'outcome'> & Partial<NewContact>,
  ) => {
    t.setNow(endedAt);
    ids[name] = await logContact(staff, { startedAt, endedAt, ...body });
  };
  const callbackMade = async (name: string, at: string) => {
    t.setNow(at);
    await agent.recordCallbackMade(ids[name]);
  };
  const report = <Report extends keyof StatisticsReports>(name: Report, query: StatisticsQuery = {}, staff = manager) =>
    staff.statistics(name, { ...period, ...query });
  const pick = <Row>(rows: Row[], ...fields: Array<keyof Row>) => rows.map((row) => fields.map((field) => row[field]));

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-04-01T08:00:00Z' });
    [agent, handler, manager, admin] = await ApiClient.loginAll(
      t,
      'agent@demo.local',
      'handler@demo.local',
      'manager@demo.local',
      'admin@demo.local',
    );
    await admin.replaceCalendar(OFFICE_HOURS);
    const phone = { channel: 'phone', servicePointCode: 'PHONE' };
    await contact('c0', agent, '2026-04-12T21:30:00Z', '2026-04-12T21:35:00Z', { ...phone, outcome: 'answered' });
    await contact('c1', agent, '2026-04-13T07:00:00Z', '2026-04-13T07:05:00Z', {
      ...phone,
      outcome: 'answered',
      gender: 'female',
      catalogCode: 'general_information',
    });
    await contact('c2', agent, '2026-04-13T08:00:00Z', '2026-04-13T08:05:00Z', {
      ...phone,
      outcome: 'answered',
      gender: 'male',
    });
    await contact('c3', agent, '2026-04-13T09:00:00Z', '2026-04-13T09:05:00Z', {
      ...phone,
      outcome: 'case_created',
      gender: 'female',
    });
    await contact('c4', agent, '2026-04-13T12:00:00Z', '2026-04-13T12:05:00Z', {
      ...phone,
      outcome: 'message_taken',
      gender: 'male',
    });
    await contact('c10', agent, '2026-04-13T14:00:00Z', '2026-04-14T07:00:00Z', {
      channel: 'email',
      servicePointCode: 'EMAIL',
      outcome: 'answered',
    });
    await contact('c13', handler, '2026-04-13T11:00:00Z', '2026-04-13T11:05:00Z', {
      ...phone,
      outcome: 'answered',
      gender: 'male',
    });
    await callbackMade('c4', '2026-04-14T08:00:00Z');
    await contact('c5', agent, '2026-04-14T13:00:00Z', '2026-04-14T13:05:00Z', {
      ...phone,
      outcome: 'callback_promised',
      gender: 'female',
    });
    await contact('c6', agent, '2026-04-15T08:00:00Z', '2026-04-15T08:05:00Z', { ...phone, outcome: 'message_taken' });
    await contact('c7', agent, '2026-04-15T09:00:00Z', '2026-04-15T09:01:00Z', { ...phone, outcome: 'abandoned' });
    await callbackMade('c5', '2026-04-16T07:00:00Z');
    await contact('c8', agent, '2026-04-16T11:00:00Z', '2026-04-16T11:05:00Z', {
      channel: 'visit',
      servicePointCode: 'DESK',
      outcome: 'answered',
      gender: 'female',
    });
    await contact('c9', agent, '2026-04-16T12:00:00Z', '2026-04-16T12:05:00Z', {
      channel: 'visit',
      servicePointCode: 'LIB-EKBACKEN',
      outcome: 'referred',
      gender: 'male',
    });
    await contact('c12', agent, '2026-04-17T08:00:00Z', '2026-04-17T08:05:00Z', {
      channel: 'email',
      servicePointCode: 'EMAIL',
      outcome: 'case_created',
    });
    await contact('c17', manager, '2026-04-17T09:00:00Z', '2026-04-17T09:05:00Z', { ...phone, outcome: 'answered' });
    await contact('c14', handler, '2026-04-17T14:00:00Z', '2026-04-17T14:05:00Z', {
      ...phone,
      outcome: 'message_taken',
      gender: 'female',
    });
    await contact('c16', agent, '2026-04-19T22:30:00Z', '2026-04-19T22:35:00Z', { ...phone, outcome: 'answered' });
    await callbackMade('c14', '2026-04-20T14:00:00Z');
    await contact('c11', agent, '2026-04-16T15:00:00Z', '2026-04-21T08:00:00Z', {
      channel: 'email',
      servicePointCode: 'EMAIL',
      outcome: 'answered',
    });

    // E-mailed questions as cases (catalog kind question): e1 answered Wed 15 09:00 (due Tue 14 16:30 for
    // one day: late; Wed 15 16:30 for two: met); e2 never answered; e3 (Fri 17 16:00) answered Mon 20 10:00.
    // e4 is a fault report and e5 came by phone: neither counts.
    const steps = caseSteps(t);
    const e1 = await steps.create('2026-04-13T06:30:00Z', agent, {
      catalogCode: 'general_information',
      channel: 'email',
    });
    ids.e3 = await steps.create('2026-04-17T14:00:00Z', agent, {
      catalogCode: 'building_permit_status',
      channel: 'email',
    });
    await steps.create('2026-04-14T08:00:00Z', agent, { catalogCode: 'swimming_pool', channel: 'email' });
    await steps.create('2026-04-14T09:00:00Z', agent, { catalogCode: 'pothole', channel: 'email' });
    await steps.create('2026-04-14T09:30:00Z', agent, { catalogCode: 'general_information', channel: 'phone' });
    await steps.reply('2026-04-15T07:00:00Z', manager, e1);
    await steps.reply('2026-04-20T08:00:00Z', manager, ids.e3);

    const call = (
      callId: string,
      startedAt: string,
      queue: string,
      waitSeconds: number,
      outcome: string,
      directAnswer: boolean | null,
    ) => ({
      callId,
      startedAt,
      queue,
      waitSeconds,
      outcome,
      talkSeconds: outcome === 'answered' ? 120 : 0,
      callbackRequested: false,
      directAnswer,
    });
    await admin.storeCalls([
      call('r1', '2026-04-13T07:00:00Z', 'main', 30, 'answered', true),
      call('r2', '2026-04-13T07:05:00Z', 'main', 90, 'answered', false),
      call('r3', '2026-04-13T07:10:00Z', 'main', 200, 'abandoned', null),
      call('r4', '2026-04-14T08:00:00Z', 'main', 10, 'answered', true),
      call('r5', '2026-04-14T08:30:00Z', 'technical', 60, 'answered', null),
      call('r6', '2026-04-15T09:00:00Z', 'technical', 45, 'abandoned', null),
      call('r7', '2026-04-19T22:30:00Z', 'main', 20, 'answered', true),
    ]);

    t.setNow('2026-04-17T10:00:00Z');
    const rate = (staff: ApiClient, body: NewRating) => staff.rate(body);
    await rate(agent, { contactId: ids.c1, ease: 5, treatment: 4, clarity: 3 });
    await rate(agent, { contactId: ids.c8, ease: 4, treatment: 5 });
    await rate(handler, { contactId: ids.c13, ease: 2, treatment: 3, clarity: 5 });
    await rate(manager, { caseId: ids.e3, treatment: 1 });
    t.setNow('2026-04-22T10:00:00Z');
  });
  afterAll(() => t.close());

  it('counts contacts by outcome and the share answered at first contact, in Stockholm time', async () => {
    const body = await report('contacts');
    // 15 contacts in the week: answered 7 (c1, c2, c8, c10, c11, c13, c17) of the 14 that were not abandoned.
    expect(body.total).toEqual({
      group: 'total',
      contacts: 15,
      answered: 7,
      caseCreated: 2,
      referred: 1,
      messageTaken: 3,
      callbackPromised: 1,
      abandoned: 1,
      answeredAtFirstContact: 7,
      answeredAtFirstContactBase: 14,
      answeredAtFirstContactPercent: 50,
    });
    expect(
      pick(
        (await report('contacts', { groupBy: 'channel' })).rows,
        'group',
        'contacts',
        'answered',
        'answeredAtFirstContactBase',
        'answeredAtFirstContactPercent',
      ),
    ).toEqual([
      ['email', 3, 2, 3, 66.67],
      ['phone', 10, 4, 9, 44.44],
      ['visit', 2, 1, 2, 50],
    ]);
    expect(pick((await report('contacts', { groupBy: 'servicePoint' })).rows, 'group', 'contacts')).toEqual([
      ['DESK', 1],
      ['EMAIL', 3],
      ['LIB-EKBACKEN', 1],
      ['PHONE', 10],
    ]);
    expect(pick((await report('contacts', { groupBy: 'gender' })).rows, 'group', 'contacts')).toEqual([
      ['female', 5],
      ['male', 4],
      [null, 6],
    ]);
    expect(pick((await report('contacts', { groupBy: 'department' })).rows, 'group', 'contacts')).toEqual([
      ['SC', 12],
      ['TEK', 2],
      [null, 1],
    ]);
    expect(pick((await report('contacts', { groupBy: 'day' })).rows, 'group', 'contacts')).toEqual([
      ['2026-04-13', 6],
      ['2026-04-14', 1],
      ['2026-04-15', 2],
      ['2026-04-16', 3],
      ['2026-04-17', 3],
      ['2026-04-18', 0],
      ['2026-04-19', 0],
    ]);
  });

  it('measures callbacks kept within one working day, and leaves not-yet-due ones out', async () => {
    const body = await report('callbacks', { groupBy: 'department', callbackTargetWorkingDays: 1 });
    expect(body.total).toMatchObject({
      callbacksOwed: 4,
      callbacksKept: 2,
      callbacksLate: 1,
      callbacksMissed: 1,
      callbacksPending: 0,
      callbacksMeasured: 4,
      callbacksKeptPercent: 50,
    });
    expect(pick(body.rows, 'group', 'callbacksKept', 'callbacksMeasured', 'callbacksKeptPercent')).toEqual([
      ['SC', 1, 3, 33.33],
      ['TEK', 1, 1, 100],
    ]);
    // By the day each owing contact began: c4 kept (Mon), c5 late (Tue), c6 missed (Wed), c14 kept (Fri).
    const byDay = await report('callbacks', { groupBy: 'day', callbackTargetWorkingDays: 1 });
    expect(pick(byDay.rows, 'group', 'callbacksOwed', 'callbacksKept', 'callbacksLate', 'callbacksMissed')).toEqual([
      ['2026-04-13', 1, 1, 0, 0],
      ['2026-04-14', 1, 0, 1, 0],
      ['2026-04-15', 1, 0, 0, 1],
      ['2026-04-16', 0, 0, 0, 0],
      ['2026-04-17', 1, 1, 0, 0],
      ['2026-04-18', 0, 0, 0, 0],
      ['2026-04-19', 0, 0, 0, 0],
    ]);
    // Within 5 working days c6 (Wed 15) is due Wed 22 16:30, still ahead at Wed 22 12:00; c5 is now kept too.
    expect((await report('callbacks', { callbackTargetWorkingDays: 5 })).total).toMatchObject({
      callbacksKept: 3,
      callbacksLate: 0,
      callbacksMissed: 0,
      callbacksPending: 1,
      callbacksKeptPercent: 100,
    });
  });

  it('refuses to record a callback for a contact that owes none, or twice', async () => {
    await agent.recordCallbackMade(ids.c1).expectStatus(409);
    await agent.recordCallbackMade(ids.c4).expectStatus(409);
    const early = await agent.recordCallbackMade(ids.c6, { madeAt: '2026-04-15T07:00:00Z' }).expectStatus(400);
    expect(early.body.message).toEqual(['madeAt: a callback cannot be made before the contact it answers']);
  });

  it('gives the service index per department against the 95 % target', async () => {
    const body = await report('service-index', { callbackTargetWorkingDays: 1 });
    // SC: answered 5 + case created 2 + referred 1 + callback kept 1 (c4) = 9 of 12; TEK: c13 answered, c14 kept.
    expect(body.rows).toEqual([
      {
        group: 'SC',
        contacts: 12,
        activeService: 9,
        measured: 12,
        callbacksPending: 0,
        serviceIndexPercent: 75,
        targetPercent: 95,
        meetsTarget: false,
      },
      {
        group: 'TEK',
        contacts: 2,
        activeService: 2,
        measured: 2,
        callbacksPending: 0,
        serviceIndexPercent: 100,
        targetPercent: 95,
        meetsTarget: true,
      },
      {
        group: null,
        contacts: 1,
        activeService: 1,
        measured: 1,
        callbacksPending: 0,
        serviceIndexPercent: 100,
        targetPercent: 95,
        meetsTarget: true,
      },
    ]);
    expect(body.total).toMatchObject({ contacts: 15, activeService: 12, serviceIndexPercent: 80 });
  });

  it('measures e-mailed questions answered within one and two working days', async () => {
    const body = await report('email-answers', { groupBy: 'department' });
    // c10 met both; c11 late for one day (due Mon 20 16:30), met for two; e1 late, then met; e2 missed both; e3 met both.
    expect(body.total).toMatchObject({
      questions: 5,
      fromCases: 3,
      fromContacts: 2,
      answeredWithinOneWorkingDay: 2,
      measuredForOneWorkingDay: 5,
      answeredWithinOneWorkingDayPercent: 40,
      answeredWithinTwoWorkingDays: 4,
      measuredForTwoWorkingDays: 5,
      answeredWithinTwoWorkingDaysPercent: 80,
    });
    expect(
      pick(
        body.rows,
        'group',
        'questions',
        'answeredWithinOneWorkingDayPercent',
        'answeredWithinTwoWorkingDaysPercent',
      ),
    ).toEqual([
      ['KFF', 1, 0, 0],
      ['SBF', 1, 100, 100],
      ['SC', 3, 33.33, 100],
    ]);
  });

  it('reports the phone queue from call records: answered, abandoned, waits and direct answers', async () => {
    const body = await report('phone', { groupBy: 'queue' });
    // Answered waits [30, 90, 10, 60]: mean 47.5, median (30 + 60) / 2, p90 at rank ceil(3.6) = 4.
    expect(body.total).toMatchObject({
      calls: 6,
      answered: 4,
      answeredPercent: 66.67,
      abandoned: 2,
      abandonedPercent: 33.33,
      averageWaitSeconds: 47.5,
      medianWaitSeconds: 45,
      p90WaitSeconds: 90,
      answerTargetSeconds: 60,
      answeredWithinTarget: 3,
      answeredWithinTargetPercent: 50,
      directAnswerSource: 'call_records',
      directAnswers: 2,
      directAnswerBase: 3,
      directAnswerPercent: 66.67,
    });
    expect(
      pick(
        body.rows,
        'group',
        'calls',
        'answered',
        'averageWaitSeconds',
        'medianWaitSeconds',
        'p90WaitSeconds',
        'answeredWithinTargetPercent',
        'directAnswerPercent',
      ),
    ).toEqual([
      ['main', 4, 3, 43.33, 30, 90, 50, 66.67],
      ['technical', 2, 1, 60, 60, 60, 50, null],
    ]);
    expect((await report('phone', { answerTargetSeconds: 30 })).total).toMatchObject({
      answeredWithinTarget: 2,
      answeredWithinTargetPercent: 33.33,
    });
  });

  it('falls back to phone contacts for the direct-answer share when no call says', async () => {
    // Thu 16 - Sun 19 April: no call records; phone contacts c14 (message taken) and c17 (answered).
    const body = await report('phone', { from: '2026-04-16', to: '2026-04-20' });
    expect(body.targets.directAnswerSource).toBe('contacts');
    expect(body.total).toMatchObject({ calls: 0, directAnswers: 1, directAnswerBase: 2, directAnswerPercent: 50 });
  });

  it('turns ratings into 0-100 indexes per channel and department', async () => {
    const body = await report('ratings', { groupBy: 'department' });
    // Ease 5, 4, 2: 25 * (11/3 - 1) = 66.67; treatment 4, 5, 3, 1: 25 * (13/4 - 1) = 56.25; clarity 3, 5: 75.
    expect(body.total).toEqual({
      group: 'total',
      ratings: 4,
      easeAnswers: 3,
      easeIndex: 66.67,
      treatmentAnswers: 4,
      treatmentIndex: 56.25,
      clarityAnswers: 2,
      clarityIndex: 75,
    });
    expect(pick(body.rows, 'group', 'ratings', 'easeIndex', 'treatmentIndex', 'clarityIndex')).toEqual([
      ['SBF', 1, null, 0, null],
      ['SC', 2, 87.5, 87.5, 50],
      ['TEK', 1, 25, 50, 100],
    ]);
    expect(
      pick(
        (await report('ratings', { groupBy: 'channel' })).rows,
        'group',
        'easeIndex',
        'treatmentIndex',
        'clarityIndex',
      ),
    ).toEqual([
      ['email', null, 0, null],
      ['phone', 62.5, 62.5, 75],
      ['visit', 75, 100, null],
    ]);
  });

  it('refuses a second rating of the same contact and a rating without a subject or a score', async () => {
    await agent.rate({ contactId: ids.c1, ease: 1 }).expectStatus(409);
    const bad = await agent.rate({ contactId: ids.c2, caseId: ids.e3 }).expectStatus(400);
    expect(bad.body.message).toEqual([
      'give exactly one of contactId and caseId',
      'give at least one of ease, treatment, clarity (1-5)',
    ]);
    await agent.rate({ contactId: ids.c2, ease: 6 }).expectStatus(400);
  });

  it('exports the yearly comparison table as CSV', async () => {
    const response = await manager.statisticsCsv('comparison', { year: 2026, dialect: 'rfc4180' }).expectStatus(200);
    const rows: Array<Record<string, string>> = parse(response.text, { columns: true });
    expect(response.text.split('\n')[0]).toBe('year,measure,label,value,unit,numerator,denominator,target');
    const measure = (name: string) => rows.find((row) => row.measure === name);
    // The whole year adds c0 and c16 (answered, SC) and call r7 (answered, direct answer).
    expect(measure('email_answered_within_1_working_day')).toMatchObject({
      year: '2026',
      value: '40',
      numerator: '2',
      denominator: '5',
      unit: 'percent',
    });
    expect(measure('email_answered_within_2_working_days')).toMatchObject({
      value: '80',
      numerator: '4',
      denominator: '5',
    });
    expect(measure('phone_direct_answer')).toMatchObject({ value: '75', numerator: '3', denominator: '4' });
    expect(measure('answered_at_first_contact')).toMatchObject({ value: '56.25', numerator: '9', denominator: '16' });
    // The service index follows the callback policy's stored due times, so compare it with the detailed report.
    const serviceIndex = (await report('service-index', { from: '2026-01-01', to: '2027-01-01' })).total;
    expect(measure('service_index')).toMatchObject({
      value: String(serviceIndex.serviceIndexPercent),
      numerator: String(serviceIndex.activeService),
      denominator: String(serviceIndex.measured),
      target: '95',
    });
    expect(serviceIndex.contacts).toBe(17);
    expect(measure('treatment_index')).toMatchObject({ value: '56.25', denominator: '4', unit: 'index' });
    expect(measure('cases_received')).toMatchObject({ value: '5', unit: 'count' });
    expect(measure('phone_p90_wait_seconds')).toMatchObject({ label: 'Väntetid till svar, 90:e percentilen' });
  });

  it('keeps each role to its figures', async () => {
    expect((await report('contacts', {}, handler)).total).toMatchObject({ contacts: 2 });
    expect((await report('contacts', {}, agent)).total).toMatchObject({ contacts: 12 });
    await handler.statistics('service-index', { ...period, departmentCode: 'SC' }).expectStatus(403);
    await handler.statistics('phone', period).expectStatus(403);
    expect((await report('phone', {}, agent)).total).toMatchObject({ calls: 6 });
    await agent.statistics('comparison', { year: 2026 }).expectStatus(403);
    expect((await report('ratings', {}, handler)).total).toMatchObject({ ratings: 1, treatmentIndex: 50 });
  });
});

import { CallRecordContext, validateCallRecord } from './call-record-validator';

const context: CallRecordContext = {
  servicePointCodes: new Set(['PHONE']),
  now: new Date('2025-06-01T12:00:00Z'),
  timeZone: 'Europe/Stockholm',
};

const answered = {
  callId: 'c-100',
  startedAt: '2025-05-12T08:03:10Z',
  queue: 'main',
  waitSeconds: 45,
  outcome: 'answered',
  talkSeconds: 180,
  callbackRequested: false,
  agentEmail: 'Agent@Demo.Local',
  servicePointCode: 'PHONE',
  directAnswer: true,
};

describe('validateCallRecord', () => {
  it('reads a JSON record with typed values', () => {
    expect(validateCallRecord(answered, context)).toEqual({
      errors: [],
      callRecord: { ...answered, startedAt: new Date('2025-05-12T08:03:10Z'), agentEmail: 'agent@demo.local' },
    });
  });

  it('reads the same record from CSV text, where optional fields are empty', () => {
    const csv = {
      ...answered,
      waitSeconds: '45',
      talkSeconds: '180',
      callbackRequested: 'ja',
      directAnswer: '',
      agentEmail: '',
      servicePointCode: '',
      queue: 'Main',
    };
    expect(validateCallRecord(csv, context).callRecord).toEqual({
      ...answered,
      startedAt: new Date('2025-05-12T08:03:10Z'),
      callbackRequested: true,
      directAnswer: null,
      agentEmail: null,
      servicePointCode: null,
      queue: 'main',
    });
  });

  it('takes an abandoned call without talk time as 0 seconds', () => {
    const { callRecord } = validateCallRecord(
      {
        callId: 'c-2',
        startedAt: '2025-05-12T08:00:00Z',
        queue: 'social',
        waitSeconds: 300,
        outcome: 'abandoned',
        callbackRequested: true,
      },
      context,
    );
    expect(callRecord).toMatchObject({ talkSeconds: 0, directAnswer: null, callbackRequested: true });
  });

  it('reports every missing required field', () => {
    expect(validateCallRecord({}, context).errors).toEqual([
      'callId: is required',
      'startedAt: is required',
      'queue: is required',
      'waitSeconds: is required',
      'outcome: is required',
      'talkSeconds: is required',
      'callbackRequested: is required',
    ]);
  });

  it('reports each wrong field with what it got', () => {
    const { callRecord, errors } = validateCallRecord(
      {
        ...answered,
        startedAt: '12/05/2025 08:03',
        queue: 'main queue',
        waitSeconds: -1,
        outcome: 'missed',
        talkSeconds: 1.5,
        callbackRequested: 'perhaps',
        agentEmail: 'agent',
        servicePointCode: 'DESK',
        directAnswer: 2,
        caller: '0701234567',
      },
      context,
    );
    expect(callRecord).toBeNull();
    expect(errors).toEqual([
      'caller: is not a known field',
      'startedAt: must be a date and time, such as 2024-03-05T08:15:00Z or 2024-03-05 09:15 (local time); got "12/05/2025 08:03"',
      'queue: must be a queue name of letters, digits, ".", "-" and "_"; got "main queue"',
      'waitSeconds: must be a whole number from 0 to 86400; got -1',
      'outcome: must be one of answered, abandoned; got "missed"',
      'talkSeconds: must be a whole number from 0 to 86400; got 1.5',
      'callbackRequested: must be true or false; got "perhaps"',
      'agentEmail: must be an e-mail address; got "agent"',
      'servicePointCode: unknown service point "DESK"',
      'directAnswer: must be true or false; got 2',
    ]);
  });

  it('refuses talk time and a direct answer on an abandoned call', () => {
    expect(validateCallRecord({ ...answered, outcome: 'abandoned' }, context).errors).toEqual([
      'talkSeconds: must be 0 for an abandoned call',
      'directAnswer: cannot be true for an abandoned call',
    ]);
  });

  it('refuses a call that has not started yet and a wait in milliseconds', () => {
    expect(
      validateCallRecord({ ...answered, startedAt: '2025-06-01T12:00:01Z', waitSeconds: 45000000 }, context).errors,
    ).toEqual([
      'startedAt: must not be in the future',
      'waitSeconds: must be a whole number from 0 to 86400; got 45000000',
    ]);
  });
});

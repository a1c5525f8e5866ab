import { CaseLineContext, validateCaseLine } from './case-line-validator';

const context: CaseLineContext = {
  departmentCodes: new Set(['TEK', 'VA']),
  catalogCodes: new Set(['street_light', 'water_leak']),
  now: new Date('2025-06-01T12:00:00Z'),
  timeZone: 'Europe/Stockholm',
};

const closedCase = {
  externalId: 'LEG-1',
  receivedAt: '2024-03-05T07:45:00Z',
  firstResponseAt: '2024-03-05T09:00:00+01:00',
  resolvedAt: '2024-03-07T14:00:00Z',
  closedAt: '2024-03-08T07:00:00Z',
  departmentCode: 'TEK',
  catalogCode: 'street_light',
  channel: 'phone',
  description: '  Gatlampan på Storgatan är släckt ',
  status: 'closed',
};

describe('validateCaseLine', () => {
  it('reads a time without a zone as local time in the municipality (winter and summer time)', () => {
    const { importedCase, errors } = validateCaseLine(
      {
        ...closedCase,
        receivedAt: '2024-03-05 08:45',
        firstResponseAt: '2024-03-05T10:00',
        resolvedAt: '2024-06-07 16:00',
        closedAt: '2024-06-10 08:00',
      },
      context,
    );
    expect(errors).toEqual([]);
    expect(importedCase?.receivedAt).toEqual(new Date('2024-03-05T07:45:00Z'));
    expect(importedCase?.firstResponseAt).toEqual(new Date('2024-03-05T09:00:00Z'));
    expect(importedCase?.resolvedAt).toEqual(new Date('2024-06-07T14:00:00Z'));
    expect(importedCase?.closedAt).toEqual(new Date('2024-06-10T06:00:00Z'));
  });

  it('reads a complete closed case, with times as UTC instants and text trimmed', () => {
    const { importedCase, errors } = validateCaseLine(closedCase, context);
    expect(errors).toEqual([]);
    expect(importedCase).toEqual({
      externalId: 'LEG-1',
      receivedAt: new Date('2024-03-05T07:45:00Z'),
      firstResponseAt: new Date('2024-03-05T08:00:00Z'),
      resolvedAt: new Date('2024-03-07T14:00:00Z'),
      closedAt: new Date('2024-03-08T07:00:00Z'),
      departmentCode: 'TEK',
      catalogCode: 'street_light',
      channel: 'phone',
      description: 'Gatlampan på Storgatan är släckt',
      status: 'closed',
    });
  });

  it('reports the first response before the reception (the offset makes 09:00+01:00 08:00Z)', () => {
    const { errors } = validateCaseLine({ ...closedCase, receivedAt: '2024-03-05T08:30:00Z' }, context);
    expect(errors).toEqual(['firstResponseAt: must not be before receivedAt']);
  });

  it('treats empty optional times as absent, as a CSV file gives them', () => {
    const { importedCase, errors } = validateCaseLine(
      { ...closedCase, status: 'in_progress', firstResponseAt: '', resolvedAt: null, closedAt: undefined },
      context,
    );
    expect(errors).toEqual([]);
    expect(importedCase).toMatchObject({
      firstResponseAt: null,
      resolvedAt: null,
      closedAt: null,
      status: 'in_progress',
    });
  });

  it('reports every missing required field', () => {
    const { importedCase, errors } = validateCaseLine({}, context);
    expect(importedCase).toBeNull();
    expect(errors).toEqual([
      'externalId: is required',
      'receivedAt: is required',
      'departmentCode: is required',
      'catalogCode: is required',
      'channel: is required',
      'description: is required',
      'status: is required',
    ]);
  });

  it('reports all problems of one line together', () => {
    const { errors } = validateCaseLine(
      {
        ...closedCase,
        externalId: 42,
        receivedAt: '05/03/2024 08:15',
        departmentCode: 'XYZ',
        catalogCode: 'unicorn',
        channel: 'fax',
        status: 'done',
        colour: 'red',
      },
      context,
    );
    expect(errors).toEqual([
      'colour: is not a known field',
      'externalId: must be a string',
      'receivedAt: must be a date and time, such as 2024-03-05T08:15:00Z or 2024-03-05 09:15 (local time); got "05/03/2024 08:15"',
      'departmentCode: unknown department "XYZ"',
      'catalogCode: unknown catalog entry "unicorn"',
      'channel: must be one of phone, visit, email, web, letter, social, app; got "fax"',
      'status: must be one of new, triaged, routed, in_progress, waiting, returned, resolved, closed, duplicate, reopened; got "done"',
    ]);
  });

  it('compares each time with the latest earlier time that was given', () => {
    const { errors } = validateCaseLine(
      { ...closedCase, firstResponseAt: '', resolvedAt: '2024-03-01T00:00:00Z', closedAt: '2024-02-01T00:00:00Z' },
      context,
    );
    expect(errors).toEqual(['resolvedAt: must not be before receivedAt', 'closedAt: must not be before resolvedAt']);
  });

  it('refuses times after the import itself', () => {
    const { errors } = validateCaseLine({ ...closedCase, closedAt: '2025-06-01T12:00:01Z' }, context);
    expect(errors).toEqual(['closedAt: must not be in the future']);
  });

  it('requires the end times a status implies', () => {
    expect(validateCaseLine({ ...closedCase, resolvedAt: '', closedAt: '' }, context).errors).toEqual([
      'resolvedAt: is required when status is closed',
      'closedAt: is required when status is closed',
    ]);
    expect(
      validateCaseLine({ ...closedCase, status: 'resolved', resolvedAt: '', closedAt: '' }, context).errors,
    ).toEqual(['resolvedAt: is required when status is resolved']);
  });

  it('refuses end times on a case the status says is still open or not closed', () => {
    expect(validateCaseLine({ ...closedCase, status: 'routed' }, context).errors).toEqual([
      'resolvedAt: must be empty when status is routed',
      'closedAt: must be empty when status is routed',
    ]);
    expect(validateCaseLine({ ...closedCase, status: 'resolved' }, context).errors).toEqual([
      'closedAt: must be empty when status is resolved',
    ]);
  });

  it('reports a badly written end time once, not also as missing', () => {
    const { errors } = validateCaseLine({ ...closedCase, resolvedAt: 'yesterday' }, context);
    expect(errors).toEqual([
      'resolvedAt: must be a date and time, such as 2024-03-05T08:15:00Z or 2024-03-05 09:15 (local time); got "yesterday"',
    ]);
  });

  it('limits lengths to what the case table holds', () => {
    const { errors } = validateCaseLine(
      { ...closedCase, externalId: 'x'.repeat(101), description: 'y'.repeat(10001) },
      context,
    );
    expect(errors).toEqual([
      'externalId: must be at most 100 characters',
      'description: must be at most 10000 characters',
    ]);
  });
});

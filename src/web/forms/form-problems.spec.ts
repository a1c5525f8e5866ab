import { BadRequestException } from '@nestjs/common';
import { InvalidInputError } from '../../common/domain-errors';
import { translator } from '../i18n/languages';
import { problemsOf } from './form-problems';

describe("a refusal's problems on a form's fields", () => {
  const t = translator('en');

  it('puts a message about a part of a path (an index, a nested field) on the field of that path', () => {
    const refusal = new InvalidInputError([
      'openingHours.tue[0]: opening time "8" is not a time HH:MM',
      'closedDates[1]: "28 december" is not a valid date "YYYY-MM-DD"',
    ]);
    expect(
      problemsOf(refusal, { 'openingHours.mon': 'mon', 'openingHours.tue': 'tue', closedDates: 'closedDates' }, t, 'x'),
    ).toEqual([
      { field: 'tue', text: 'openingHours.tue[0]: opening time "8" is not a time HH:MM' },
      { field: 'closedDates', text: 'closedDates[1]: "28 december" is not a valid date "YYYY-MM-DD"' },
    ]);
  });

  it("says it in the page's language when the catalog has the field's message, once per field", () => {
    const refusal = new BadRequestException([
      'code must be 1-32 upper-case letters, digits, - or _',
      'name is required',
    ]);
    expect(problemsOf(refusal, { code: 'code', name: 'name' }, t, 'admin.departments.error')).toEqual([
      { field: 'code', text: 'Enter a code of upper-case letters, digits, - or _ (at most 32)' },
      { field: 'name', text: "Enter the department's name (at most 200 characters)" },
    ]);
  });

  it('puts a message naming no field on the first field, and answers null for an error that is no refusal', () => {
    const refusal = new InvalidInputError(['a policy sets at least one of firstResponse, resolution and callback']);
    expect(problemsOf(refusal, { firstResponse: 'firstResponseValue', kind: 'kind' }, t, 'none')).toEqual([
      { field: 'firstResponseValue', text: 'a policy sets at least one of firstResponse, resolution and callback' },
    ]);
    expect(problemsOf(new Error('database down'), { code: 'code' }, t, 'none')).toBeNull();
  });
});

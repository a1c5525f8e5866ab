import { ArgumentMetadata } from '@nestjs/common';
import { ApiProperty, PartialType } from '@nestjs/swagger';
import { inputProblems } from './input-checks';

class AddressInput {
  @ApiProperty({ required: false })
  street?: string;
}

class PersonInput {
  @ApiProperty()
  name: string;

  @ApiProperty({ required: false, nullable: true, type: String })
  note?: string | null;

  @ApiProperty({ required: false, type: AddressInput })
  address?: AddressInput;

  @ApiProperty({ required: false, type: () => [AddressInput] })
  formerAddresses?: AddressInput[];

  @ApiProperty({ required: false, type: [String] })
  nicknames?: string[];
}

class PersonUpdate extends PartialType(PersonInput) {}

const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

describe('the checks every input gets at the edge', () => {
  it('passes a body that keeps to its documented fields', () => {
    const person = { name: 'Karin', note: null, address: { street: 'Storgatan 12' }, nicknames: ['Kajsa'] };
    expect(inputProblems(person, body(PersonInput))).toEqual([]);
    expect(inputProblems(undefined, body(PersonInput))).toEqual([]);
  });

  it('refuses a body that is JSON but not an object, saying what it is', () => {
    expect(inputProblems([{ name: 'Karin' }], body(PersonInput))).toEqual(['body must be a JSON object, not an array']);
    expect(inputProblems(null, body(PersonInput))).toEqual(['body must be a JSON object, not null']);
    expect(inputProblems(42, body(Object))).toEqual(['body must be a JSON object, not a number']);
  });

  it('refuses null where the document does not say nullable, also in a mapped update type and nested', () => {
    expect(inputProblems({ name: null }, body(PersonUpdate))).toEqual(['name must not be null']);
    expect(inputProblems({ note: null }, body(PersonUpdate))).toEqual([]);
    expect(inputProblems({ name: 'Karin', address: { street: null } }, body(PersonInput))).toEqual([
      'address.street must not be null',
    ]);
    expect(
      inputProblems({ name: 'Karin', formerAddresses: [{ street: 'a' }, { street: null }] }, body(PersonInput)),
    ).toEqual(['formerAddresses[1].street must not be null']);
  });

  it('refuses an array where a nested object belongs, and leaves lists of text to the DTO', () => {
    expect(inputProblems({ name: 'Karin', address: [] }, body(PersonInput))).toEqual([
      'address must be a JSON object, not an array',
    ]);
    expect(inputProblems({ name: 'Karin', nicknames: [] }, body(PersonInput))).toEqual([]);
  });

  it('refuses text a database cannot store in a body, a query and a path parameter', () => {
    expect(inputProblems({ name: 'Ka\u0000rin' }, body(PersonInput))).toEqual([
      'name must not contain the NUL character (\\u0000)',
    ]);
    expect(inputProblems({ text: 'a\ud800' }, { type: 'query', metatype: Object })).toEqual([
      'text must be well-formed Unicode text (it holds a lone surrogate)',
    ]);
    expect(inputProblems({ ['a\u0000b']: '1' }, { type: 'query', metatype: Object })).toEqual([
      'query: a field name must not contain the NUL character (\\u0000)',
    ]);
    expect(inputProblems('TEK\u0000', { type: 'param', metatype: String, data: 'code' })).toEqual([
      'code must not contain the NUL character (\\u0000)',
    ]);
  });

  it('refuses a query parameter read on its own when it is given more than once', () => {
    const catalogCode: ArgumentMetadata = { type: 'query', metatype: String, data: 'catalogCode' };
    expect(inputProblems(['pothole', 'noise'], catalogCode)).toEqual(['catalogCode must be given once, not 2 times']);
    expect(inputProblems('pothole', catalogCode)).toEqual([]);
  });

  it('takes an integer path id only as a whole number in the range of an integer column', () => {
    const id: ArgumentMetadata = { type: 'param', metatype: Number, data: 'id' };
    expect(inputProblems('0', id)).toEqual([]);
    expect(inputProblems('2147483647', id)).toEqual([]);
    for (const wrong of ['2147483648', '99999999999999999999', '-1', '1.5', '1e3', 'NaN', ''])
      expect(inputProblems(wrong, id)).toEqual(['id must be a whole number from 0 to 2147483647']);
  });

  it('leaves what a decorator of the app supplies (the signed-in staff member) alone', () => {
    expect(inputProblems({ name: '\u0000' }, { type: 'custom', metatype: Object })).toEqual([]);
  });
});

import { ArgumentMetadata, Type } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import { textProblems } from './input-text';

/** The largest id of an integer column (a notification, an alert): PostgreSQL's `integer`. */
export const MAX_INTEGER_ID = 2_147_483_647;

const PLAIN_TYPES: unknown[] = [String, Number, Boolean, Date, Object, Array, Buffer];

/** What the OpenAPI metadata of a DTO field says: may it be null, is it a nested DTO, a list. */
interface FieldContract {
  nullable?: boolean;
  isArray?: boolean;
  type?: unknown;
}

/**
 * The checks every input gets at the edge, before its DTO's rules, for what no DTO rule
 * catches and what would otherwise reach the database or a service:
 * - text (in a path or query parameter, or anywhere in a body, field names too) that has a
 *   NUL character or a lone surrogate;
 * - a query parameter read on its own (`@Query('name')`) given more than once;
 * - a body that is JSON but not an object (an array, a number, a string, null);
 * - null in a body field the OpenAPI document does not mark nullable, and an array where a
 *   nested object belongs (a null name would reach a NOT NULL column);
 * - an integer path parameter (a notification or alert id) that is not a whole number in the
 *   range of the database's integer column.
 * Answers one message per bad field, named by its path; none when the input passes.
 */
export function inputProblems(value: unknown, metadata: ArgumentMetadata): string[] {
  if (metadata.type === 'custom') return [];
  const { metatype } = metadata;
  const wholeBody = metadata.type === 'body' && !metadata.data && (metatype === Object || isDto(metatype));
  if (wholeBody && value !== undefined && !isPlainObject(value))
    return [`body must be a JSON object, not ${kindOf(value)}`];
  const text = textProblems(value, metadata.data ?? '', metadata.type);
  if (text.length > 0) return text;
  if (metadata.type === 'query' && metadata.data && Array.isArray(value) && metatype !== Array)
    return [`${metadata.data} must be given once, not ${value.length} times`];
  if (metadata.type === 'param' && metatype === Number) return integerIdProblems(value, metadata.data);
  return wholeBody && isDto(metatype) && isPlainObject(value) ? contractProblems(value, metatype, '') : [];
}

function isDto(metatype: unknown): metatype is Type {
  return typeof metatype === 'function' && !PLAIN_TYPES.includes(metatype);
}

function integerIdProblems(value: unknown, name = 'id'): string[] {
  const whole = typeof value === 'string' && /^\d{1,10}$/.test(value) && Number(value) <= MAX_INTEGER_ID;
  return whole ? [] : [`${name} must be a whole number from 0 to ${MAX_INTEGER_ID}`];
}

/** Null and arrays in a body held against its DTO's documented fields, nested DTOs too. */
function contractProblems(body: Record<string, unknown>, dto: Type, path: string): string[] {
  const problems: string[] = [];
  for (const [field, contract] of fieldContracts(dto)) {
    if (!(field in body)) continue;
    const value = body[field];
    const at = path ? `${path}.${field}` : field;
    if (value === null) {
      if (!contract.nullable) problems.push(`${at} must not be null`);
      continue;
    }
    const nested = nestedDto(contract);
    if (!nested) continue;
    if (nested.isArray) {
      if (Array.isArray(value))
        value.forEach((item, index) => {
          if (isPlainObject(item)) problems.push(...contractProblems(item, nested.dto, `${at}[${index}]`));
        });
    } else if (Array.isArray(value)) {
      problems.push(`${at} must be a JSON object, not an array`);
    } else if (isPlainObject(value)) {
      problems.push(...contractProblems(value, nested.dto, at));
    }
  }
  return problems;
}

/** The fields a DTO documents with @ApiProperty, and what each says (mapped types included). */
function fieldContracts(dto: Type): Map<string, FieldContract> {
  const prototype = dto.prototype as object;
  const names = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, prototype) ?? []) as string[];
  const contracts = new Map<string, FieldContract>();
  for (const name of names.map((key) => key.replace(/^:/, ''))) {
    const contract = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, prototype, name) as FieldContract | undefined;
    if (contract) contracts.set(name, contract);
  }
  return contracts;
}

/**
 * The DTO class a field's documented type names, as `Dto`, `[Dto]` with isArray, or lazily as
 * `() => Dto` or `() => [Dto]`; none for plain types.
 */
function nestedDto(contract: FieldContract): { dto: Type; isArray: boolean } | undefined {
  let type = contract.type;
  let isArray = contract.isArray === true;
  if (typeof type === 'function' && type.prototype === undefined) type = (type as () => unknown)();
  if (Array.isArray(type)) {
    isArray = true;
    type = type[0];
  }
  if (!isDto(type) || !Reflect.hasMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, type.prototype as object))
    return undefined;
  return { dto: type, isArray };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

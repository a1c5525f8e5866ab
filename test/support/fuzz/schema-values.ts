import fc from 'fast-check';
import type { OpenApiDocument, Schema } from '../openapi';
import { hostileJson, hostileText, RawBody } from './hostile-input';
import type { FuzzFixtures } from './request-generator';

/** A schema as the document writes it, with the parts the generator reads besides the test's own. */
export interface FuzzSchema extends Omit<Schema, 'properties' | 'items'> {
  properties?: Record<string, FuzzSchema>;
  items?: FuzzSchema;
  example?: unknown;
  minimum?: number;
  maximum?: number;
}

/** Values for the schemas of one document: valid ones, and ones with something hostile in them. */
export class SchemaValues {
  constructor(
    private readonly document: OpenApiDocument,
    private readonly fixtures: FuzzFixtures,
  ) {}

  /** A value the schema describes, preferring values known to exist for the field's name. */
  valid(schema: FuzzSchema | undefined, name: string, depth = 0): fc.Arbitrary<unknown> {
    const resolved = this.resolve(schema);
    const options: Array<fc.Arbitrary<unknown>> = [];
    const known = this.fixtures.byName[name];
    if (known?.length) options.push(fc.constantFrom(...known));
    else if (resolved.enum) options.push(fc.constantFrom(...resolved.enum));
    if (resolved.example !== undefined) options.push(fc.constant(resolved.example));
    if (!resolved.enum || depth > 4) options.push(this.generic(resolved, name, depth));
    return options.length === 1 ? options[0] : fc.oneof(...options);
  }

  /**
   * A value of the schema with one thing wrong: the value itself hostile, or (for an object) one
   * field hostile at any depth, a required field missing or an unknown field added.
   */
  mutated(schema: FuzzSchema | undefined, name: string, depth = 0): fc.Arbitrary<unknown> {
    const resolved = this.resolve(schema);
    const options: Array<fc.WeightedArbitrary<unknown>> = [{ weight: 2, arbitrary: hostileJson() }];
    const fields = this.fieldsOf(resolved);
    if (Object.keys(fields).length && depth < 3) {
      const base = this.valid(resolved, name, depth).filter(isRecord);
      options.push({
        weight: 4,
        arbitrary: fc
          .tuple(base, fc.constantFrom(...Object.keys(fields)))
          .chain(([value, field]) =>
            this.mutated(fields[field], field, depth + 1).map((wrong) => ({ ...value, [field]: wrong })),
          ),
      });
      options.push({
        weight: 1,
        arbitrary: fc
          .tuple(base, fc.constantFrom(...Object.keys(fields)))
          .map(([value, field]) => Object.fromEntries(Object.entries(value).filter(([key]) => key !== field))),
      });
      options.push({
        weight: 1,
        arbitrary: fc
          .tuple(base, hostileText(), hostileJson())
          .map(([value, key, wrong]) => ({ ...value, [key]: wrong })),
      });
    }
    if (resolved.type === 'array' && depth < 3)
      options.push({ weight: 1, arbitrary: fc.array(this.mutated(resolved.items, name, depth + 1), { maxLength: 3 }) });
    return fc.oneof(...options);
  }

  /** A file of lines (NDJSON, or CSV with a header row) built from the example line, lines made hostile. */
  lines(
    schema: FuzzSchema,
    mediaType: 'application/x-ndjson' | 'text/csv',
    kind: 'valid' | 'hostile',
  ): fc.Arbitrary<RawBody> {
    const example = this.resolve(schema).example;
    const record = (typeof example === 'string' ? (JSON.parse(example) as unknown) : example) as Record<
      string,
      unknown
    >;
    const fieldSchema: FuzzSchema = { type: 'object', properties: {}, example: record };
    for (const field of Object.keys(record)) fieldSchema.properties![field] = { example: record[field] };
    const line =
      kind === 'valid'
        ? this.valid(fieldSchema, 'line')
        : fc.oneof(
            { weight: 2, arbitrary: this.valid(fieldSchema, 'line') },
            { weight: 3, arbitrary: this.mutated(fieldSchema, 'line') },
            { weight: 1, arbitrary: hostileText() },
          );
    const count = fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 0, max: 12 }) },
      { weight: 1, arbitrary: fc.constant(3_000) },
    );
    return fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 12 }), count)
      .map(([lines, total]) => Array.from({ length: total }, (_, index) => lines[index % lines.length]))
      .map((lines) => ({
        kind: mediaType,
        headers: { 'content-type': mediaType },
        body: mediaType === 'text/csv' ? toCsv(Object.keys(record), lines) : lines.map(toNdjsonLine).join('\n'),
      }));
  }

  private generic(schema: FuzzSchema, name: string, depth: number): fc.Arbitrary<unknown> {
    const low = schema.minimum ?? 0;
    const high = schema.maximum ?? Math.max(low, 100);
    switch (schema.type) {
      case 'integer':
        return fc.integer({ min: low, max: high });
      case 'number':
        return fc.oneof(
          { weight: 4, arbitrary: fc.integer({ min: Math.ceil(low), max: Math.floor(high) }) },
          { weight: 1, arbitrary: fc.double({ min: low, max: high, noNaN: true }) },
        );
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(this.valid(schema.items, name, depth + 1), { maxLength: 4 });
      case 'string':
        if (schema.format === 'date-time' || /At$|^(from|to)$/.test(name)) return instant();
        if (/email/i.test(name)) return fc.emailAddress();
        if (/Id$|^id$/.test(name)) return fc.uuid();
        return fc.string({ minLength: 1, maxLength: 30 });
      default: {
        const fields = this.fieldsOf(schema);
        if (!Object.keys(fields).length || depth > 4)
          return fc.constant(isRecord(schema.example) ? schema.example : {});
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [field, fieldSchema] of Object.entries(fields))
          record[field] = this.valid(fieldSchema, field, depth + 1);
        return fc.record(record, { requiredKeys: (schema.required ?? []).filter((field) => field in fields) });
      }
    }
  }

  /** The fields of an object schema; for one described by its example only, the example's fields. */
  private fieldsOf(schema: FuzzSchema): Record<string, FuzzSchema> {
    if (schema.properties && Object.keys(schema.properties).length) return schema.properties;
    if (isRecord(schema.example))
      return Object.fromEntries(Object.entries(schema.example).map(([field, value]) => [field, { example: value }]));
    return {};
  }

  private resolve(schema: FuzzSchema | undefined): FuzzSchema {
    if (!schema) return {};
    if (schema.$ref) return this.resolve(this.document.components.schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length === 1)
      return this.resolve({ ...(schema.allOf[0] as FuzzSchema), ...schema, allOf: undefined });
    return schema;
  }
}

/** An ISO 8601 instant: mostly near today, sometimes anywhere in years 0001-9999 (valid, and far apart). */
function instant(): fc.Arbitrary<string> {
  const near = { min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true };
  const anywhere = {
    min: new Date('0001-01-01T00:00:00Z'),
    max: new Date('9999-12-31T23:59:59Z'),
    noInvalidDate: true,
  };
  return fc
    .oneof({ weight: 4, arbitrary: fc.date(near) }, { weight: 1, arbitrary: fc.date(anywhere) })
    .map((date) => date.toISOString());
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toNdjsonLine(line: unknown): string {
  return typeof line === 'string' ? line.replace(/\n/g, ' ') : (JSON.stringify(line) ?? 'null');
}

function toCsv(header: string[], lines: unknown[]): string {
  const cell = (value: unknown) => {
    const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
    return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = lines.map((line) =>
    (isRecord(line) ? header.map((field) => cell(line[field])) : [cell(line)]).join(','),
  );
  return [header.join(','), ...rows].join('\n');
}

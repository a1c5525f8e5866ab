import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import request from 'supertest';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC } from '../../src/auth/public.decorator';
import { REQUIRED_ROLES } from '../../src/auth/roles.decorator';

/** The parts of an OpenAPI 3.0 document the tests read. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  allOf?: Schema[];
}

export interface Operation {
  parameters?: Array<{ name: string; in: string; schema?: Schema }>;
  requestBody?: unknown;
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema?: Schema }>; headers?: Record<string, unknown> }
  >;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** One route the running app serves, as its controllers declare it. */
export interface Route {
  /** `get /api/v1/cases/{id}`: the method and the path as the OpenAPI document writes them. */
  key: string;
  method: string;
  path: string;
  isPublic: boolean;
  roles: string[] | undefined;
  /** The status of a success: @HttpCode, else 201 for POST and 200 for the rest. */
  status: number;
}

/** Every route of the app's controllers, read from their metadata (not from the document). */
export function routesOf(app: INestApplication): Route[] {
  const routes = new Map<string, Route>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const own = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (requestMethod === undefined || own === undefined) continue;
        const method = RequestMethod[requestMethod].toLowerCase();
        const path = `/${[base, own].join('/')}`
          .replace(/\/+/g, '/')
          .replace(/(.)\/$/, '$1')
          .replace(/:(\w+)/g, '{$1}');
        const metadata = <T>(key: string) =>
          (Reflect.getMetadata(key, handler) as T | undefined) ??
          (Reflect.getMetadata(key, controller) as T | undefined);
        const status =
          (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === 'post' ? 201 : 200);
        routes.set(`${method} ${path}`, {
          key: `${method} ${path}`,
          method,
          path,
          isPublic: metadata<boolean>(IS_PUBLIC) === true,
          roles: metadata<string[]>(REQUIRED_ROLES),
          status,
        });
      }
    }
  }
  return [...routes.values()];
}

export function operationsOf(document: OpenApiDocument): Array<{ key: string; path: string; operation: Operation }> {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ key: `${method} ${path}`, path, operation })),
  );
}

/**
 * What is wrong with a value held against a schema of the document: a missing required field,
 * a field the schema does not name, a wrong type, a value outside its enum. Empty when it fits.
 */
export function schemaProblems(document: OpenApiDocument, schema: Schema, value: unknown, at = '$'): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return schemaProblems(document, document.components.schemas[name], value, at);
  }
  if (value === null) return schema.nullable ? [] : [`${at}: null, but not nullable`];
  if (schema.allOf) return schema.allOf.flatMap((part) => schemaProblems(document, part, value, at));
  if (schema.oneOf) {
    const fits = schema.oneOf.filter((option) => schemaProblems(document, option, value, at).length === 0);
    return fits.length === 1 ? [] : [`${at}: fits ${fits.length} of the oneOf schemas, not exactly one`];
  }
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} is not in the enum`];
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return [`${at}: not a string`];
      if (schema.format === 'date-time' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value))
        return [`${at}: ${value} is not a UTC instant`];
      return [];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: not a number`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: not an integer`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: not a boolean`];
    case 'array':
      if (!Array.isArray(value)) return [`${at}: not an array`];
      return value.flatMap((item, index) => schemaProblems(document, schema.items ?? {}, item, `${at}[${index}]`));
    case 'object':
    case undefined: {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
      const record = value as Record<string, unknown>;
      const properties = schema.properties ?? {};
      const problems = (schema.required ?? [])
        .filter((name) => !(name in record))
        .map((name) => `${at}.${name}: required, but missing`);
      for (const [name, field] of Object.entries(record)) {
        const declared = properties[name];
        if (declared) problems.push(...schemaProblems(document, declared, field, `${at}.${name}`));
        else if (typeof schema.additionalProperties === 'object')
          problems.push(...schemaProblems(document, schema.additionalProperties, field, `${at}.${name}`));
        else if (schema.additionalProperties !== true) problems.push(`${at}.${name}: not in the schema`);
      }
      return problems;
    }
    default:
      return [];
  }
}

/** The app's OpenAPI document, as `/docs-json` serves it. */
export async function fetchOpenApiDocument(app: { http: () => ReturnType<typeof request> }): Promise<OpenApiDocument> {
  return (await app.http().get('/docs-json').expect(200)).body as OpenApiDocument;
}

import { ApiClient } from './support/api-client';
import { CreatedCase } from './support/api-types';
import { fetchOpenApiDocument, OpenApiDocument, Schema } from './support/openapi';
import { createTestApp, TestApp } from './support/test-app';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Every operation of the staff API, walked as a service-center agent and as a handler of another
 * department against one confidential case: no answer, whatever its status, carries the case's
 * description, address, citizen or the contact behind it, nor names its catalog type beside it.
 * Then walked as the owning department's handler: every answer that shows the content is a read
 * in the access log. The operations come from the OpenAPI document, so a new endpoint is walked
 * the day it is added.
 */
describe('no operation leaks a confidential case', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let agent: ApiClient;
  let tek: ApiClient;
  let soc: ApiClient;
  let admin: ApiClient;
  let secret: CreatedCase;
  let contactId: string;
  /** Values for the path parameters, by path prefix and name. */
  let ids: Record<string, string>;

  const SECRETS = {
    description: 'Skuld till hyresvärden efter sjukskrivning',
    address: 'Hemligstigen 9',
    name: 'Vera Lönn',
    email: 'vera.lonn@example.se',
    phone: '070-555 66 77',
    contactSummary: 'Berättade om sjukskrivning och hyresskuld',
  };
  const CATALOG_CODE = 'income_support';

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-09-01T07:00:00Z' });
    document = await fetchOpenApiDocument(t);
    [agent, tek, soc, admin] = await ApiClient.loginAll(
      t,
      'agent@demo.local',
      'handler@demo.local',
      'handler.soc@demo.local',
      'admin@demo.local',
    );
    await admin.putDepartmentWebhook('SOC', { url: 'http://127.0.0.1:9/hook', secret: 'a-long-enough-secret-value' });
    contactId = (
      await agent.logContact({ channel: 'phone', summary: SECRETS.contactSummary, outcome: 'callback_promised' })
    ).id;
    secret = await agent.createCase({
      description: SECRETS.description,
      catalogCode: CATALOG_CODE,
      contactId,
      citizen: { name: SECRETS.name, email: SECRETS.email, phone: SECRETS.phone },
      location: { address: SECRETS.address },
    });
    await agent.act(secret.id, 'route');
    const [notification] = await soc.caseNotifications(secret.id);
    const [delivery] = (await admin.webhookDeliveries({ caseId: secret.id })).items;
    ids = {
      cases: secret.id,
      contacts: contactId,
      departments: 'SOC',
      catalog: CATALOG_CODE,
      notifications: String(notification.id),
      deliveries: delivery.id,
    };
  });
  afterAll(() => t.close());

  /** Every operation, with its path parameters filled in for the confidential case (one call per action). */
  function operations(): Array<{ method: Method; path: string; template: string }> {
    const result: Array<{ method: Method; path: string; template: string }> = [];
    for (const [template, byMethod] of Object.entries(document.paths)) {
      for (const method of Object.keys(byMethod) as Method[]) {
        const actions = template.includes('{action}')
          ? (byMethod[method].parameters?.find((parameter) => parameter.name === 'action')?.schema?.enum ?? [])
          : [null];
        for (const action of actions) {
          const path = template
            .replace('{action}', String(action))
            .replace(/\/(\w[\w-]*)\/\{(\w+)\}/g, (_match, prefix: string) => `/${prefix}/${ids[prefix] ?? '1'}`);
          result.push({ method, path, template });
        }
      }
    }
    return result;
  }

  /**
   * A body and query that aim each operation at the confidential case: of the values below, those
   * the operation declares (an undeclared field would only be refused by validation).
   */
  function request(method: Method, template: string): { body?: object; query: Record<string, string> } {
    const operation = document.paths[template][method];
    const aims: Record<string, unknown> = {
      text: 'sjukskrivning',
      catalogCode: CATALOG_CODE,
      departmentCode: 'SOC',
      caseId: secret.id,
      // A rating is of a case or of a contact: the case, here.
      contactId: template.endsWith('/ratings') ? undefined : contactId,
      from: '2026-01-01T00:00:00Z',
      to: '2027-01-01T00:00:00Z',
      reason: 'Prövning',
      body: 'Prövning',
      duplicateOf: secret.reference,
      description: 'Prövning',
      channel: 'phone',
      summary: 'Prövning',
      outcome: 'answered',
      reached: true,
      ease: 3,
    };
    const query = Object.fromEntries(
      (operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'query' && aims[parameter.name] !== undefined)
        .map((parameter) => [parameter.name, String(aims[parameter.name])]),
    );
    const schema = requestSchema(operation);
    const body = schema
      ? Object.fromEntries(
          Object.keys(schema.properties ?? {}).flatMap((name) => (name in aims ? [[name, aims[name]]] : [])),
        )
      : undefined;
    return { body, query };
  }

  /** The JSON schema of an operation's request body, with a $ref resolved. */
  function requestSchema(operation: OpenApiDocument['paths'][string][string]): Schema | undefined {
    const content = (operation.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content;
    const schema = content?.['application/json']?.schema;
    if (!schema?.$ref) return schema;
    return document.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
  }

  /** What an answer must not say: the content, and the catalog type where the case is named. */
  function leaks(text: string): string[] {
    const found = Object.entries(SECRETS)
      .filter(([, value]) => text.includes(value))
      .map(([field]) => field);
    const namesTheCase = text.includes(secret.id) || text.includes(secret.reference);
    if (namesTheCase && text.includes(CATALOG_CODE)) found.push('catalogCode');
    return found;
  }

  it.each([
    ['a service-center agent', 'agent'],
    ['a handler of another department', 'tek'],
  ] as const)('leaks nothing to %s, on any operation', async (_who, key) => {
    const caller = { agent, tek }[key];
    const me = await caller.me();
    const problems: string[] = [];
    const walked = operations();
    for (const { method, path, template } of walked) {
      const { body, query } = request(method, template);
      const response = await caller.send(method, path, { body, query }).response();
      const found = leaks(response.text ?? '');
      if (found.length) problems.push(`${method.toUpperCase()} ${path} (${response.status}): ${found.join(', ')}`);
    }
    expect(problems).toEqual([]);
    expect(walked.length).toBeGreaterThan(80);
    // Nothing was read, so nothing is logged as read by them.
    expect((await admin.accessLog(secret.id)).filter((read) => read.userId === me.id)).toEqual([]);
    expect(await soc.getCase(secret.id)).toMatchObject({ status: 'routed', description: SECRETS.description });
  });

  it("logs every answer that shows the case's content to its own department as a read", async () => {
    const me = await soc.me();
    const unlogged: string[] = [];
    for (const { method, path, template } of operations().filter((operation) => operation.method === 'get')) {
      const before = (await admin.accessLog(secret.id)).filter((read) => read.userId === me.id).length;
      const { query } = request(method, template);
      const response = await soc.send(method, path, { query }).response();
      if (!(response.text ?? '').includes(SECRETS.description)) continue;
      const after = (await admin.accessLog(secret.id)).filter((read) => read.userId === me.id).length;
      if (after <= before) unlogged.push(`GET ${path}`);
    }
    expect(unlogged).toEqual([]);
    const kinds = new Set((await admin.accessLog(secret.id)).map((read) => read.access));
    expect([...kinds].sort()).toEqual(['list', 'read', 'timeline']);
  });
});

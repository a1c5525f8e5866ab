import type { FuzzFixtures } from './request-generator';

/** One JSON call as an admin, answering the status and the parsed body; the test and the bench script each bring theirs. */
export type AdminCall = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;

type Row = Record<string, unknown>;

/**
 * Makes one of each thing an operation can name (a case, a contact owing a callback, an area
 * rule, a routing override, a service-target policy) and collects what exists, so that the
 * generated requests reach past "not found" into the services.
 */
export async function prepareFixtures(call: AdminCall): Promise<FuzzFixtures> {
  const list = async (path: string): Promise<Row[]> => {
    const { status, body } = await call('get', path);
    if (status !== 200) throw new Error(`GET ${path} answered ${status}`);
    return (Array.isArray(body) ? body : ((body as { items: Row[] }).items ?? [])) as Row[];
  };
  const create = async (path: string, body: unknown): Promise<Row> => {
    const answer = await call('post', path, body);
    if (answer.status >= 300) throw new Error(`POST ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body as Row;
  };

  const contact = await create('/api/v1/contacts', {
    channel: 'phone',
    summary: 'Vill bli uppringd om bygglov',
    outcome: 'callback_promised',
    citizen: { name: 'Karin Lind', email: 'karin.lind@example.se', phone: '070-123 45 67' },
  });
  await create('/api/v1/cases', {
    description: 'Gatlampan utanför Storgatan 12 är släckt',
    catalogCode: 'street_light',
    citizen: { name: 'Karin Lind', email: 'karin.lind@example.se' },
    contactId: contact.id,
  });
  await create('/api/v1/cases', { description: 'Fråga om sophämtning', resolvedOnSpot: true, resolution: 'Svarat' });
  await create('/api/v1/routing/area-rules', {
    catalogCode: 'street_light',
    postalCodePrefix: '135',
    departmentCode: 'TEK',
  });
  await create('/api/v1/routing/overrides', { catalogCode: 'pothole', departmentCode: 'TEK', reason: 'Prov' });
  await create('/api/v1/service-targets/policies', {
    catalogCode: 'pothole',
    channel: 'web',
    priority: 'high',
    resolution: { value: 5, unit: 'working_days' },
  });

  const codes = (rows: Row[]) => rows.map((row) => String(row.code));
  const ids = (rows: Row[]) => rows.map((row) => String(row.id));
  const cases = await list('/api/v1/cases?limit=20');
  const fixtures = {
    departments: codes(await list('/api/v1/departments')),
    catalog: codes(await list('/api/v1/catalog?includeInactive=true')),
    servicePoints: codes(await list('/api/v1/service-points')),
    cases: [...ids(cases), ...cases.map((row) => String(row.reference))],
    contacts: ids(await list('/api/v1/contacts?limit=20')),
    policies: ids(await list('/api/v1/service-targets/policies')),
    areaRules: ids(await list('/api/v1/routing/area-rules')),
    overrides: ids(await list('/api/v1/routing/overrides')),
    alerts: ids(await list('/api/v1/service-targets/alerts')),
    notifications: ids(await list('/api/v1/notifications')),
    deliveries: ids(await list('/api/v1/webhooks/deliveries')),
  };
  return {
    byCollection: {
      departments: fixtures.departments,
      catalog: fixtures.catalog,
      cases: fixtures.cases,
      contacts: fixtures.contacts,
      policies: fixtures.policies,
      'area-rules': fixtures.areaRules,
      overrides: fixtures.overrides,
      alerts: fixtures.alerts.length ? fixtures.alerts : ['1'],
      notifications: fixtures.notifications.length ? fixtures.notifications : ['1'],
      deliveries: fixtures.deliveries,
    },
    byName: {
      departmentCode: fixtures.departments,
      catalogCode: fixtures.catalog,
      servicePointCode: fixtures.servicePoints,
      caseId: fixtures.cases.slice(0, 20),
      contactId: fixtures.contacts,
      duplicateOf: fixtures.cases,
      department: fixtures.departments,
      email: ['agent@demo.local', 'admin@demo.local', 'karin.lind@example.se'],
      password: ['demo-password'],
    },
  };
}

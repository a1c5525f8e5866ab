import { DataSource } from 'typeorm';
import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

const ndjson = (lines: Array<object | string>) =>
  lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n';

const streetLight = {
  externalId: 'LEG-1001',
  receivedAt: '2021-03-05T08:15:00Z',
  firstResponseAt: '2021-03-05T10:00:00Z',
  resolvedAt: '2021-03-08T14:30:00Z',
  closedAt: '2021-03-09T07:00:00Z',
  departmentCode: 'TEK',
  catalogCode: 'street_light',
  channel: 'phone',
  description: 'Gatlampan vid Storgatan 12 är släckt',
  status: 'closed',
};
// 23:30 UTC on New Year's Eve is already 2022 in Stockholm, where the reference year is counted.
const waterLeak = {
  externalId: 'LEG-1002',
  receivedAt: '2021-12-31T23:30:00Z',
  departmentCode: 'VA',
  catalogCode: 'water_leak',
  channel: 'web',
  description: 'Vattenläcka på Ekbacksvägen',
  status: 'in_progress',
};
const pothole = {
  externalId: 'LEG-1003',
  receivedAt: '2021-06-01T09:00:00+02:00',
  firstResponseAt: '2021-06-01T09:30:00Z',
  resolvedAt: '2021-06-02T12:00:00Z',
  departmentCode: 'TEK',
  catalogCode: 'pothole',
  channel: 'email',
  description: 'Potthål i korsningen',
  status: 'resolved',
};

describe('historical case import (POST /api/v1/import/cases)', () => {
  let t: TestApp;
  let admin: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ now: '2025-06-01T10:00:00Z' });
    admin = await ApiClient.login(t, 'admin@demo.local');
  });
  afterAll(() => t.close());

  const importFile = (body: string, contentType?: string) => admin.importCases(body, contentType);
  const listCases = (from: string, to: string) => admin.listCases({ from, to, limit: 500 });

  it('imports NDJSON keeping the original times, numbering by the Stockholm year received, listed with source import', async () => {
    expect(await importFile(ndjson([streetLight, waterLeak, pothole]))).toEqual({
      imported: 3,
      rejected: [],
      rejectedCount: 0,
    });

    const listed = await listCases('2021-01-01T00:00:00Z', '2022-01-01T00:00:00Z');
    expect(listed.total).toBe(3);
    const byReference = Object.fromEntries(listed.items.map((item) => [item.reference, item]));
    expect(byReference['2021-000001']).toMatchObject({
      status: 'closed',
      source: 'import',
      departmentCode: 'TEK',
      catalogCode: 'street_light',
      channel: 'phone',
      priority: 'normal',
      description: 'Gatlampan vid Storgatan 12 är släckt',
      receivedAt: '2021-03-05T08:15:00.000Z',
      firstResponseAt: '2021-03-05T10:00:00.000Z',
      resolvedAt: '2021-03-08T14:30:00.000Z',
      closedAt: '2021-03-09T07:00:00.000Z',
    });
    expect(byReference['2021-000002']).toMatchObject({
      status: 'resolved',
      receivedAt: '2021-06-01T07:00:00.000Z',
      resolvedAt: '2021-06-02T12:00:00.000Z',
      closedAt: null,
    });
    expect(byReference['2022-000001']).toMatchObject({
      status: 'in_progress',
      priority: 'urgent',
      departmentCode: 'VA',
      receivedAt: '2021-12-31T23:30:00.000Z',
      firstResponseAt: null,
    });

    const timeline = await admin.timeline(byReference['2021-000001'].id);
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({
      type: 'created',
      toStatus: 'closed',
      at: '2021-03-05T08:15:00.000Z',
      data: { imported: true, externalId: 'LEG-1001' },
    });
  });

  it('imports nothing from a file with three bad lines and names exactly those lines with their errors', async () => {
    const good = (n: number) => ({
      ...streetLight,
      externalId: `MIX-${n}`,
      receivedAt: '2020-02-03T08:00:00Z',
      firstResponseAt: '2020-02-03T09:00:00Z',
      resolvedAt: '2020-02-04T09:00:00Z',
      closedAt: '2020-02-05T09:00:00Z',
    });
    const body = ndjson([
      good(1),
      { ...good(2), receivedAt: '03/02/2020 08:00' },
      good(3),
      '',
      '{"externalId": "MIX-5", ',
      good(6),
      { ...good(7), departmentCode: 'XYZ', status: 'resolved', closedAt: null, resolvedAt: null },
      good(8),
    ]);
    expect(await importFile(body)).toEqual({
      imported: 0,
      rejectedCount: 3,
      rejected: [
        {
          line: 2,
          errors: [
            'receivedAt: must be a date and time, such as 2024-03-05T08:15:00Z or 2024-03-05 09:15 (local time); got "03/02/2020 08:00"',
          ],
        },
        { line: 5, errors: [expect.stringMatching(/^not valid JSON: /)] },
        {
          line: 7,
          errors: ['departmentCode: unknown department "XYZ"', 'resolvedAt: is required when status is resolved'],
        },
      ],
    });
    expect((await listCases('2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z')).total).toBe(0);

    // Nothing was taken from the 2020 counter either: the corrected file starts at 2020-000001.
    const corrected = ndjson([1, 2, 3, 6, 7, 8].map(good));
    expect(await importFile(corrected)).toEqual({ imported: 6, rejected: [], rejectedCount: 0 });
    const references = (await listCases('2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z')).items
      .map((item) => item.reference)
      .sort();
    expect(references).toEqual([
      '2020-000001',
      '2020-000002',
      '2020-000003',
      '2020-000004',
      '2020-000005',
      '2020-000006',
    ]);
  });

  it('refuses external ids imported before or repeated within the file', async () => {
    const again = { ...streetLight, externalId: 'LEG-1001' };
    const repeated = { ...pothole, externalId: 'NEW-1' };
    expect(await importFile(ndjson([again, repeated, repeated]))).toEqual({
      imported: 0,
      rejectedCount: 2,
      rejected: [
        { line: 1, errors: ['externalId: "LEG-1001" was imported before, as case 2021-000001'] },
        { line: 3, errors: ['externalId: "NEW-1" is also on line 2'] },
      ],
    });
  });

  it('imports CSV with a header row, quoted fields and semicolons as a Swedish spreadsheet writes them', async () => {
    const csv = [
      'externalId;receivedAt;firstResponseAt;resolvedAt;closedAt;departmentCode;catalogCode;channel;description;status',
      'CSV-1;2019-05-06T07:00:00Z;;;;SBF;building_permit;visit;"Fråga om bygglov; ""attefall"" på\nLövuddsvägen 3";new',
      '',
      'CSV-2;2019-05-07T07:00:00Z;2019-05-07T08:00:00Z;2019-05-08T08:00:00Z;;TEK;pothole;letter;Hål i vägen;resolved',
    ].join('\r\n');
    expect(await importFile(csv, 'text/csv; charset=utf-8')).toEqual({ imported: 2, rejected: [], rejectedCount: 0 });
    const listed = await listCases('2019-01-01T00:00:00Z', '2020-01-01T00:00:00Z');
    const permit = listed.items.find((item) => item.reference === '2019-000001');
    expect(permit).toMatchObject({
      description: 'Fråga om bygglov; "attefall" på\nLövuddsvägen 3',
      status: 'new',
      channel: 'visit',
      source: 'import',
      firstResponseAt: null,
    });
    expect(listed.items.find((item) => item.reference === '2019-000002')).toMatchObject({
      status: 'resolved',
      resolvedAt: '2019-05-08T08:00:00.000Z',
    });

    const bad =
      'externalId,receivedAt,departmentCode,catalogCode,channel,description,status\nCSV-3,2019-05-06T07:00:00Z,TEK,pothole,phone,"Hål",new\n\nCSV-4,2019-05-06T07:00:00Z,TEK,pothole,pigeon,"Hål",new,extra\nCSV-5,2019-05-06T07:00:00Z,TEK,pothole,pigeon,Hål,new\n';
    expect(await importFile(bad, 'text/csv')).toEqual({
      imported: 0,
      rejectedCount: 2,
      rejected: [
        { line: 4, errors: ['has 8 fields but the header has 7'] },
        { line: 5, errors: ['channel: must be one of phone, visit, email, web, letter, social, app; got "pigeon"'] },
      ],
    });
  });

  it('refuses a CSV file whose header does not name the columns, as a whole', async () => {
    const response = await importFile(
      'externalId,received,status\nX,2019-01-01T00:00:00Z,new\n',
      'text/csv',
    ).expectStatus(400);
    expect(response.body.message).toEqual([
      'header: unknown column "received"; the columns are externalId, receivedAt, firstResponseAt, resolvedAt, closedAt, departmentCode, catalogCode, channel, description, status',
      'header: missing column "receivedAt"',
      'header: missing column "departmentCode"',
      'header: missing column "catalogCode"',
      'header: missing column "channel"',
      'header: missing column "description"',
    ]);
  });

  it('starts no routing, notification or outbox work for imported cases', async () => {
    const dataSource = t.app.get(DataSource);
    const imported: Array<{ id: string }> = await dataSource.query("SELECT id FROM cases WHERE source = 'import'");
    expect(imported.length).toBe(11); // 3 + 6 + 2 from the tests above
    const events: Array<{ type: string }> = await dataSource.query(
      "SELECT e.type FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.source = 'import'",
    );
    expect(events.map((event) => event.type)).toEqual(imported.map(() => 'created'));
    const runner = dataSource.createQueryRunner();
    try {
      // The outbox holds every job that follows from a change (route:<caseId>, ...): none may name an imported case.
      if (await runner.hasTable('outbox')) {
        const jobs: Array<{ job_key: string; payload: string }> = await dataSource.query(
          'SELECT job_key, payload FROM outbox',
        );
        const mentions = jobs.filter((job) => imported.some(({ id }) => `${job.job_key} ${job.payload}`.includes(id)));
        expect(mentions).toEqual([]);
      }
    } finally {
      await runner.release();
    }
  });

  it('imports a file larger than one insert batch with gap-free references', async () => {
    const lines = Array.from({ length: 1234 }, (_, i) => ({
      ...waterLeak,
      externalId: `BULK-${i}`,
      receivedAt: new Date(Date.UTC(2018, 0, 2) + i * 600_000).toISOString(),
    }));
    expect(await importFile(ndjson(lines))).toEqual({ imported: 1234, rejected: [], rejectedCount: 0 });
    const rows: Array<{ reference: string }> = await t.app
      .get(DataSource)
      .query("SELECT reference FROM cases WHERE reference LIKE '2018-%' ORDER BY reference");
    expect(rows.map((row) => row.reference)).toEqual(lines.map((_, i) => `2018-${String(i + 1).padStart(6, '0')}`));
  });

  it('is for admins, and only for NDJSON or CSV', async () => {
    const body = ndjson([{ ...pothole, externalId: 'AUTH-1' }]);
    await ApiClient.anonymous(t).importCases(body).expectStatus(401);
    const manager = await ApiClient.login(t, 'manager@demo.local');
    await manager.importCases(body).expectStatus(403);
    const refused = await importFile(body, 'text/plain').expectStatus(415);
    expect(refused.body.message).toBe(
      'Content-Type must be application/x-ndjson or application/ndjson or application/jsonl or application/x-jsonlines or text/csv; got "text/plain"',
    );
  });
});

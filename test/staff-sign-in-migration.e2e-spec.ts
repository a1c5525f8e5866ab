import { DataSource } from 'typeorm';
import { StaffSignInWithIdentityProvider1765000000000 as Migration } from '../src/database/migrations/1765000000000-staff-sign-in-with-identity-provider';
import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The migration for sign-in through an identity provider changes `staff_users` under staff who
 * already work: SQLite rebuilds the table, and a careless column change on PostgreSQL would drop
 * the password hashes and add an empty column. Reverted and applied again over the demo staff,
 * every log-in, role and department is still there.
 */
describe(`the migration for sign-in through an identity provider (${process.env.TEST_DATABASE})`, () => {
  let t: TestApp;
  let dataSource: DataSource;
  beforeAll(async () => {
    t = await createTestApp();
    dataSource = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('keeps every password, role and department when reverted and applied again', async () => {
    const handlerBefore = await (await ApiClient.login(t, 'handler@demo.local')).me();
    const runner = dataSource.createQueryRunner();
    try {
      // As TypeORM applies migrations: foreign keys off on SQLite while tables are rebuilt.
      await runner.beforeMigration();
      await new Migration().down(runner);
      await new Migration().up(runner);
      await runner.afterMigration();
    } finally {
      await runner.release();
    }

    const anonymous = ApiClient.anonymous(t);
    for (const email of ['agent@demo.local', 'handler@demo.local', 'manager@demo.local', 'admin@demo.local'])
      await anonymous.logIn(email, 'demo-password');
    const handler = ApiClient.withToken(t, (await anonymous.logIn('handler@demo.local', 'demo-password')).accessToken);
    expect(await handler.me()).toEqual({ ...handlerBefore, role: 'handler', departmentCodes: ['TEK'] });
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    expect(upQueries.map((query) => query.query)).toEqual([]);
  });
});

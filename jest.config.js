/**
 * Three projects: the unit tests beside the domain code, and the e2e tests under
 * test/ run twice, once on SQLite and once on PostgreSQL. TEST_DATABASES=sqlite
 * (or postgres) runs the e2e tests on one database only.
 */
const transform = { '^.+\\.ts$': ['ts-jest', {}] };
const databases = (process.env.TEST_DATABASES || 'sqlite,postgres').split(',');

const e2e = (database) => ({
  displayName: `e2e-${database}`,
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  setupFiles: [`<rootDir>/test/support/env-${database}.ts`],
  transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
});

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      transform,
      moduleFileExtensions: ['ts', 'js', 'json'],
    },
    ...databases.map(e2e),
  ],
};

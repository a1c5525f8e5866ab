/**
 * Three projects: the unit tests beside the domain code, and the e2e tests under
 * test/ run twice, once on SQLite and once on PostgreSQL. TEST_DATABASES=sqlite
 * (or postgres) runs the e2e tests on one database only.
 *
 * The app is CommonJS and loads the ESM-only packages below with require(), which Node
 * 20.19 and later do natively. Jest's module loader cannot: it compiles these packages to
 * CommonJS on their way in (see docs/sign-in.md, "How the client library is loaded").
 */
const ESM_ONLY_PACKAGES = ['openid-client', 'oauth4webapi', 'jose', 'oidc-provider'];
const transform = {
  '^.+\\.ts$': ['ts-jest', {}],
  '^.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true } }],
};
const transformIgnorePatterns = [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`];
const databases = (process.env.TEST_DATABASES || 'sqlite,postgres').split(',');

const e2e = (database) => ({
  displayName: `e2e-${database}`,
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  // The console's browser tests (test/browser/) run on SQLite only: the pages call the same
  // services on either database, and a browser per file is the slowest part of the suite.
  testPathIgnorePatterns: database === 'postgres' ? ['/node_modules/', '<rootDir>/test/browser/'] : ['/node_modules/'],
  setupFiles: [`<rootDir>/test/support/env-${database}.ts`],
  transform,
  transformIgnorePatterns,
  moduleFileExtensions: ['ts', 'js', 'json'],
});

module.exports = {
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/support/global-setup.js',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      transform,
      transformIgnorePatterns,
      moduleFileExtensions: ['ts', 'js', 'json'],
    },
    ...databases.map(e2e),
  ],
};

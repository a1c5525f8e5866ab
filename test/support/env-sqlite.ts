// e2e tests on SQLite: each test file gets its own database file (see test-app.ts).
delete process.env.DATABASE_URL;
process.env.NODE_ENV = 'test';
process.env.TEST_DATABASE = 'sqlite';

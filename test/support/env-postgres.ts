// e2e tests on PostgreSQL: each test file gets its own database, created from this server (see test-app.ts).
process.env.DATABASE_URL = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';
process.env.NODE_ENV = 'test';
process.env.TEST_DATABASE = 'postgres';

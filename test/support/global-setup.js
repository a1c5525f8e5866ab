// Before any test: make sure the servers the e2e tests need are there, creating PostgreSQL's
// test database on a fresh machine, and say in one line what is missing when they are not.
const { Client } = require('pg');
const { createConnection } = require('node:net');

module.exports = async function globalSetup(globalConfig) {
  const databases = (process.env.TEST_DATABASES || 'sqlite,postgres').split(',');
  const selected = globalConfig.selectProjects;
  if (selected && !selected.some((name) => name.startsWith('e2e'))) return;
  if (databases.includes('postgres'))
    await ensurePostgres(process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test');
  await ensureReachable(
    process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379',
    'Redis (the BullMQ tests)',
    'start redis-server',
  );
};

async function ensurePostgres(url) {
  try {
    await query(url, 'SELECT 1');
  } catch (error) {
    if (error.code !== '3D000') {
      throw oneLine(
        `e2e tests on PostgreSQL need a server at ${redact(url)} (${error.code || error.message}): start one with trust auth for its user, or run TEST_DATABASES=sqlite npm test`,
      );
    }
    const name = new URL(url).pathname.slice(1);
    const maintenance = new URL(url);
    maintenance.pathname = '/postgres';
    await query(maintenance.toString(), `CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  }
}

async function query(url, sql) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function ensureReachable(url, what, how) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: hostname, port: Number(port) }, () => {
      socket.end();
      resolve();
    });
    socket.setTimeout(3000, () => socket.destroy(new Error('timed out')));
    socket.on('error', (error) =>
      reject(oneLine(`${what} need ${hostname}:${port} (${error.code || error.message}): ${how}`)),
    );
  });
}

function oneLine(message) {
  const error = new Error(message);
  error.stack = message;
  return error;
}

function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

#!/usr/bin/env node
// Case intake throughput: starts the built app (dist/) on a fresh database, logs in as the
// demo agent, and creates cases with a fixed number of requests in flight for a fixed
// time. Prints requests per second and latency percentiles. Localhost only.
//
//   npm run build && node bench/case-intake.mjs [seconds=10] [concurrency=16]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bench/case-intake.mjs
import { startApp, percentile } from './support.mjs';

const seconds = Number(process.argv[2] ?? 10);
const concurrency = Number(process.argv[3] ?? 16);

const app = await startApp({ port: 3901 });
try {
  const token = await app.login('agent@demo.local');
  const body = JSON.stringify({
    description: 'Gatlampan utanför Storgatan 12 är släckt',
    catalogCode: 'street_light',
    channel: 'phone',
  });
  const latencies = [];
  let failures = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      const response = await fetch(`${app.url}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      await response.arrayBuffer();
      if (response.status === 201) latencies.push(performance.now() - started);
      else failures++;
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(`database=${app.database} seconds=${elapsed.toFixed(1)} concurrency=${concurrency}`);
  console.log(`created=${latencies.length} failed=${failures} rps=${(latencies.length / elapsed).toFixed(0)}`);
  console.log(
    `latency ms p50=${percentile(latencies, 50).toFixed(1)} p90=${percentile(latencies, 90).toFixed(1)} p99=${percentile(latencies, 99).toFixed(1)}`,
  );
} finally {
  await app.stop();
}

import fc from 'fast-check';
import type { OpenApiDocument } from '../openapi';
import { describeRequest, FuzzFixtures, fuzzOperations, FuzzRequest, requestArbitrary } from './request-generator';

/** Sends one request with a caller's bearer token and answers the status it got. */
export type SendRequest = (request: FuzzRequest, token: string) => Promise<{ status: number; text: string }>;

/** One request that broke a rule: a 5xx, or an answer slower than the bound. */
export interface FuzzFinding {
  role: string;
  status: number;
  ms: number;
  request: string;
  answer: string;
}

/** What a fuzz run tried and found, per operation and in all. */
export interface FuzzReport {
  requests: number;
  perOperation: Array<{ operation: string; requests: number; statuses: Record<number, number>; slowestMs: number }>;
  serverErrors: FuzzFinding[];
  slow: FuzzFinding[];
}

export interface FuzzRunOptions {
  document: OpenApiDocument;
  fixtures: FuzzFixtures;
  /** Bearer tokens by role name: every operation is tried as each. */
  tokens: Record<string, string>;
  runsPerOperation: number;
  seed: number;
  /** An answer slower than this is a finding (ms). */
  slowMs: number;
  send: SendRequest;
  /** Only operations whose key (`post /api/v1/cases`) this matches. */
  only?: RegExp;
}

/**
 * Sends `runsPerOperation` generated requests to every operation of the document as every role,
 * one at a time, and reports each 5xx and each answer slower than `slowMs`. The requests of an
 * operation and role come from their own seed (the run's seed and the operation's key), so a
 * failure can be replayed with the same seed and `only`.
 */
export async function runFuzz(options: FuzzRunOptions): Promise<FuzzReport> {
  const report: FuzzReport = { requests: 0, perOperation: [], serverErrors: [], slow: [] };
  for (const { key, method, path } of fuzzOperations(options.document)) {
    if (options.only && !options.only.test(key)) continue;
    const tally = { operation: key, requests: 0, statuses: {} as Record<number, number>, slowestMs: 0 };
    for (const [role, token] of Object.entries(options.tokens)) {
      const requests = fc.sample(requestArbitrary(options.document, method, path, options.fixtures), {
        seed: seedOf(options.seed, `${role} ${key}`),
        numRuns: options.runsPerOperation,
      });
      for (const request of requests) {
        const started = performance.now();
        let status: number;
        let text: string;
        try {
          ({ status, text } = await options.send(request, token));
        } catch (error) {
          status = 599;
          text = `no answer: ${error instanceof Error ? error.message : String(error)}`;
        }
        const ms = Math.round(performance.now() - started);
        tally.requests++;
        tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
        tally.slowestMs = Math.max(tally.slowestMs, ms);
        const finding = { role, status, ms, request: describeRequest(request), answer: text.slice(0, 300) };
        if (status >= 500) report.serverErrors.push(finding);
        if (ms > options.slowMs) report.slow.push(finding);
      }
    }
    report.requests += tally.requests;
    report.perOperation.push(tally);
  }
  return report;
}

/** A 32-bit seed of its own for each operation and role, from the run's seed. */
function seedOf(seed: number, key: string): number {
  let hash = seed | 0;
  for (let index = 0; index < key.length; index++) hash = (Math.imul(hash, 31) + key.charCodeAt(index)) | 0;
  return hash;
}

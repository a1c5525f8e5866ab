/**
 * Thrown at start-up when the defined jobs and their handlers do not match: a job with no
 * handler or with two, or a handler of a job no queue defines. One line per problem.
 */
export class JobRegistryError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The jobs and their handlers do not match:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

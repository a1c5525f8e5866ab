/**
 * What to say about a Redis's eviction policy, from its answer to `CONFIG GET maxmemory-policy`
 * (`[name, value]`), or from the error when it refused the command (a managed Redis may).
 * Null when all is well: with `noeviction` Redis refuses writes when full instead of dropping
 * keys, so a full Redis makes the outbox wait, while any other policy may drop queued jobs.
 */
export function evictionPolicyWarning(answer: { policy: string | null } | { refused: string }): string | null {
  if ('refused' in answer)
    return (
      `Redis did not answer CONFIG GET maxmemory-policy (${answer.refused}): make sure its eviction policy is ` +
      'noeviction, or Redis may drop queued jobs when it is full'
    );
  if (answer.policy === 'noeviction') return null;
  return (
    `Redis's maxmemory-policy is ${answer.policy ?? 'unknown'}: when it is full it may drop queued jobs. ` +
    'Set maxmemory-policy noeviction (docker-compose.yml does)'
  );
}

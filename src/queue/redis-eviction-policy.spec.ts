import { evictionPolicyWarning } from './redis-eviction-policy';

describe('evictionPolicyWarning', () => {
  it('says nothing about noeviction: a full Redis refuses writes instead of dropping jobs', () => {
    expect(evictionPolicyWarning({ policy: 'noeviction' })).toBeNull();
  });

  it('warns of any policy that evicts keys, naming it', () => {
    expect(evictionPolicyWarning({ policy: 'allkeys-lru' })).toBe(
      "Redis's maxmemory-policy is allkeys-lru: when it is full it may drop queued jobs. " +
        'Set maxmemory-policy noeviction (docker-compose.yml does)',
    );
    expect(evictionPolicyWarning({ policy: 'volatile-lru' })).toContain('volatile-lru');
  });

  it('says that it could not tell when Redis refuses CONFIG, as a managed Redis may', () => {
    expect(evictionPolicyWarning({ refused: "ERR unknown command 'CONFIG'" })).toBe(
      "Redis did not answer CONFIG GET maxmemory-policy (ERR unknown command 'CONFIG'): make sure its eviction " +
        'policy is noeviction, or Redis may drop queued jobs when it is full',
    );
  });
});

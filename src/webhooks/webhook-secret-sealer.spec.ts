import { WebhookSecretSealer } from './webhook-secret-sealer';

describe('WebhookSecretSealer', () => {
  it('gives back the secret it sealed, and stores nothing readable', () => {
    const sealer = new WebhookSecretSealer('personal-data-key-for-tests');
    const sealed = sealer.seal('department-secret-0001');
    expect(sealed).not.toContain('department-secret');
    expect(sealed).not.toBe(sealer.seal('department-secret-0001'));
    expect(sealer.open(sealed)).toBe('department-secret-0001');
  });

  it('cannot open a secret sealed under another key', () => {
    const sealed = new WebhookSecretSealer('personal-data-key-for-tests').seal('department-secret-0001');
    expect(() => new WebhookSecretSealer('another-key-altogether').open(sealed)).toThrow();
  });
});

import { verifyWebhookSignature, webhookSignature } from './webhook-signature';

describe('webhook signature', () => {
  const secret = 'a-department-secret-1234';
  const body = '{"event":"case.routed","case":{"reference":"2026-000123"}}';

  it('is HMAC-SHA256 over "<timestamp>.<body>", as sha256=<hex>', () => {
    // Worked out apart from the code: printf '%s' "1767225600.$body" | openssl dgst -sha256 -hmac "$secret"
    expect(webhookSignature(secret, 1767225600, body)).toBe(
      'sha256=69cc4fbeb894d72c394c05b0ec09da441e7ec6ad7d2f64842c036bf587b40bee',
    );
  });

  it('verifies a fresh, untouched delivery', () => {
    const signature = webhookSignature(secret, 1767225600, body);
    expect(verifyWebhookSignature(secret, body, '1767225600', signature, 1767225660)).toBe(true);
  });

  it('refuses a changed body, another secret, a changed timestamp, or an old delivery replayed', () => {
    const signature = webhookSignature(secret, 1767225600, body);
    expect(verifyWebhookSignature(secret, body.replace('123', '124'), '1767225600', signature, 1767225600)).toBe(false);
    expect(verifyWebhookSignature('another-secret-entirely', body, '1767225600', signature, 1767225600)).toBe(false);
    expect(verifyWebhookSignature(secret, body, '1767225700', signature, 1767225700)).toBe(false);
    expect(verifyWebhookSignature(secret, body, '1767225600', signature, 1767225600 + 301)).toBe(false);
    expect(verifyWebhookSignature(secret, body, 'soon', signature, 1767225600)).toBe(false);
  });
});

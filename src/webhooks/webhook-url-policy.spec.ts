import { webhookUrlProblem } from './webhook-url-policy';

describe('webhook address policy', () => {
  it('takes any https address', () => {
    expect(webhookUrlProblem('https://workorders.norrvika.example/hooks/onewayin', true)).toBeNull();
    expect(webhookUrlProblem('https://10.1.2.3:8443/hook', false)).toBeNull();
  });

  it('takes plain http to this machine outside production only', () => {
    for (const url of ['http://127.0.0.1:4000/hook', 'http://localhost/hook', 'http://[::1]:4000/']) {
      expect(webhookUrlProblem(url, false)).toBeNull();
      expect(webhookUrlProblem(url, true)).toBe('url must start with https://');
    }
    expect(webhookUrlProblem('http://workorders.norrvika.example/hook', false)).toBe(
      'url must start with https:// (http:// only to localhost or 127.0.0.1, outside production)',
    );
  });

  it('refuses other schemes, relative addresses and credentials in the address', () => {
    expect(webhookUrlProblem('ftp://files.example/hook', true)).toBe('url must start with https://');
    expect(webhookUrlProblem('/hooks/onewayin', false)).toBe(
      'url must be an absolute address, e.g. https://workorders.example/hooks/onewayin',
    );
    expect(webhookUrlProblem('https://user:pass@workorders.example/hook', true)).toBe(
      'url must not carry a user name or password; the secret signs each delivery',
    );
  });
});

/** Hosts a developer's or a test's receiver runs on; plain http is allowed to them outside production. */
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * What is wrong with a webhook address, or null. Deliveries carry case content (addresses,
 * descriptions, sometimes confidential ones), so in production they go over https only.
 * Credentials in the address would be stored and shown in clear: the secret signs instead.
 */
export function webhookUrlProblem(raw: string, production: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url must be an absolute address, e.g. https://workorders.example/hooks/onewayin';
  }
  if (url.username || url.password) return 'url must not carry a user name or password; the secret signs each delivery';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && !production && LOCAL_HOSTS.includes(url.hostname)) return null;
  return production
    ? 'url must start with https://'
    : 'url must start with https:// (http:// only to localhost or 127.0.0.1, outside production)';
}

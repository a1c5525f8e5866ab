/** What a browser shows after following the redirects of a navigation. */
export interface BrowserPage {
  /** The URL of the last answer, as the browser knows it (before any host mapping). */
  url: string;
  status: number;
  headers: Headers;
  text: string;
}

interface StoredCookie {
  value: string;
  path: string;
}

/**
 * Just enough of a browser to walk an OpenID Connect sign-in over real HTTP: it follows
 * redirects, keeps each host's cookies (with their paths, expiry and deletion), and submits the
 * first form of a page. `hosts` maps an origin a URL names to where that server really listens,
 * as a hosts file would: the app's redirect URL can name `http://onewayin.localhost` while the
 * app listens on a random port.
 */
export class TestBrowser {
  private readonly cookies = new Map<string, Map<string, StoredCookie>>();

  constructor(private readonly hosts: Record<string, string> = {}) {}

  /**
   * Goes to a URL and follows redirects until an answer that is not one, or until the next URL
   * is one `stopBefore` picks: then the page is the redirect, and `url` the URL it points to.
   */
  async visit(url: string, stopBefore?: (next: URL) => boolean): Promise<BrowserPage> {
    return this.navigate(url, { method: 'GET' }, stopBefore);
  }

  /** Fills the first form of the page with `fields` and submits it, following redirects. */
  async submit(page: BrowserPage, fields: Record<string, string>, stopBefore?: (next: URL) => boolean) {
    const form = /<form[^>]*\saction="([^"]*)"[^>]*>/i.exec(page.text);
    if (!form) throw new Error(`No form on ${page.url}: ${page.text.slice(0, 300)}`);
    const action = new URL(form[1].replace(/&amp;/g, '&'), page.url).href;
    return this.navigate(
      action,
      {
        method: 'POST',
        body: new URLSearchParams(fields).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      stopBefore,
    );
  }

  private async navigate(
    url: string,
    init: { method: string; body?: string; headers?: Record<string, string> },
    stopBefore?: (next: URL) => boolean,
  ): Promise<BrowserPage> {
    let current = new URL(url);
    let request = init;
    for (let hop = 0; hop < 20; hop++) {
      const response = await fetch(this.resolve(current), {
        ...request,
        headers: { ...request.headers, ...this.cookieHeader(current) },
        redirect: 'manual',
      });
      this.store(current, response.headers.getSetCookie());
      const location = response.headers.get('location');
      const page = {
        url: current.href,
        status: response.status,
        headers: response.headers,
        text: await response.text(),
      };
      if (response.status < 300 || response.status >= 400 || !location) return page;
      const next = new URL(location, current);
      if (stopBefore?.(next)) return { ...page, url: next.href };
      current = next;
      request = { method: 'GET' };
    }
    throw new Error(`More than 20 redirects from ${url}`);
  }

  private resolve(url: URL): string {
    const real = this.hosts[url.origin];
    return real ? `${real}${url.pathname}${url.search}` : url.href;
  }

  private cookieHeader(url: URL): Record<string, string> {
    const jar = this.cookies.get(url.hostname) ?? new Map<string, StoredCookie>();
    const pairs = [...jar]
      .filter(([, cookie]) => url.pathname === cookie.path || url.pathname.startsWith(cookie.path.replace(/\/?$/, '/')))
      .map(([name, cookie]) => `${name}=${cookie.value}`);
    return pairs.length ? { cookie: pairs.join('; ') } : {};
  }

  /** RFC 6265, 5.2-5.3, for host-only cookies: a past Expires or a Max-Age of 0 deletes. */
  private store(url: URL, setCookies: string[]): void {
    const jar = this.cookies.get(url.hostname) ?? new Map<string, StoredCookie>();
    this.cookies.set(url.hostname, jar);
    for (const header of setCookies) {
      const [pair, ...attributes] = header.split(';').map((part) => part.trim());
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals);
      const attribute = (key: string) =>
        attributes.find((part) => part.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const maxAge = attribute('max-age');
      const expires = attribute('expires');
      if ((maxAge !== undefined && Number(maxAge) <= 0) || (expires && Date.parse(expires) <= Date.now())) {
        jar.delete(name);
        continue;
      }
      const path = attribute('path') ?? url.pathname.replace(/\/[^/]*$/, '') ?? '/';
      jar.set(name, { value: pair.slice(equals + 1), path: path || '/' });
    }
  }
}

import { Role } from '../auth/roles';
import { Translate } from './i18n/languages';

/** Where each role starts its day after signing in. */
export const LANDING_PAGES: Record<Role, string> = {
  agent: '/desk',
  handler: '/inbox',
  manager: '/dashboard',
  admin: '/admin',
};

/** The console's pages in the header, each for the roles that work there. */
const PAGES: Array<{ path: string; key: string; roles: Role[] }> = [
  { path: '/desk', key: 'nav.desk', roles: ['agent', 'handler', 'manager', 'admin'] },
  { path: '/inbox', key: 'nav.inbox', roles: ['agent', 'handler', 'manager', 'admin'] },
  { path: '/dashboard', key: 'nav.dashboard', roles: ['manager', 'admin'] },
  { path: '/admin', key: 'nav.admin', roles: ['admin'] },
];

/** The header's navigation for a role, with the page being shown marked current. */
export function navigationFor(
  role: Role,
  currentPath: string,
  t: Translate,
): Array<{ href: string; text: string; current: boolean; active: boolean }> {
  return PAGES.filter((page) => page.roles.includes(role)).map((page) => ({
    href: page.path,
    text: t(page.key),
    current: currentPath === page.path,
    active: currentPath.startsWith(`${page.path}/`),
  }));
}

/**
 * A path of the console itself to go on to after signing in: one leading slash, no second one,
 * no backslash, nothing that leaves the site (OWASP ASVS 4.0 V5.1.5, unvalidated redirects).
 */
export function localPath(candidate: unknown): string | null {
  if (typeof candidate !== 'string' || candidate.length > 500) return null;
  if (!/^\/(?![/\\])[^\\\s]*$/.test(candidate)) return null;
  if (candidate.startsWith('/login') || candidate.startsWith('/logout')) return null;
  return candidate;
}

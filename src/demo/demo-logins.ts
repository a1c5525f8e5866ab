import { Role } from '../auth/roles';
import { LANDING_PAGES } from '../web/navigation';
import { DEMO_MUNICIPALITY, DEMO_PASSWORD } from './demo-municipality';

/** A demo staff member who can sign in. */
export interface DemoLogin {
  email: string;
  role: Role;
  departmentCodes: string[];
}

/**
 * The lines `npm start` prints in development after its start-up log: where to sign in, the
 * shared demo password, and for each demo log-in its role, departments and the console page the
 * role lands on (LANDING_PAGES). `baseUrl` without a trailing slash, e.g. `http://localhost:3000`.
 * No lines without log-ins.
 */
export function demoLoginLines(baseUrl: string, logins: readonly DemoLogin[]): string[] {
  if (logins.length === 0) return [];
  const emailWidth = Math.max(...logins.map((login) => login.email.length));
  const roleWidth = Math.max(...logins.map((login) => describeRole(login).length));
  return [
    '',
    `Demo municipality ${DEMO_MUNICIPALITY}: sign in at ${baseUrl}/login, password "${DEMO_PASSWORD}" for everyone:`,
    ...logins.map(
      (login) =>
        `  ${login.email.padEnd(emailWidth)}  ${describeRole(login).padEnd(roleWidth)}  -> ${baseUrl}${LANDING_PAGES[login.role]}`,
    ),
    `API: POST ${baseUrl}/api/v1/auth/login {"email","password"}; documentation at ${baseUrl}/docs`,
    '',
  ];
}

function describeRole(login: DemoLogin): string {
  return login.departmentCodes.length ? `${login.role} (${login.departmentCodes.join(', ')})` : login.role;
}

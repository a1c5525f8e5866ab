import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '../auth/auth.guard';
import { REQUIRED_ROLES } from '../auth/roles.decorator';
import { Role, StaffPrincipal } from '../auth/roles';
import { ForbiddenError } from '../common/domain-errors';
import { cookieOf, CSRF_COOKIE, SESSION_COOKIE } from './console-cookies';
import { ForgedFormError, SignInRequiredError } from './console-errors';
import { OPEN_PAGE } from './open-page.decorator';
import { ConsoleRequest, PageRenderer } from './page-renderer.service';

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/**
 * The console's door. The session cookie holds the same bearer token the API hands out, and is
 * checked by the same AuthGuard.verify: signature, expiry, and a session not ended (log-out,
 * deactivation, password change end it for the console as for the API). Then the roles a page
 * is for, and for every form (any method but GET and HEAD) its anti-forgery token; a form sent
 * from another site (Fetch Metadata, `Sec-Fetch-Site: cross-site`) is refused outright.
 */
@Injectable()
export class ConsoleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthGuard,
    private readonly renderer: PageRenderer,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<ConsoleRequest>();
    request.staff = await this.sessionOf(request);
    const open = this.reflector.getAllAndOverride<boolean>(OPEN_PAGE, targets) === true;
    if (!request.staff && !open) {
      throw new SignInRequiredError(request.method === 'GET' ? request.originalUrl : null);
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && request.staff && !roles.includes(request.staff.role)) {
      throw new ForbiddenError(`This page is for ${roles.join(', ')}`);
    }
    if (!SAFE_METHODS.includes(request.method)) this.checkForm(request);
    return true;
  }

  /** The staff member the session cookie names, or null when there is none or it no longer holds. */
  private async sessionOf(request: ConsoleRequest): Promise<StaffPrincipal | null> {
    const token = cookieOf(request, SESSION_COOKIE);
    if (!token) return null;
    try {
      return await this.auth.verify(`Bearer ${token}`);
    } catch {
      return null;
    }
  }

  private checkForm(request: ConsoleRequest): void {
    if (request.headers['sec-fetch-site'] === 'cross-site') throw new ForgedFormError();
    const body = request.body as Record<string, unknown> | undefined;
    const header = request.headers['x-csrf-token'];
    const token = typeof body?._csrf === 'string' ? body._csrf : typeof header === 'string' ? header : undefined;
    const nonce = cookieOf(request, CSRF_COOKIE);
    if (!this.renderer.csrf.holds(token, nonce, request.staff?.sessionId ?? null)) throw new ForgedFormError();
  }
}

import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';
import { Role, ROLES, StaffPrincipal } from './roles';
import { StaffSessionService } from './staff-session.service';

/** What an access token says; `exp` and `sid` are required, a token without them is refused. */
export interface TokenClaims {
  sub: string;
  sid: string;
  email: string;
  role: Role;
  departments: string[];
  /** Issued at and expires at, in seconds since 1970 (UTC), on the system clock. */
  iat: number;
  exp: number;
}

/**
 * Every endpoint needs a valid bearer token unless marked public: 401 without one, 403 for the
 * wrong role. A token is valid when its HS256 signature holds, it carries an expiry (`exp`) that
 * has not passed, and its session (`sid`) has not ended: a log-out, a deactivation or a password
 * change stops it on the next request (OWASP ASVS 4.0 V3.3.1, V3.5.3).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly sessions: StaffSessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; staff?: StaffPrincipal }>();
    request.staff = await this.verify(request.headers.authorization);

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(request.staff.role)) {
      throw new ForbiddenException(`This needs the role ${roles.join(' or ')}`);
    }
    return true;
  }

  /**
   * The staff member an `Authorization: Bearer …` header names.
   *
   * @throws UnauthorizedException without a bearer token, or for one that is invalid, expired,
   *   without `exp`, or of a session that has ended
   */
  async verify(authorization: string | undefined): Promise<StaffPrincipal> {
    const match = /^Bearer (\S+)$/i.exec(authorization ?? '');
    if (!match) throw new UnauthorizedException('A bearer token is required');
    let claims: Partial<TokenClaims>;
    try {
      claims = await this.jwt.verifyAsync<Partial<TokenClaims>>(match[1], { algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedException('The bearer token is invalid or has expired');
    }
    if (!isComplete(claims)) throw new UnauthorizedException('The bearer token is invalid or has expired');
    if (!(await this.sessions.isLive(claims.sid, claims.sub))) {
      throw new UnauthorizedException('The session has ended; sign in again');
    }
    return {
      id: claims.sub,
      sessionId: claims.sid,
      email: claims.email,
      role: claims.role,
      departmentCodes: claims.departments,
    };
  }
}

function isComplete(claims: Partial<TokenClaims>): claims is TokenClaims {
  return (
    typeof claims.exp === 'number' &&
    typeof claims.iat === 'number' &&
    typeof claims.sub === 'string' &&
    typeof claims.sid === 'string' &&
    typeof claims.email === 'string' &&
    ROLES.includes(claims.role as Role) &&
    Array.isArray(claims.departments)
  );
}

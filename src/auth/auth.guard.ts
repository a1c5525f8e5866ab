import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';
import { Role, ROLES, StaffPrincipal } from './roles';

interface TokenClaims {
  sub: string;
  email: string;
  role: Role;
  departments: string[];
}

/** Every endpoint needs a valid bearer token unless marked public: 401 without one, 403 for the wrong role. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
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

  async verify(authorization: string | undefined): Promise<StaffPrincipal> {
    const match = /^Bearer (\S+)$/i.exec(authorization ?? '');
    if (!match) throw new UnauthorizedException('A bearer token is required');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(match[1]);
    } catch {
      throw new UnauthorizedException('The bearer token is invalid or has expired');
    }
    if (!ROLES.includes(claims.role)) throw new UnauthorizedException('The bearer token is invalid or has expired');
    return { id: claims.sub, email: claims.email, role: claims.role, departmentCodes: claims.departments ?? [] };
  }
}

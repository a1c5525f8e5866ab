import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { AuthGuard } from '../auth/auth.guard';
import { sameSecret } from '../common/same-secret';
import { StaffPrincipal } from '../auth/roles';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export const TELEPHONY_SECRET_HEADER = 'x-telephony-secret';

/**
 * Lets call records in from the telephony platform, which holds a shared secret rather
 * than a staff log-in, or from an admin uploading an export by hand. The endpoint is
 * public to the global guard, so this guard is all that stands in front of it.
 */
@Injectable()
export class TelephonyWebhookGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | string[] | undefined>; staff?: StaffPrincipal }>();
    const secret = request.headers[TELEPHONY_SECRET_HEADER];
    if (typeof secret === 'string' && secret !== '') {
      if (this.config.telephonyWebhookSecret && sameSecret(secret, this.config.telephonyWebhookSecret)) return true;
      throw new UnauthorizedException('The X-Telephony-Secret header does not match');
    }
    const authorization = request.headers.authorization;
    if (typeof authorization !== 'string')
      throw new UnauthorizedException('Send the X-Telephony-Secret header or an admin bearer token');
    request.staff = await this.auth.verify(authorization);
    if (request.staff.role !== 'admin')
      throw new ForbiddenException('This needs the role admin or the telephony secret');
    return true;
  }
}

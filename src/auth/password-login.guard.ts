import { CanActivate, Inject, Injectable } from '@nestjs/common';
import { SignInMethodOffError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/**
 * Keeps the password log-in closed where PASSWORD_LOGIN=false: an installation whose staff all
 * sign in through the identity provider, so that no password, old or guessed, opens a session.
 */
@Injectable()
export class PasswordLoginGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(): boolean {
    if (!this.config.passwordLogin)
      throw new SignInMethodOffError(
        'Password log-in is turned off on this installation: sign in through the identity provider at GET /api/v1/auth/oidc/login',
      );
    return true;
  }
}

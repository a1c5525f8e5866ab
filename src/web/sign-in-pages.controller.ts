import { Get, Inject, NotFoundException, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import type { Response } from 'express';
import { AuthGuard } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { Role, StaffPrincipal } from '../auth/roles';
import { AccountLockedError, SignInMethodOffError, TooManyRequestsError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { consoleCookie, SESSION_COOKIE } from './console-cookies';
import { ConsoleController } from './console-page.decorator';
import { formText } from './forms/form-fields';
import { LANDING_PAGES, localPath } from './navigation';
import { OpenPage } from './open-page.decorator';
import { ConsoleRequest, PageRenderer } from './page-renderer.service';

/** Where the identity provider sends the browser back to, with the token in the fragment. */
const SIGN_IN_FINISH_PATH = '/login/finish';

/**
 * Signing in to the console and out of it. A sign-in is the API's own (AuthService.login, with
 * its limits, lock-out and sign-in log, or the identity provider's callback): it starts a session
 * in staff_sessions, and its bearer token is kept in an HttpOnly cookie; signing out ends that
 * session, so the token stops working for the API too.
 */
@ConsoleController()
export class SignInPagesController {
  private readonly production: boolean;

  constructor(
    private readonly pages: PageRenderer,
    private readonly auth: AuthService,
    private readonly authGuard: AuthGuard,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.production = config.nodeEnv === 'production';
  }

  /** The console's front door: to the sign-in page, or to where a signed-in staff member works. */
  @OpenPage()
  @Get()
  home(@Req() request: ConsoleRequest, @Res() response: Response): void {
    response.redirect(303, request.staff ? LANDING_PAGES[request.staff.role] : '/login');
  }

  @OpenPage()
  @Get('login')
  async loginPage(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const returnTo = localPath(request.query.returnTo);
    if (request.staff) return response.redirect(303, returnTo ?? LANDING_PAGES[request.staff.role]);
    await this.renderLogin(request, response, { returnTo, signedOut: request.query.signedOut === '1' });
  }

  @OpenPage()
  @Post('login')
  async login(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const email = formText(request.body, 'email').trim();
    const password = formText(request.body, 'password');
    const returnTo = localPath(formText(request.body, 'returnTo'));
    const missing = [
      ...(email ? [] : [{ field: 'email', key: 'login.error.emailMissing' }]),
      ...(password ? [] : [{ field: 'password', key: 'login.error.passwordMissing' }]),
    ];
    if (missing.length) return this.renderLogin(request, response, { returnTo, email, problems: missing }, 400);
    try {
      const { accessToken, role } = await this.auth.login(email, password, request.ip ?? 'unknown');
      this.keepSession(response, accessToken);
      response.redirect(303, returnTo ?? LANDING_PAGES[role as Role]);
    } catch (error: unknown) {
      const refusal = this.refusalOf(error);
      if (!refusal) throw error;
      if (error instanceof TooManyRequestsError)
        response.setHeader('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
      await this.renderLogin(
        request,
        response,
        { returnTo, email, problems: [{ field: 'email', key: refusal.key, values: refusal.values }] },
        refusal.status,
      );
    }
  }

  /** Sign-in through the municipality's identity provider: the API's flow, coming back to the console. */
  @OpenPage()
  @Get('login/oidc')
  oidc(@Res() response: Response): void {
    if (!this.config.oidc) throw new NotFoundException('Sign-in through an identity provider is not configured');
    response.redirect(303, `/api/v1/auth/oidc/login?returnTo=${encodeURIComponent(SIGN_IN_FINISH_PATH)}`);
  }

  /**
   * The identity provider's callback sends the browser here with the token in the URL fragment,
   * which never reaches a server; the page's script hands it to `login/token` with the form's
   * anti-forgery token, and takes it out of the address bar.
   */
  @OpenPage()
  @Get('login/finish')
  async finishPage(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    response.setHeader('Referrer-Policy', 'no-referrer');
    await this.pages.send(request, response, 'sign-in-finish.njk', { noBoost: true });
  }

  /** Keeps a token from the identity provider's sign-in in the session cookie, once it is checked. */
  @OpenPage()
  @Post('login/token')
  async keepToken(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    let staff: StaffPrincipal;
    try {
      staff = await this.authGuard.verify(`Bearer ${formText(request.body, 'accessToken')}`);
    } catch {
      return this.renderLogin(
        request,
        response,
        { problems: [{ field: 'email', key: 'login.error.providerFailed' }] },
        401,
      );
    }
    this.keepSession(response, formText(request.body, 'accessToken'));
    response.redirect(303, LANDING_PAGES[staff.role]);
  }

  /**
   * Signing out by following a link or typing the address ends the session; a link from another
   * site (Fetch Metadata says so) only gets a page with the sign-out button, so no other site can
   * sign anyone out.
   */
  @Get('logout')
  async logoutPage(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const site = request.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') {
      return this.pages.send(request, response, 'sign-out.njk');
    }
    await this.logout(request, response);
  }

  @Post('logout')
  async logout(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    if (request.staff) await this.auth.logout(request.staff);
    response.clearCookie(SESSION_COOKIE, consoleCookie(this.production));
    response.redirect(303, '/login?signedOut=1');
  }

  private keepSession(response: Response, accessToken: string): void {
    response.cookie(SESSION_COOKIE, accessToken, consoleCookie(this.production, this.config.jwtExpiresInSeconds));
  }

  private refusalOf(error: unknown): { status: number; key: string; values?: Record<string, number> } | null {
    if (error instanceof UnauthorizedException) return { status: 401, key: 'login.error.wrong' };
    if (error instanceof AccountLockedError)
      return { status: 429, key: 'login.error.locked', values: { minutes: Math.ceil(error.retryAfterSeconds / 60) } };
    if (error instanceof TooManyRequestsError)
      return { status: 429, key: 'login.error.tooMany', values: { minutes: Math.ceil(error.retryAfterSeconds / 60) } };
    if (error instanceof SignInMethodOffError) return { status: 404, key: 'login.error.passwordOff' };
    return null;
  }

  private async renderLogin(
    request: ConsoleRequest,
    response: Response,
    form: {
      returnTo?: string | null;
      email?: string;
      signedOut?: boolean;
      problems?: Array<{ field: string; key: string; values?: Record<string, number> }>;
    },
    status = 200,
  ): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const problems = form.problems ?? [];
    const errors = problems.map((problem) => ({
      text: frame.t(problem.key, problem.values),
      href: `#${problem.field}`,
    }));
    const fieldErrors = Object.fromEntries(
      problems.map((problem) => [problem.field, frame.t(problem.key, problem.values)]),
    );
    response
      .status(status)
      .type('html')
      .send(
        this.pages.renderToString(frame, 'login.njk', {
          noBoost: true,
          errors,
          fieldErrors,
          email: form.email ?? '',
          returnTo: form.returnTo ?? '',
          passwordLogin: this.config.passwordLogin,
          oidc: Boolean(this.config.oidc),
          notice: form.signedOut ? { text: frame.t('login.signedOut') } : null,
        }),
      );
  }
}

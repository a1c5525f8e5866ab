import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { StaffPrincipal } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { consoleCookie, cookieOf, CSRF_COOKIE, LANGUAGE_COOKIE } from './console-cookies';
import { CsrfTokens } from './csrf-tokens';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  Language,
  LANGUAGE_NAMES,
  LANGUAGES,
  LOCALES,
  Translate,
  translator,
} from './i18n/languages';
import { navigationFor } from './navigation';
import { packageFile } from './package-files';

/** The console's templates, beside this file in src/ and (copied by the build) in dist/. */
export const VIEWS_DIR = join(__dirname, 'views');

/** A request to the console as the pages see it: the staff member the session cookie names, if any. */
export type ConsoleRequest = Request & { staff?: StaffPrincipal | null };

/** What every page's template gets besides its own values. */
export interface PageFrame {
  language: Language;
  t: Translate;
  csrfToken: string;
  staff: StaffPrincipal | null;
  path: string;
  /** The page's address with its query, for the links that switch language. */
  url: URL;
  /** "2 March 2026 at 10:00", in the municipality's time zone and the page's language. */
  when: (instant: Date | string | null) => string;
  /** The ISO 8601 form, for `<time datetime>`. */
  iso: (instant: Date | string | null) => string;
}

const LANGUAGE_COOKIE_SECONDS = 365 * 24 * 3600;

/**
 * Renders the console's pages: Nunjucks templates (with GOV.UK Frontend's component macros) in the
 * language of the request, with the anti-forgery token its forms carry. The language is the one
 * `?lang=` asks for, remembered in a cookie; else the one remembered; else Swedish.
 */
@Injectable()
export class PageRenderer {
  private readonly environment: nunjucks.Environment;
  readonly csrf: CsrfTokens;
  private readonly production: boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly calendars: CalendarService,
  ) {
    this.production = config.nodeEnv === 'production';
    this.csrf = new CsrfTokens(config.jwtSecret);
    // Templates are compiled once per process: a changed template shows after a restart.
    const loader = new nunjucks.FileSystemLoader([VIEWS_DIR, packageFile('govuk-frontend', 'dist')]);
    this.environment = new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false });
  }

  /** The language of a request, remembering one asked for with `?lang=`. */
  languageOf(request: Request, response: Response): Language {
    const asked = request.query.lang;
    if (isLanguage(asked)) {
      if (cookieOf(request, LANGUAGE_COOKIE) !== asked)
        response.cookie(LANGUAGE_COOKIE, asked, consoleCookie(this.production, LANGUAGE_COOKIE_SECONDS));
      return asked;
    }
    const remembered = cookieOf(request, LANGUAGE_COOKIE);
    return isLanguage(remembered) ? remembered : DEFAULT_LANGUAGE;
  }

  /** The frame of a page: language, translator, anti-forgery token, formatters. */
  async frame(request: ConsoleRequest, response: Response): Promise<PageFrame> {
    const language = this.languageOf(request, response);
    let nonce = cookieOf(request, CSRF_COOKIE);
    if (!nonce) {
      nonce = CsrfTokens.newNonce();
      response.cookie(CSRF_COOKIE, nonce, consoleCookie(this.production));
      // Later reads in this request (a second render) see the nonce just set.
      request.headers.cookie = `${request.headers.cookie ? `${request.headers.cookie}; ` : ''}${CSRF_COOKIE}=${nonce}`;
    }
    const staff = request.staff ?? null;
    const timeZone = (await this.calendars.current()).settings.timeZone;
    const dateTime = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', timeZone });
    const toDate = (instant: Date | string | null) => (instant === null ? null : new Date(instant));
    return {
      language,
      t: translator(language),
      csrfToken: this.csrf.tokenFor(nonce, staff?.sessionId ?? null),
      staff,
      path: request.path,
      url: new URL(request.originalUrl, 'http://console.invalid'),
      when: (instant) => {
        const date = toDate(instant);
        return date ? dateTime.format(date) : '';
      },
      iso: (instant) => toDate(instant)?.toISOString() ?? '',
    };
  }

  /** Renders a template to a string, with the frame and the page's own values. */
  renderToString(frame: PageFrame, template: string, values: Record<string, unknown> = {}): string {
    return this.environment.render(template, {
      ...frame,
      languageItems: LANGUAGES.map((code) => ({
        text: LANGUAGE_NAMES[code],
        lang: code,
        href: languageLink(frame.url, code),
        current: code === frame.language,
      })),
      navigation: frame.staff ? navigationFor(frame.staff.role, frame.path, frame.t) : [],
      ...values,
    });
  }

  /** Renders a page (or, for an htmx request, a fragment template) and sends it. */
  async send(
    request: ConsoleRequest,
    response: Response,
    template: string,
    values: Record<string, unknown> = {},
    status = 200,
  ): Promise<void> {
    const frame = await this.frame(request, response);
    response
      .status(status)
      .type('html')
      .send(this.renderToString(frame, template, values));
  }
}

/** The page's own address with `lang` set: where the language switch sends the browser. */
function languageLink(url: URL, language: Language): string {
  const query = new URLSearchParams(url.search);
  query.set('lang', language);
  return `${url.pathname}?${query.toString()}`;
}

import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CreateCaseDto } from '../cases/dto/create-case.dto';
import { InvalidInputError } from '../common/domain-errors';
import { CaseTrackingService } from '../e-service/case-tracking.service';
import { CitizenReportsService, PHOTO_LIMITS } from '../e-service/citizen-reports.service';
import { ReportThrottle } from '../e-service/report-throttle.service';
import { ConsoleController } from './console-page.decorator';
import { UploadRequest } from './e-service-upload';
import { asDto, FormProblem, problemsOf } from './forms/form-problems';
import {
  E_SERVICE_FIELDS,
  EServiceForm,
  eServiceCaseBody,
  emptyEServiceForm,
  HONEYPOT_FIELD,
  readEServiceForm,
} from './forms/e-service-form';
import { Language } from './i18n/languages';
import { OpenPage } from './open-page.decorator';
import { ConsoleRequest, PageRenderer } from './page-renderer.service';
import { sendCitizenRefusal, withinLimit } from './citizen-pages';

/** What multer's limit codes say about the photos field. */
const UPLOAD_REFUSALS: Record<string, string> = {
  LIMIT_FILE_SIZE: 'eService.error.photoSize',
  LIMIT_FILE_COUNT: 'eService.error.photoCount',
  LIMIT_UNEXPECTED_FILE: 'eService.error.photoCount',
};

/**
 * The citizens' e-service form (`/e-service`, no sign-in): report a fault, a complaint, a
 * question or feedback, with photos and contact details if they like. A plain multipart form
 * that works without JavaScript: a post is answered with a redirect to the answer page (the
 * reference number and the tracking link), or with the form again (400) naming each field to fix,
 * nothing stored. Every post counts against the client address's limit (ReportThrottle); the
 * honeypot field refuses what software filled in; the anti-forgery token is the console's.
 */
@ConsoleController('e-service')
@OpenPage()
export class EServicePagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly reports: CitizenReportsService,
    private readonly tracking: CaseTrackingService,
    private readonly throttle: ReportThrottle,
  ) {}

  @Get()
  async form(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    await this.renderForm(request, response, emptyEServiceForm(), []);
  }

  @Post()
  async submit(@Req() request: UploadRequest & ConsoleRequest, @Res() response: Response): Promise<void> {
    if (!(await withinLimit(this.throttle, this.pages, request, response))) return;
    const form = readEServiceForm(request.body);
    const frame = await this.pages.frame(request, response);
    const refusal = request.uploadRefusal;
    if (refusal) {
      const key = UPLOAD_REFUSALS[refusal] ?? 'eService.error.upload';
      return this.renderForm(request, response, form, [{ field: 'photos', text: frame.t(key, limits()) }], 400);
    }
    if (form.website.trim() !== '') {
      return this.renderForm(
        request,
        response,
        form,
        [{ field: HONEYPOT_FIELD, text: frame.t('eService.error.website') }],
        400,
      );
    }
    const { body, problems } = eServiceCaseBody(form, frame.language);
    try {
      if (problems.length) throw new InvalidInputError(problems);
      const input = await asDto(CreateCaseDto, body);
      const accepted = await this.reports.report(input, request.files ?? []);
      response.redirect(
        303,
        `/e-service/received/${encodeURIComponent(accepted.reference)}?key=${accepted.trackingKey}&lang=${frame.language}`,
      );
    } catch (error: unknown) {
      const found = problemsOf(error, E_SERVICE_FIELDS, frame.t, 'eService.error');
      if (!found) throw error;
      await this.renderForm(request, response, form, found, 400);
    }
  }

  /** The answer page after a report: its reference number and the link to follow it. */
  @Get('received/:reference')
  async received(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @Param('reference') reference: string,
    @Query('key') key: unknown,
  ): Promise<void> {
    const tracked = await this.tracking.track(reference, key);
    if (!tracked) return sendCitizenRefusal(this.pages, request, response, null);
    response.setHeader('X-Robots-Tag', 'noindex');
    await this.pages.send(request, response, 'e-service-received.njk', {
      reference: tracked.reference,
      trackingPath: `/track/${encodeURIComponent(tracked.reference)}?key=${String(key)}`,
    });
  }

  private async renderForm(
    request: ConsoleRequest,
    response: Response,
    form: EServiceForm,
    problems: FormProblem[],
    status = 200,
  ): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const caseTypes = await this.reports.publicCaseTypes();
    const language = frame.language;
    const groups = ['fault_report', 'complaint', 'question', 'feedback'].map((kind) => ({
      label: frame.t(`kind.${kind}`),
      types: caseTypes
        .filter((entry) => entry.kind === kind)
        .map((entry) => ({ value: entry.code, text: nameIn(entry.name, language) })),
    }));
    response
      .status(status)
      .type('html')
      .send(
        this.pages.renderToString(frame, 'e-service.njk', {
          form,
          groups: groups.filter((group) => group.types.length > 0),
          errors: problems.map((problem) => ({ text: problem.text, href: `#${problem.field}` })),
          fieldErrors: Object.fromEntries(problems.map((problem) => [problem.field, problem.text])),
          limits: limits(),
        }),
      );
  }
}

function limits(): Record<string, number> {
  return { count: PHOTO_LIMITS.count, megabytes: PHOTO_LIMITS.bytesEach / (1024 * 1024) };
}

function nameIn(name: { sv: string; en: string; da?: string }, language: Language): string {
  return language === 'da' ? (name.da ?? name.sv) : name[language];
}

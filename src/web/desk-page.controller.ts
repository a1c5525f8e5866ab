import { Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AccessPolicy } from '../auth/access-policy';
import { StaffPrincipal } from '../auth/roles';
import { CasesService } from '../cases/cases.service';
import { CaseWorkflowService } from '../cases/case-workflow.service';
import { CreateCaseDto } from '../cases/dto/create-case.dto';
import { CatalogService } from '../catalog/catalog.service';
import { CitizensService } from '../citizens/citizens.service';
import { InvalidInputError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ContactsService } from '../contacts/contacts.service';
import { CreateContactDto } from '../contacts/dto/create-contact.dto';
import { consoleCookie, cookieOf, PLACE_COOKIE } from './console-cookies';
import { ConsoleController } from './console-page.decorator';
import { DeskViewService } from './desk-view.service';
import { formText } from './forms/form-fields';
import { asDto, FormProblem, problemsOf } from './forms/form-problems';
import { caseBody, contactBody, DESK_FIELDS, DeskForm, freshDeskForm, lookupOf, readDeskForm } from './forms/desk-form';
import { ConsoleRequest, PageFrame, PageRenderer } from './page-renderer.service';

const PLACE_COOKIE_SECONDS = 365 * 24 * 3600;
const REFERENCE = /^\d{4}-\d{6}$/;

/** A citizen look-up and what it found. */
interface CitizenLookup {
  query: string;
  by: string;
  contacts: unknown[];
  cases: unknown[];
}

/**
 * The agent's desk, built for a phone call: log a contact (channel, service point, summary,
 * outcome), answered on the spot or made into a case from the same form, with the triage
 * suggestion and the catalog's guidance beside it as the agent types; a citizen's earlier
 * contacts and cases; the service center's own inbox. It calls the services the API's
 * controllers call (ContactsService.log, CaseWorkflowService.register), with the API's own DTOs.
 */
@ConsoleController('desk')
export class DeskPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly desk: DeskViewService,
    private readonly contacts: ContactsService,
    private readonly workflow: CaseWorkflowService,
    private readonly cases: CasesService,
    private readonly citizens: CitizensService,
    private readonly catalog: CatalogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async page(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const form = freshDeskForm(await this.desk.defaultServicePoint(cookieOf(request, PLACE_COOKIE)));
    const frame = await this.pages.frame(request, response);
    const reference =
      typeof request.query.case === 'string' && REFERENCE.test(request.query.case) ? request.query.case : null;
    const notice = reference
      ? {
          text: frame.t('desk.caseRegistered', { reference }),
          href: `/cases/${reference}`,
          linkText: frame.t('desk.openCase'),
        }
      : request.query.logged === 'contact'
        ? { text: frame.t('desk.contactLogged') }
        : null;
    await this.send(request, response, frame, form, { notice });
  }

  /** The form's buttons: log the contact, make it a case, or (without script) suggest a type. */
  @Post()
  async submit(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const staff = request.staff as StaffPrincipal;
    const form = readDeskForm(request.body);
    const intent = formText(request.body, 'intent');
    const frame = await this.pages.frame(request, response);
    if (intent === 'suggest') {
      const hints = await this.desk.hints(form, frame.language, frame.t);
      if (!form.catalogCode && hints.suggestion) form.catalogCode = hints.suggestion.code;
      return this.send(request, response, frame, form, hints);
    }
    try {
      if (intent === 'case') {
        const reference = await this.makeCase(staff, form);
        this.rememberPlace(response, form);
        return response.redirect(303, `/desk?case=${reference}`);
      }
      await this.contacts.log(staff, await asDto(CreateContactDto, contactBody(form, form.outcome)));
      this.rememberPlace(response, form);
      response.redirect(303, '/desk?logged=contact');
    } catch (error: unknown) {
      const problems = problemsOf(error, DESK_FIELDS, frame.t, 'desk.error');
      if (!problems) throw error;
      await this.send(request, response, frame, form, { problems }, 400);
    }
  }

  /** The suggestion and guidance for what is typed so far: a fragment for htmx. */
  @Post('hints')
  async hints(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const hints = await this.desk.hints(readDeskForm(request.body), frame.language, frame.t);
    response.type('html').send(this.pages.renderToString(frame, 'partials/desk-hints.njk', hints));
  }

  /** Finds a citizen by personal identity number, phone or e-mail, as far as the access policy allows. */
  @Post('citizen')
  async lookUp(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const staff = request.staff as StaffPrincipal;
    const frame = await this.pages.frame(request, response);
    const form = freshDeskForm(await this.desk.defaultServicePoint(cookieOf(request, PLACE_COOKIE)));
    const query = formText(request.body, 'citizen').trim();
    const by = lookupOf(query);
    if (!AccessPolicy.mayFindCitizens(staff)) {
      return this.send(
        request,
        response,
        frame,
        form,
        {
          lookupProblem: frame.t('desk.lookup.notAllowed'),
          lookupQuery: query,
        },
        403,
      );
    }
    if (!by) {
      return this.send(
        request,
        response,
        frame,
        form,
        {
          lookupProblem: frame.t('desk.lookup.empty'),
          lookupQuery: query,
        },
        400,
      );
    }
    const ids = await this.citizens.findIds(by);
    const [contacts, cases] = await Promise.all([
      this.contacts.listOfCitizens(staff, ids),
      this.cases.listOfCitizens(staff, ids),
    ]);
    const lookup: CitizenLookup = { query, by: Object.keys(by)[0], contacts, cases };
    await this.send(request, response, frame, form, { lookup, lookupQuery: query });
  }

  /**
   * Logs the contact and registers the case made of it. The case's input is checked first, so a
   * refused case leaves no contact saying a case was made.
   */
  private async makeCase(staff: StaffPrincipal, form: DeskForm): Promise<string> {
    await asDto(CreateCaseDto, caseBody(form));
    const contactInput = await asDto(CreateContactDto, contactBody(form, 'case_created'));
    if (form.catalogCode && !(await this.catalog.findActive(form.catalogCode)))
      throw new InvalidInputError([`catalogCode: unknown catalog entry "${form.catalogCode}"`]);
    const contact = await this.contacts.log(staff, contactInput);
    const created = await this.workflow.register(staff, await asDto(CreateCaseDto, caseBody(form, contact.id)));
    return created.reference;
  }

  private rememberPlace(response: Response, form: DeskForm): void {
    if (form.servicePointCode)
      response.cookie(
        PLACE_COOKIE,
        form.servicePointCode,
        consoleCookie(this.config.nodeEnv === 'production', PLACE_COOKIE_SECONDS),
      );
  }

  private async send(
    request: ConsoleRequest,
    response: Response,
    frame: PageFrame,
    form: DeskForm,
    values: {
      notice?: { text: string; href?: string; linkText?: string } | null;
      problems?: FormProblem[];
      suggestion?: unknown;
      guidance?: unknown;
      lookup?: CitizenLookup;
      lookupQuery?: string;
      lookupProblem?: string;
    },
    status = 200,
  ): Promise<void> {
    const staff = request.staff as StaffPrincipal;
    const [options, inbox] = await Promise.all([
      this.desk.options(frame.language, frame.t),
      this.desk.serviceCenterInbox(staff),
    ]);
    const problems = values.problems ?? [];
    const caseTypeNames = new Map(options.caseTypes.map((type) => [type.value, type.text]));
    response
      .status(status)
      .type('html')
      .send(
        this.pages.renderToString(frame, 'desk.njk', {
          ...values,
          form,
          options,
          inbox,
          caseTypeNames: Object.fromEntries(caseTypeNames),
          mayFindCitizens: AccessPolicy.mayFindCitizens(staff),
          errors: problems.map((problem) => ({ text: problem.text, href: `#${problem.field}` })),
          fieldErrors: Object.fromEntries(problems.map((problem) => [problem.field, problem.text])),
        }),
      );
  }
}

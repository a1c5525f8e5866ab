import { Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { StaffPrincipal } from '../auth/roles';
import { StaffService } from '../auth/staff.service';
import { CASE_ACTIONS, CaseAction } from '../cases/case-lifecycle';
import { CaseWorkflowService } from '../cases/case-workflow.service';
import { CasesService } from '../cases/cases.service';
import { CaseActionDto, CaseTextDto } from '../cases/dto/case-action.dto';
import { readabilityIndex } from '../cases/readability';
import { ForbiddenError, NotFoundError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CasePhotosService } from '../e-service/case-photos.service';
import { OrganisationService } from '../organisation/organisation.service';
import { CaseTargetsService } from '../service-targets/case-targets.service';
import { CaseViewModel, caseViewModel, readabilityBand } from './case-view-model';
import { ConsoleController } from './console-page.decorator';
import { DeskViewService } from './desk-view.service';
import { formText, optionalText } from './forms/form-fields';
import { asDto, FormProblem, problemsOf } from './forms/form-problems';
import { ConsoleRequest, PageRenderer } from './page-renderer.service';

/** The fields of the case page's forms by their path in the API's DTOs. */
const CASE_FIELDS: Record<string, string> = {
  reason: 'reason',
  departmentCode: 'departmentCode',
  duplicateOf: 'duplicateOf',
  catalogCode: 'catalogCode',
  body: 'body',
};

/**
 * One case, by id or reference: its details, due times, timeline, notes and replies (with the
 * draft's LIX as the handler types), the likely duplicate, and the actions the caller may take
 * as buttons. Reads through CasesService, so a confidential case is redacted exactly as the API
 * redacts it and every read of its content is in the access log; changes go through
 * CaseWorkflowService, the one writer of cases.
 */
@ConsoleController('cases')
export class CasePageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly cases: CasesService,
    private readonly workflow: CaseWorkflowService,
    private readonly targets: CaseTargetsService,
    private readonly staffMembers: StaffService,
    private readonly organisation: OrganisationService,
    private readonly desk: DeskViewService,
    private readonly photos: CasePhotosService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':id')
  async page(@Req() request: ConsoleRequest, @Res() response: Response, @Param('id') id: string): Promise<void> {
    const done = typeof request.query.done === 'string' ? request.query.done : null;
    await this.render(request, response, id, { done });
  }

  /**
   * A photo the citizen sent with the case (e-service), for whoever may read the case's content:
   * read through CasesService.get, so the access policy decides and a confidential case's access
   * log records the read.
   */
  @Get(':id/photos/:photoId')
  async photo(
    @Req() request: ConsoleRequest,
    @Res() response: Response,
    @Param('id') id: string,
    @Param('photoId') photoId: string,
  ): Promise<void> {
    const view = await this.cases.get(request.staff as StaffPrincipal, id);
    if ('redacted' in view) throw new ForbiddenError('This case is confidential to its department');
    const photo = await this.photos.find(view.id, photoId);
    if (!photo) throw new NotFoundError('Photo', photoId);
    response
      .type(photo.contentType)
      .setHeader(
        'Content-Disposition',
        `inline; filename="${view.reference}-${photoId.slice(0, 8)}.${photo.contentType === 'image/png' ? 'png' : 'jpg'}"`,
      )
      .send(photo.content);
  }

  /** A lifecycle action from one of the page's buttons: the API's `POST /cases/{id}/{action}`. */
  @Post(':id/actions')
  async act(@Req() request: ConsoleRequest, @Res() response: Response, @Param('id') id: string): Promise<void> {
    const action = formText(request.body, 'action') as CaseAction;
    if (!CASE_ACTIONS.includes(action)) throw new NotFoundError('Case action', action);
    const body = Object.fromEntries(
      ['reason', 'departmentCode', 'duplicateOf', 'catalogCode']
        .map((name) => [name, optionalText(request.body, name)])
        .filter(([, value]) => value !== undefined),
    ) as Record<string, string>;
    await this.write(request, response, id, action, async (staff) => {
      const answer = await this.workflow.act(staff, id, action, await asDto(CaseActionDto, body));
      return answer.reference;
    });
  }

  @Post(':id/notes')
  async note(@Req() request: ConsoleRequest, @Res() response: Response, @Param('id') id: string): Promise<void> {
    await this.write(request, response, id, 'note', async (staff) => {
      await this.workflow.note(staff, id, (await asDto(CaseTextDto, { body: formText(request.body, 'body') })).body);
      return null;
    });
  }

  @Post(':id/replies')
  async reply(@Req() request: ConsoleRequest, @Res() response: Response, @Param('id') id: string): Promise<void> {
    await this.write(request, response, id, 'reply', async (staff) => {
      await this.workflow.reply(staff, id, (await asDto(CaseTextDto, { body: formText(request.body, 'body') })).body);
      return null;
    });
  }

  /** The readability (LIX) of a reply's draft, as the handler types it: a fragment for htmx. */
  @Post(':id/lix')
  async lix(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const lix = readabilityIndex(formText(request.body, 'body'));
    response
      .type('html')
      .send(this.pages.renderToString(frame, 'partials/lix.njk', { lix, band: readabilityBand(lix) }));
  }

  /** Runs a change, then back to the case; a refusal of its input shows the page with the problems. */
  private async write(
    request: ConsoleRequest,
    response: Response,
    id: string,
    what: string,
    change: (staff: StaffPrincipal) => Promise<string | null>,
  ): Promise<void> {
    const staff = request.staff as StaffPrincipal;
    try {
      const reference = (await change(staff)) ?? (await this.cases.get(staff, id)).reference;
      response.redirect(303, `/cases/${reference}?done=${what}`);
    } catch (error: unknown) {
      const frame = await this.pages.frame(request, response);
      const problems = problemsOf(error, CASE_FIELDS, frame.t, 'case.error');
      if (!problems) throw error;
      await this.render(request, response, id, { problems, failed: what, form: request.body as unknown }, 400);
    }
  }

  private async render(
    request: ConsoleRequest,
    response: Response,
    id: string,
    state: { done?: string | null; problems?: FormProblem[]; failed?: string; form?: unknown },
    status = 200,
  ): Promise<void> {
    const staff = request.staff as StaffPrincipal;
    const frame = await this.pages.frame(request, response);
    const view = await this.cases.get(staff, id);
    const [timeline, plan, departments, caseTypes, photos] = await Promise.all([
      this.cases.timeline(staff, view.id),
      this.targets.plan(view.id),
      this.organisation.listDepartments(),
      this.desk.caseTypes(frame.language),
      'redacted' in view ? [] : this.photos.listFor(view.id),
    ]);
    const related = 'redacted' in view ? [] : [view.likelyDuplicateOfId, view.duplicateOfId];
    const relatedCases = await Promise.all(
      related.map(async (relatedId) => (relatedId ? await this.cases.get(staff, relatedId).catch(() => null) : null)),
    );
    const names = await this.staffMembers.namesOf([
      ...timeline.map((event) => event.actorId),
      'redacted' in view ? null : view.assigneeId,
    ]);
    const model: CaseViewModel = caseViewModel({
      staff,
      view,
      timeline,
      plan,
      departments,
      caseTypes,
      names,
      likelyDuplicate: relatedCases[0] ?? null,
      duplicateOf: relatedCases[1] ?? null,
      serviceCenterCode: this.config.routing.serviceCenterDepartment,
      t: frame.t,
    });
    const problems = state.problems ?? [];
    const done = state.done && [...CASE_ACTIONS, 'note', 'reply'].includes(state.done) ? state.done : null;
    response
      .status(status)
      .type('html')
      .send(
        this.pages.renderToString(frame, 'case.njk', {
          ...model,
          photos: photos.map((photo, index) => ({
            href: `/cases/${view.id}/photos/${photo.id}`,
            text: frame.t('eService.photoOnCase', { number: index + 1, kilobytes: Math.ceil(photo.byteSize / 1024) }),
          })),
          notice: done ? { text: frame.t(`case.done.${done}`, { reference: view.reference }) } : null,
          failed: state.failed ?? null,
          form: state.form ?? {},
          errors: problems.map((problem) => ({ text: problem.text, href: `#${state.failed}-${problem.field}` })),
          fieldErrors: Object.fromEntries(problems.map((problem) => [problem.field, problem.text])),
        }),
      );
  }
}

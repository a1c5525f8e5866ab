import { Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AccessPolicy } from '../auth/access-policy';
import { StaffPrincipal } from '../auth/roles';
import { CasesService } from '../cases/cases.service';
import { CaseView } from '../cases/case.view';
import { PRIORITIES } from '../catalog/catalog.types';
import { ForbiddenError } from '../common/domain-errors';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DepartmentInboxService } from '../inbox/department-inbox.service';
import { DUE_STATES } from '../inbox/due-state';
import { InboxItem } from '../inbox/inbox-item.view';
import { OrganisationService } from '../organisation/organisation.service';
import { ConsoleController } from './console-page.decorator';
import { DeskViewService } from './desk-view.service';
import { formText } from './forms/form-fields';
import { ConsoleRequest, PageRenderer } from './page-renderer.service';

/** The most inbox lines one page reads; the filters then work on these, in the inbox's order. */
const INBOX_LINES = 500;

/**
 * The handler's inbox: their department's cases in the order the API gives them (most urgent,
 * then due first), each with its due state in words and colour, filters, "claim next" and the
 * handler's own open cases. Through DepartmentInboxService and CasesService, as the API.
 */
@ConsoleController('inbox')
export class InboxPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly inbox: DepartmentInboxService,
    private readonly cases: CasesService,
    private readonly organisation: OrganisationService,
    private readonly desk: DeskViewService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async page(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const staff = request.staff as StaffPrincipal;
    const frame = await this.pages.frame(request, response);
    const departments = await this.departmentsOf(staff);
    const asked = typeof request.query.department === 'string' ? request.query.department : '';
    const department = departments.find((d) => d.code === asked) ?? departments[0];
    if (!department) throw new ForbiddenError('You belong to no department, so there is no inbox of yours');
    const view = request.query.view === 'mine' ? 'mine' : 'inbox';
    const filters = { priority: oneOf(request.query.priority, PRIORITIES), due: oneOf(request.query.due, DUE_STATES) };
    const caseTypes = await this.desk.caseTypes(frame.language);
    const caseTypeNames = Object.fromEntries(caseTypes.map((type) => [type.code, type.name]));
    let items: InboxItem[] = [];
    let mine: CaseView[] = [];
    let total: number;
    if (view === 'inbox') {
      const page = await this.inbox.list(staff, department.code, { limit: INBOX_LINES });
      total = page.total;
      items = page.items.filter(
        (item) =>
          (!filters.priority || item.priority === filters.priority) && (!filters.due || item.dueState === filters.due),
      );
    } else {
      const page = await this.cases.list(staff, { assignee: 'me', open: 'true', limit: 200 });
      mine = page.items.filter((item): item is CaseView => !('redacted' in item));
      total = page.total;
    }
    const notice =
      request.query.empty === '1' ? { text: frame.t('inbox.nothingToClaim', { department: department.name }) } : null;
    response.type('html').send(
      this.pages.renderToString(frame, 'inbox.njk', {
        departments,
        department,
        view,
        filters,
        items,
        mine,
        total,
        notice,
        caseTypeNames,
        departmentItems: departments.map((d) => ({ value: d.code, text: d.name })),
        priorityItems: [
          { value: '', text: frame.t('inbox.any') },
          ...PRIORITIES.map((priority) => ({ value: priority, text: frame.t(`priority.${priority}`) })),
        ],
        dueItems: [
          { value: '', text: frame.t('inbox.any') },
          ...DUE_STATES.map((state) => ({ value: state, text: frame.t(`due.${state}`) })),
        ],
      }),
    );
  }

  /** Claims the next case of the department's inbox and opens it; back to the inbox when it is empty. */
  @Post('next')
  async claimNext(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const staff = request.staff as StaffPrincipal;
    const code = formText(request.body, 'department');
    const claimed = await this.inbox.claimNext(staff, code);
    if (claimed) return response.redirect(303, `/cases/${claimed.reference}?done=claim`);
    response.redirect(303, `/inbox?department=${encodeURIComponent(code)}&empty=1`);
  }

  /** The departments whose inbox the staff member may see (the access policy), by code. */
  private async departmentsOf(staff: StaffPrincipal): Promise<Array<{ code: string; name: string }>> {
    const serviceCenter = this.config.routing.serviceCenterDepartment;
    const all = await this.organisation.listDepartments();
    return all
      .filter((department) => AccessPolicy.inboxRefusal(staff, department.code, serviceCenter) === null)
      .map((department) => ({ code: department.code, name: department.name }));
  }
}

/** A query parameter that must be one of `allowed`; '' for anything else. */
function oneOf(value: unknown, allowed: readonly string[]): string {
  return typeof value === 'string' && allowed.includes(value) ? value : '';
}

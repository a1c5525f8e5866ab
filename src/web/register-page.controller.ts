import { Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RegisterQuery } from '../register/dto/register-query.dto';
import { RegisterPageResponse } from '../register/dto/register-page.response';
import { PublicRegisterService } from '../register/public-register.service';
import { ConsoleController } from './console-page.decorator';
import { asDto, FormProblem, problemsOf } from './forms/form-problems';
import { OpenPage } from './open-page.decorator';
import { ConsoleRequest, PageRenderer } from './page-renderer.service';

/** The register page's filters: the query parameter and the form field's id are the same. */
const FILTERS = ['from', 'to', 'q', 'department', 'caseType', 'page', 'pageSize'] as const;
/** Query parameters with no field of their own on the form. */
const NOT_ON_FORM = ['page', 'pageSize'];
const FILTER_FIELDS: Record<string, string> = Object.fromEntries(FILTERS.map((name) => [name, name]));

/**
 * The public case register as a page anyone reads without signing in (/register): the same
 * entries, filters and refusals as GET /public/v1/register, in the reader's language, a plain GET
 * form and links for the pages, so it works without JavaScript. No staff navigation is shown, even
 * to a signed-in staff member.
 */
@ConsoleController()
export class RegisterPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly register: PublicRegisterService,
  ) {}

  @OpenPage()
  @Get('register')
  async page(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const filters = Object.fromEntries(
      FILTERS.map((name) => [name, typeof request.query[name] === 'string' ? request.query[name] : '']),
    );
    const asked = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
    let result: RegisterPageResponse | null = null;
    let problems: FormProblem[] = [];
    try {
      result = await this.register.search(await asDto(RegisterQuery, { ...asked, lang: frame.language }));
    } catch (error: unknown) {
      const found = problemsOf(error, FILTER_FIELDS, frame.t, 'register.error');
      if (!found) throw error;
      problems = found;
    }
    const [caseTypes, departments] = await Promise.all([
      this.register.caseTypes(frame.language),
      this.register.departments(),
    ]);
    const values = {
      filters,
      result,
      caseTypes,
      departments,
      pagination: result ? paginationOf(result, asked, frame.language) : null,
      errors: problems.map((problem) => ({
        text: problem.text,
        ...(NOT_ON_FORM.includes(problem.field) ? {} : { href: `#${problem.field}` }),
      })),
      fieldErrors: Object.fromEntries(problems.map((problem) => [problem.field, problem.text])),
      // A public page: no staff navigation or sign-out, whoever reads it.
      staff: null,
      navigation: [],
      serviceUrl: '/register',
      serviceName: frame.t('register.serviceName'),
    };
    response.setHeader('Cache-Control', 'no-store');
    response
      .status(problems.length > 0 ? 400 : 200)
      .type('html')
      .send(this.pages.renderToString(frame, 'register.njk', values));
  }
}

/** GOV.UK pagination for the result: previous, next and each page's link, the filters kept. */
function paginationOf(result: RegisterPageResponse, asked: Record<string, unknown>, language: string) {
  const pageCount = Math.max(1, Math.ceil(result.total / result.pageSize));
  if (pageCount <= 1) return null;
  const link = (page: number) => {
    const query = new URLSearchParams({ ...(asked as Record<string, string>), page: String(page), lang: language });
    return `/register?${query.toString()}`;
  };
  const shown = [...new Set([1, result.page - 1, result.page, result.page + 1, pageCount])]
    .filter((page) => page >= 1 && page <= pageCount)
    .sort((a, b) => a - b);
  const items: Array<Record<string, unknown>> = [];
  shown.forEach((page, index) => {
    if (index > 0 && page - shown[index - 1] > 1) items.push({ ellipsis: true });
    items.push({ number: page, href: link(page), current: page === result.page });
  });
  return {
    items,
    previous: result.page > 1 ? { href: link(result.page - 1) } : undefined,
    next: result.page < pageCount ? { href: link(result.page + 1) } : undefined,
  };
}

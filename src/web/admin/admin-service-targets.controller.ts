import { Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Roles } from '../../auth/roles.decorator';
import { StaffPrincipal } from '../../auth/roles';
import { CatalogService } from '../../catalog/catalog.service';
import { CASE_KINDS, PRIORITIES } from '../../catalog/catalog.types';
import { CHANNELS } from '../../contacts/contact.types';
import { ServiceTargetPolicyDto } from '../../service-targets/dto/service-target-policy.dto';
import { ServiceTargetPoliciesService } from '../../service-targets/service-target-policies.service';
import { ServiceTargetPolicyView } from '../../service-targets/service-target-policy.view';
import { TARGET_UNITS } from '../../service-targets/service-target.types';
import { ConsoleController } from '../console-page.decorator';
import { asDto } from '../forms/form-problems';
import { ConsoleRequest, PageFrame, PageRenderer } from '../page-renderer.service';
import {
  afterChange,
  attemptChange,
  blankAsUndefined,
  doneNotice,
  formValues,
  RefusedForm,
  sendAdminPage,
} from './admin-forms';

const PATH = '/admin/service-targets';
const MEASURES = ['firstResponse', 'resolution', 'callback'] as const;
const FORM_FIELDS = [
  'catalogCode',
  'kind',
  'priority',
  'channel',
  ...MEASURES.flatMap((measure) => [`${measure}Value`, `${measure}Unit`]),
  'note',
];
/**
 * The API body's paths, and the form field each is typed in. The first is where a message naming
 * no field goes ("a policy sets at least one of firstResponse, resolution and callback").
 */
const FIELDS: Record<string, string> = {
  firstResponse: 'firstResponseValue',
  'firstResponse.unit': 'firstResponseUnit',
  resolution: 'resolutionValue',
  'resolution.unit': 'resolutionUnit',
  callback: 'callbackValue',
  'callback.unit': 'callbackUnit',
  catalogCode: 'catalogCode',
  kind: 'kind',
  priority: 'priority',
  channel: 'channel',
  note: 'note',
};

/**
 * `/admin/service-targets`: the service-target policies, most specific first, a form adding one,
 * `/admin/service-targets/{id}` changing one (replaced whole) and a button deleting one. Through
 * ServiceTargetPoliciesService with the API's DTO, as `POST`, `PUT` and
 * `DELETE /api/v1/service-targets/policies`: the same checks (whole working days,
 * a catalog type or a kind, not both), a scope already held is a 409 shown on the type.
 * A scope left at "any" matches every case; a target left blank is left to a less specific policy.
 */
@ConsoleController('admin/service-targets')
@Roles('admin')
export class AdminServiceTargetsController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly policies: ServiceTargetPoliciesService,
    private readonly catalog: CatalogService,
  ) {}

  @Get()
  async page(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    await this.send(request, response, null);
  }

  @Post()
  async create(@Req() request: ConsoleRequest, @Res() response: Response): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const values = formValues(request.body, FORM_FIELDS);
    const refused = await attemptChange(
      async () =>
        this.policies.create(request.staff as StaffPrincipal, await asDto(ServiceTargetPolicyDto, policyBody(values))),
      { form: 'create', values, fields: FIELDS, prefix: 'admin.serviceTargets.error' },
      frame,
      'catalogCode',
    );
    if (refused) return this.send(request, response, refused, frame);
    response.redirect(303, afterChange(PATH, 'created'));
  }

  @Get(':id')
  async editPage(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: ConsoleRequest,
    @Res() response: Response,
  ): Promise<void> {
    const policy = await this.policies.get(id);
    await this.sendEdit(request, response, policy, formOf(policy), null);
  }

  @Post(':id')
  async replace(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: ConsoleRequest,
    @Res() response: Response,
  ): Promise<void> {
    const frame = await this.pages.frame(request, response);
    const policy = await this.policies.get(id);
    const values = formValues(request.body, FORM_FIELDS);
    const refused = await attemptChange(
      async () =>
        this.policies.replace(
          request.staff as StaffPrincipal,
          id,
          await asDto(ServiceTargetPolicyDto, policyBody(values)),
        ),
      { form: 'edit', values, fields: FIELDS, prefix: 'admin.serviceTargets.error' },
      frame,
      'catalogCode',
    );
    if (refused) return this.sendEdit(request, response, policy, values, refused, frame);
    response.redirect(303, afterChange(PATH, 'updated'));
  }

  @Post(':id/delete')
  async remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() _request: ConsoleRequest,
    @Res() response: Response,
  ): Promise<void> {
    await this.policies.remove(id);
    response.redirect(303, afterChange(PATH, 'deleted'));
  }

  private async sendEdit(
    request: ConsoleRequest,
    response: Response,
    policy: ServiceTargetPolicyView,
    typed: Record<string, string>,
    refused: RefusedForm | null,
    knownFrame?: PageFrame,
  ): Promise<void> {
    const frame = knownFrame ?? (await this.pages.frame(request, response));
    await sendAdminPage(
      this.pages,
      request,
      response,
      'admin/service-target.njk',
      { policy, typed, ...(await this.formOptions(frame)) },
      refused,
      frame,
    );
  }

  private async send(
    request: ConsoleRequest,
    response: Response,
    refused: RefusedForm | null,
    knownFrame?: PageFrame,
  ): Promise<void> {
    const frame = knownFrame ?? (await this.pages.frame(request, response));
    const [stored, options] = await Promise.all([this.policies.list(), this.formOptions(frame)]);
    const policies = stored.map((policy) => ({ ...policy, scopeText: scopeText(policy, options.catalogNames, frame) }));
    await sendAdminPage(
      this.pages,
      request,
      response,
      'admin/service-targets.njk',
      {
        policies,
        typed: refused?.values ?? {},
        notice: refused ? null : doneNotice(request, frame, 'admin.serviceTargets', ['created', 'updated', 'deleted']),
        ...options,
      },
      refused,
      frame,
    );
  }

  /** The choices of the policy form, in the page's language, and the catalog's names for the list. */
  private async formOptions(frame: PageFrame) {
    const entries = await this.catalog.list({ includeInactive: true });
    const any = { value: '', text: frame.t('admin.serviceTargets.any') };
    const catalogNames = Object.fromEntries(
      entries.map((entry) => [entry.code, entry.name[frame.language] ?? entry.name.en]),
    );
    return {
      catalogNames,
      measures: MEASURES,
      catalogItems: [any, ...entries.map((entry) => ({ value: entry.code, text: catalogNames[entry.code] }))],
      kindItems: [any, ...CASE_KINDS.map((kind) => ({ value: kind, text: frame.t(`kind.${kind}`) }))],
      priorityItems: [
        any,
        ...PRIORITIES.map((priority) => ({ value: priority, text: frame.t(`priority.${priority}`) })),
      ],
      channelItems: [any, ...CHANNELS.map((channel) => ({ value: channel, text: frame.t(`channel.${channel}`) }))],
      unitItems: TARGET_UNITS.map((unit) => ({ value: unit, text: frame.t(`admin.serviceTargets.unit.${unit}`) })),
    };
  }
}

/** Which cases a policy applies to, in words: "Complaint · E-mail"; "Every case" when its scope is empty. */
function scopeText(policy: ServiceTargetPolicyView, catalogNames: Record<string, string>, frame: PageFrame): string {
  const parts = [
    policy.catalogCode ? (catalogNames[policy.catalogCode] ?? policy.catalogCode) : null,
    policy.kind ? frame.t(`kind.${policy.kind}`) : null,
    policy.priority ? frame.t(`priority.${policy.priority}`) : null,
    policy.channel ? frame.t(`channel.${policy.channel}`) : null,
  ].filter((part): part is string => part !== null);
  const text = parts.join(' · ');
  return text
    ? text.charAt(0).toLocaleUpperCase(frame.language) + text.slice(1)
    : frame.t('admin.serviceTargets.everyCase');
}

/** A stored policy as the form shows it. */
function formOf(policy: ServiceTargetPolicyView): Record<string, string> {
  const values: Record<string, string> = {
    catalogCode: policy.catalogCode ?? '',
    kind: policy.kind ?? '',
    priority: policy.priority ?? '',
    channel: policy.channel ?? '',
    note: policy.note ?? '',
  };
  for (const measure of MEASURES) {
    values[`${measure}Value`] = policy[measure] ? String(policy[measure].value) : '';
    values[`${measure}Unit`] = policy[measure]?.unit ?? 'working_days';
  }
  return values;
}

/** The API's policy body from the form: "any" and blank targets left out, a decimal comma read as a point. */
function policyBody(values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const scope of ['catalogCode', 'kind', 'priority', 'channel']) {
    const value = blankAsUndefined(values[scope]);
    if (value !== undefined) body[scope] = value;
  }
  for (const measure of MEASURES) {
    const typed = blankAsUndefined(values[`${measure}Value`]);
    if (typed === undefined) continue;
    const number = Number(typed.replace(',', '.'));
    body[measure] = { value: Number.isFinite(number) ? number : typed, unit: values[`${measure}Unit`] };
  }
  const note = blankAsUndefined(values.note);
  if (note !== undefined) body.note = note;
  return body;
}

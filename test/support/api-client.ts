import request from 'supertest';
import type {
  AlertQuery,
  ApplicableTargets,
  AreaRule,
  BreachedCase,
  CalendarSettings,
  CallImportResult,
  CallListQuery,
  CallRecord,
  CaseAccess,
  CaseAction,
  CaseCorrection,
  CaseActionBody,
  CaseImportResult,
  CaseListQuery,
  CaseTargetPlan,
  CaseView,
  CatalogEntry,
  Contact,
  ContactCallback,
  ContactListQuery,
  CreatedCase,
  Department,
  DepartmentWebhook,
  DepartmentWebhookInput,
  ErrorBody,
  Health,
  InboxItem,
  LoginAnswer,
  ManagerAlert,
  NewAreaRule,
  NewCase,
  NewCatalogEntry,
  NewContact,
  NewRating,
  NewRoutingOverride,
  NewServiceTargetPolicy,
  NewStaffUser,
  PasswordChange,
  Notification,
  OpenApiDocument,
  OwedCallback,
  Page,
  PageQuery,
  Rating,
  RedactedCaseView,
  RoutingOverride,
  ServicePoint,
  ServiceTargetPolicy,
  SignInMethods,
  SignInUnlock,
  StaffMember,
  StaffUser,
  StaffUserChange,
  StatisticsQuery,
  StatisticsReports,
  TimelineEvent,
  TriageQuality,
  TriageSuggestion,
  WebhookDelivery,
  WebhookDeliveryQuery,
  WorkingTime,
  WorkingTimeQuery,
} from './api-types';
import { TestApp } from './test-app';

/** What a client speaks to: a test app in this process, or an app process of the test's own (AppProcess). */
export type ApiTarget = Pick<TestApp, 'http' | 'login'>;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Query = Record<string, string | number | boolean | undefined>;

/** A supertest response whose JSON body has the type `Body`. */
export type ApiResponse<Body> = Omit<request.Response, 'body'> & { body: Body };

/** What a response with this status carries: the call's answer (200, 201), nothing (204), or an error. */
export type BodyAt<Body, Status extends number> = number extends Status
  ? Body | ErrorBody
  : Status extends 200 | 201
    ? Body
    : Status extends 204
      ? Record<string, never>
      : ErrorBody;

/**
 * One API call, sent when it is first awaited. Awaiting it expects the call's success status
 * (200, 201 or 204) and answers the typed body; `expectStatus(status)` expects another status
 * and answers the whole response (status, headers, text, body), for a test of refusals or headers;
 * `response()` answers whatever came, for a test that compares several answers.
 */
export class ApiCall<Answer, Body = Answer> implements PromiseLike<Answer> {
  private sent: Promise<request.Response> | undefined;

  constructor(
    private readonly description: string,
    private readonly send: () => request.Test,
    private readonly successStatus: number,
    private readonly read: (response: request.Response) => Answer,
  ) {}

  then<Fulfilled = Answer, Rejected = never>(
    onfulfilled?: ((answer: Answer) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onrejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    return this.expectStatus(this.successStatus)
      .then((response) => this.read(response as request.Response))
      .then(onfulfilled, onrejected);
  }

  /** Expects the answer to have this HTTP status, else fails naming the call, the status and the body. */
  async expectStatus<Status extends number>(status: Status): Promise<ApiResponse<BodyAt<Body, Status>>> {
    const response = await this.response();
    if (response.status !== status)
      throw new Error(
        `${this.description}: expected ${status}, got ${response.status}: ${response.text?.slice(0, 1000) ?? ''}`,
      );
    return response as ApiResponse<BodyAt<Body, Status>>;
  }

  /** The answer as it came, whatever its status. */
  response(): Promise<ApiResponse<Body | ErrorBody | Record<string, never>>> {
    this.sent ??= new Promise<request.Response>((resolve, reject) => {
      this.send().then(resolve, reject);
    });
    return this.sent;
  }
}

/** What a request carries besides its method and path; a string or Buffer body is sent as it is. */
export interface CallOptions {
  body?: unknown;
  query?: Query;
  contentType?: string;
  headers?: Record<string, string>;
}

/**
 * A body a test sends to see it refused: it need not fit the input type of the call,
 * e.g. `agent.recordCallback(id, invalid({}))` for a callback that does not say whether it reached anyone.
 */
export function invalid<Input>(body: unknown): Input {
  return body as Input;
}

/**
 * The staff API of a test app, spoken as one staff member (a bearer token from the log-in),
 * or as nobody. One method per call the tests make, each answering the typed JSON body; see
 * ApiCall for statuses, headers and refusals.
 *
 * ```ts
 * const [agent, handler] = await ApiClient.loginAll(t, 'agent@demo.local', 'handler@demo.local');
 * const created = await agent.createCase({ description: 'Gatlampan är släckt', catalogCode: 'street_light' });
 * await agent.act(created.id, 'route');
 * const refused = await handler.act(created.id, 'close').expectStatus(409);
 * ```
 */
export class ApiClient {
  private constructor(
    private readonly app: ApiTarget,
    /** The bearer token, or null for a caller who is not logged in. */
    readonly token: string | null,
  ) {}

  /** Logs in as a staff member with the demo password (demo-password); the test app keeps the token. */
  static async login(app: ApiTarget, email: string): Promise<ApiClient> {
    return new ApiClient(app, await app.login(email));
  }

  /** Logs in as several staff members at once, in the order given. */
  static loginAll(app: ApiTarget, ...emails: string[]): Promise<ApiClient[]> {
    return Promise.all(emails.map((email) => ApiClient.login(app, email)));
  }

  /** A caller without a token: the public endpoints, and the 401 of every other one. */
  static anonymous(app: ApiTarget): ApiClient {
    return new ApiClient(app, null);
  }

  /** A caller with a token of the test's choosing, e.g. one the app never issued. */
  static withToken(app: ApiTarget, token: string): ApiClient {
    return new ApiClient(app, token);
  }

  /**
   * Any request with this caller's token, typed by the test: for what no method here sends
   * (a web page, the queue dashboard, a body that is not JSON). It succeeds with `status`, 200 by default.
   */
  send<Answer = unknown>(
    method: Method,
    path: string,
    options: CallOptions & { status?: number } = {},
  ): ApiCall<Answer> {
    return this.call(method, path, options.status ?? 200, options);
  }

  // ----- staff and organisation -----

  /**
   * POST /api/v1/auth/login → 200 {accessToken, expiresIn (seconds)}; 401 for a wrong e-mail or password,
   * 429 when limited. `headers` may carry X-Forwarded-For, for an app that trusts a proxy (TRUST_PROXY_HOPS).
   */
  logIn(email: string, password: string, headers?: Record<string, string>): ApiCall<LoginAnswer> {
    return this.call('post', '/api/v1/auth/login', 200, { body: { email, password }, headers });
  }

  /** POST /api/v1/auth/logout → 204; the caller's token stops working at once. */
  logOut(): ApiCall<void, Record<string, never>> {
    return this.call('post', '/api/v1/auth/logout', 204, {}, () => undefined);
  }

  /** POST /api/v1/auth/password → 204: the caller's own password, with the current one; their other sessions end. */
  changePassword(body: PasswordChange): ApiCall<void, Record<string, never>> {
    return this.call('post', '/api/v1/auth/password', 204, { body }, () => undefined);
  }

  /** GET /api/v1/auth/methods (public) → which sign-in methods are on. */
  signInMethods(): ApiCall<SignInMethods> {
    return this.call('get', '/api/v1/auth/methods', 200);
  }

  /** GET /api/v1/auth/me → the caller: {id, email, role, departmentCodes}. */
  me(): ApiCall<StaffMember> {
    return this.call('get', '/api/v1/auth/me', 200);
  }

  /** POST /api/v1/staff (admin) → 201 the new staff member. */
  createStaffUser(body: NewStaffUser): ApiCall<StaffUser> {
    return this.call('post', '/api/v1/staff', 201, { body });
  }

  /** GET /api/v1/staff (admins, managers): every account, by e-mail. */
  staffUsers(): ApiCall<StaffUser[]> {
    return this.call('get', '/api/v1/staff', 200);
  }

  /** PATCH /api/v1/staff/{id} (admin): name, or active (false ends the account's sessions at once). */
  updateStaffUser(id: string, body: StaffUserChange): ApiCall<StaffUser> {
    return this.call('patch', `/api/v1/staff/${id}`, 200, { body });
  }

  /** POST /api/v1/staff/{id}/password (admin) → 204: a new password; every session of the account ends. */
  resetStaffPassword(id: string, newPassword: string): ApiCall<void, Record<string, never>> {
    return this.call('post', `/api/v1/staff/${id}/password`, 204, { body: { newPassword } }, () => undefined);
  }

  /** POST /api/v1/staff/{id}/unlock (admin) → 200 {staffId, wasLocked}: lifts a lock from failed sign-ins. */
  unlockStaffUser(id: string): ApiCall<SignInUnlock> {
    return this.call('post', `/api/v1/staff/${id}/unlock`, 200);
  }

  /** GET /api/v1/departments. */
  departments(): ApiCall<Department[]> {
    return this.call('get', '/api/v1/departments', 200);
  }

  /** GET /api/v1/departments/{code}. */
  department(code: string): ApiCall<Department> {
    return this.call('get', `/api/v1/departments/${code}`, 200);
  }

  /** POST /api/v1/departments (admin) → 201; 409 when the code is taken. */
  createDepartment(body: { code: string; name: string }): ApiCall<Department> {
    return this.call('post', '/api/v1/departments', 201, { body });
  }

  /** PATCH /api/v1/departments/{code} (admin). */
  updateDepartment(code: string, body: { name: string }): ApiCall<Department> {
    return this.call('patch', `/api/v1/departments/${code}`, 200, { body });
  }

  /** GET /api/v1/service-points: desk, phone, e-mail, web and library branches. */
  servicePoints(): ApiCall<ServicePoint[]> {
    return this.call('get', '/api/v1/service-points', 200);
  }

  /** GET /api/v1/catalog: the active case types. */
  catalog(): ApiCall<CatalogEntry[]> {
    return this.call('get', '/api/v1/catalog', 200);
  }

  /** GET /api/v1/catalog/{code}. */
  catalogEntry(code: string): ApiCall<CatalogEntry> {
    return this.call('get', `/api/v1/catalog/${code}`, 200);
  }

  /** POST /api/v1/catalog (admin) → 201. */
  createCatalogEntry(body: NewCatalogEntry): ApiCall<CatalogEntry> {
    return this.call('post', '/api/v1/catalog', 201, { body });
  }

  /** PATCH /api/v1/catalog/{code} (admin): the fields given change. */
  updateCatalogEntry(code: string, body: Partial<NewCatalogEntry>): ApiCall<CatalogEntry> {
    return this.call('patch', `/api/v1/catalog/${code}`, 200, { body });
  }

  // ----- contacts and callbacks -----

  /** POST /api/v1/contacts → 201; the caller is the agent, the times default to now. */
  logContact(body: NewContact): ApiCall<Contact> {
    return this.call('post', '/api/v1/contacts', 201, { body });
  }

  /** GET /api/v1/contacts: newest first. */
  contacts(query: ContactListQuery = {}): ApiCall<Page<Contact>> {
    return this.call('get', '/api/v1/contacts', 200, { query: { ...query } });
  }

  /** GET /api/v1/contacts/{id} → 200, redacted when about a confidential case the caller may not read. */
  contact(id: string): ApiCall<Contact> {
    return this.call('get', `/api/v1/contacts/${id}`, 200);
  }

  /** POST /api/v1/contacts/{id}/callback → 201; 409 when the contact owes none or it is made. */
  recordCallback(
    contactId: string,
    body: { reached: boolean; note?: string; madeAt?: string },
  ): ApiCall<ContactCallback> {
    return this.call('post', `/api/v1/contacts/${contactId}/callback`, 201, { body });
  }

  /** POST /api/v1/contacts/{id}/callback-made → 201, the same taken as reached. */
  recordCallbackMade(contactId: string, body: { madeAt?: string } = {}): ApiCall<ContactCallback> {
    return this.call('post', `/api/v1/contacts/${contactId}/callback-made`, 201, { body });
  }

  /** GET /api/v1/callbacks: promised callbacks with their due times; state open (default), overdue, made or all. */
  callbacks(query: { state?: string } & PageQuery = {}): ApiCall<Page<OwedCallback>> {
    return this.call('get', '/api/v1/callbacks', 200, { query: { ...query } });
  }

  // ----- cases -----

  /** POST /api/v1/cases → 201 {id, reference, status}. */
  createCase(body: NewCase): ApiCall<CreatedCase> {
    return this.call('post', '/api/v1/cases', 201, { body });
  }

  /** GET /api/v1/cases/{id} (an id or a reference), as a reader who may see its content. */
  getCase(id: string): ApiCall<CaseView> {
    return this.call('get', `/api/v1/cases/${id}`, 200);
  }

  /** PATCH /api/v1/cases/{id}: corrects description, location or citizen; 409 when the case is no longer open. */
  correctCase(id: string, body: CaseCorrection): ApiCall<CaseView> {
    return this.call('patch', `/api/v1/cases/${id}`, 200, { body });
  }

  /** GET /api/v1/cases/{id} of a confidential case, as a reader outside its department. */
  getRedactedCase(id: string): ApiCall<RedactedCaseView> {
    return this.call('get', `/api/v1/cases/${id}`, 200);
  }

  /** GET /api/v1/cases: confidential cases come redacted to readers outside their department. */
  listCases(query: CaseListQuery = {}): ApiCall<Page<CaseView | RedactedCaseView>> {
    return this.call('get', '/api/v1/cases', 200, { query: { ...query } });
  }

  /** POST /api/v1/cases/{id}/{action} → 200 the case after it; 409 when the status does not allow it. */
  act(id: string, action: CaseAction, body: CaseActionBody = {}): ApiCall<CaseView> {
    return this.call('post', `/api/v1/cases/${id}/${action}`, 200, { body });
  }

  /** POST /api/v1/cases/{id}/notes → 201 the note's timeline event. */
  addNote(id: string, text: string): ApiCall<TimelineEvent> {
    return this.call('post', `/api/v1/cases/${id}/notes`, 201, { body: { body: text } });
  }

  /** POST /api/v1/cases/{id}/replies → 201 the reply's timeline event; the citizen is sent it. */
  reply(id: string, text: string): ApiCall<TimelineEvent> {
    return this.call('post', `/api/v1/cases/${id}/replies`, 201, { body: { body: text } });
  }

  /** GET /api/v1/cases/{id}/timeline: oldest first. */
  timeline(id: string): ApiCall<TimelineEvent[]> {
    return this.call('get', `/api/v1/cases/${id}/timeline`, 200);
  }

  /** GET /api/v1/cases/{id}/access-log (managers, admins): reads of a confidential case's content. */
  accessLog(id: string): ApiCall<CaseAccess[]> {
    return this.call('get', `/api/v1/cases/${id}/access-log`, 200);
  }

  /** GET /api/v1/cases/{id}/notifications: the messages to the case's citizen. */
  caseNotifications(id: string): ApiCall<Notification[]> {
    return this.call('get', `/api/v1/cases/${id}/notifications`, 200);
  }

  // ----- inboxes and routing -----

  /** GET /api/v1/departments/{code}/inbox: most urgent first, then due first. */
  inbox(departmentCode: string, query: PageQuery = {}): ApiCall<Page<InboxItem>> {
    return this.call('get', `/api/v1/departments/${departmentCode}/inbox`, 200, { query: { ...query } });
  }

  /** POST /api/v1/departments/{code}/inbox/next → 200 the case now claimed by the caller, or 204 when none is left. */
  claimNext(departmentCode: string): ApiCall<CaseView> {
    return this.call('post', `/api/v1/departments/${departmentCode}/inbox/next`, 200);
  }

  /** GET /api/v1/routing/area-rules. */
  areaRules(query: { catalogCode?: string } = {}): ApiCall<AreaRule[]> {
    return this.call('get', '/api/v1/routing/area-rules', 200, { query: { ...query } });
  }

  /** POST /api/v1/routing/area-rules (admin) → 201. */
  createAreaRule(body: NewAreaRule): ApiCall<AreaRule> {
    return this.call('post', '/api/v1/routing/area-rules', 201, { body });
  }

  /** DELETE /api/v1/routing/area-rules/{id} (admin) → 204. */
  deleteAreaRule(id: string): ApiCall<void, Record<string, never>> {
    return this.call('delete', `/api/v1/routing/area-rules/${id}`, 204, {}, () => undefined);
  }

  /** POST /api/v1/routing/overrides (admin) → 201; 409 while the type has one. */
  createRoutingOverride(body: NewRoutingOverride): ApiCall<RoutingOverride> {
    return this.call('post', '/api/v1/routing/overrides', 201, { body });
  }

  /** DELETE /api/v1/routing/overrides/{id} (admin) → 204. */
  deleteRoutingOverride(id: string): ApiCall<void, Record<string, never>> {
    return this.call('delete', `/api/v1/routing/overrides/${id}`, 204, {}, () => undefined);
  }

  // ----- business calendar -----

  /** GET /api/v1/calendar: the settings in force, with defaults filled in. */
  calendar(): ApiCall<CalendarSettings> {
    return this.call('get', '/api/v1/calendar', 200);
  }

  /** PUT /api/v1/calendar (admin) → 200 the new version. */
  replaceCalendar(body: object): ApiCall<CalendarSettings> {
    return this.call('put', '/api/v1/calendar', 200, { body });
  }

  /** GET /api/v1/calendar/history (managers, admins): every version, newest first. */
  calendarHistory(): ApiCall<CalendarSettings[]> {
    return this.call('get', '/api/v1/calendar/history', 200);
  }

  /** GET /api/v1/calendar/working-time: working minutes between two instants, or a due time N working days or minutes on. */
  workingTime(query: WorkingTimeQuery): ApiCall<WorkingTime> {
    return this.call('get', '/api/v1/calendar/working-time', 200, { query: { ...query } });
  }

  // ----- service targets -----

  /** GET /api/v1/service-targets/policies: most specific first. */
  serviceTargetPolicies(): ApiCall<ServiceTargetPolicy[]> {
    return this.call('get', '/api/v1/service-targets/policies', 200);
  }

  /** GET /api/v1/service-targets/policies/applicable: the target of each measure for these facts, and its policy. */
  applicableTargets(query: {
    catalogCode?: string;
    kind?: string;
    priority?: string;
    channel?: string;
  }): ApiCall<ApplicableTargets> {
    return this.call('get', '/api/v1/service-targets/policies/applicable', 200, { query: { ...query } });
  }

  /** GET /api/v1/service-targets/policies/{id}. */
  serviceTargetPolicy(id: string): ApiCall<ServiceTargetPolicy> {
    return this.call('get', `/api/v1/service-targets/policies/${id}`, 200);
  }

  /** POST /api/v1/service-targets/policies (admin) → 201; 409 when the scope has a policy. */
  createServiceTargetPolicy(body: NewServiceTargetPolicy): ApiCall<ServiceTargetPolicy> {
    return this.call('post', '/api/v1/service-targets/policies', 201, { body });
  }

  /** PUT /api/v1/service-targets/policies/{id} (admin): replaces the whole policy. */
  replaceServiceTargetPolicy(id: string, body: NewServiceTargetPolicy): ApiCall<ServiceTargetPolicy> {
    return this.call('put', `/api/v1/service-targets/policies/${id}`, 200, { body });
  }

  /** DELETE /api/v1/service-targets/policies/{id} (admin) → 204. */
  deleteServiceTargetPolicy(id: string): ApiCall<void, Record<string, never>> {
    return this.call('delete', `/api/v1/service-targets/policies/${id}`, 204, {}, () => undefined);
  }

  /** GET /api/v1/service-targets/cases/{id}: the case's due times, warnings and breaches. */
  serviceTargetPlan(caseId: string): ApiCall<CaseTargetPlan> {
    return this.call('get', `/api/v1/service-targets/cases/${caseId}`, 200);
  }

  /** GET /api/v1/service-targets/breaches: open cases that missed a target, of the caller's departments. */
  breaches(query: { departmentCode?: string; includeClosed?: boolean } = {}): ApiCall<Page<BreachedCase>> {
    return this.call('get', '/api/v1/service-targets/breaches', 200, { query: { ...query } });
  }

  /** GET /api/v1/service-targets/alerts: warnings and breaches, newest first. */
  alerts(query: AlertQuery = {}): ApiCall<Page<ManagerAlert>> {
    return this.call('get', '/api/v1/service-targets/alerts', 200, { query: { ...query } });
  }

  /** POST /api/v1/service-targets/alerts/{id}/acknowledge → 200. */
  acknowledgeAlert(id: number): ApiCall<ManagerAlert> {
    return this.call('post', `/api/v1/service-targets/alerts/${id}/acknowledge`, 200);
  }

  // ----- statistics -----

  /** GET /api/v1/statistics/{report} as JSON: the period (`from`, `to`: local dates) and grouping in the query. */
  statistics<Report extends keyof StatisticsReports>(
    report: Report,
    query: StatisticsQuery = {},
  ): ApiCall<StatisticsReports[Report]> {
    return this.call('get', `/api/v1/statistics/${report}`, 200, { query });
  }

  /** GET /api/v1/statistics/{report}?format=csv: the report's rows as CSV text with a header row. */
  statisticsCsv(report: keyof StatisticsReports, query: StatisticsQuery = {}): ApiCall<string, unknown> {
    return this.call('get', `/api/v1/statistics/${report}`, 200, { query: { ...query, format: 'csv' } }, (r) => r.text);
  }

  // ----- imports and telephony -----

  /** POST /api/v1/import/cases (admin): NDJSON or CSV text → 200 {imported, rejected, rejectedCount}, all or nothing. */
  importCases(file: string, contentType = 'application/x-ndjson'): ApiCall<CaseImportResult> {
    return this.call('post', '/api/v1/import/cases', 200, { body: file, contentType });
  }

  /**
   * POST /api/v1/telephony/calls: call records as JSON (one or an array) or CSV text, by an admin
   * or with the platform's shared secret (X-Telephony-Secret) → 200 {stored, duplicates, rejected, rejectedCount}.
   */
  storeCalls(records: unknown, options: { contentType?: string; secret?: string } = {}): ApiCall<CallImportResult> {
    return this.call('post', '/api/v1/telephony/calls', 200, {
      body: records,
      contentType: options.contentType,
      headers: options.secret ? { 'X-Telephony-Secret': options.secret } : undefined,
    });
  }

  /** GET /api/v1/telephony/calls (managers, admins): newest first. */
  calls(query: CallListQuery = {}): ApiCall<Page<CallRecord>> {
    return this.call('get', '/api/v1/telephony/calls', 200, { query: { ...query } });
  }

  // ----- notifications, webhooks, ratings, triage -----

  /** GET /api/v1/notifications (admin): every message to citizens, newest first; `stuck`: queued too long. */
  notifications(query: { status?: string; stuck?: boolean } & PageQuery = {}): ApiCall<Page<Notification>> {
    return this.call('get', '/api/v1/notifications', 200, { query: { ...query } });
  }

  /** POST /api/v1/notifications/{id}/resend (admin) → 200; 409 unless it failed or is stuck. */
  resendNotification(id: number): ApiCall<Notification> {
    return this.call('post', `/api/v1/notifications/${id}/resend`, 200);
  }

  /** GET /api/v1/departments/{code}/webhook (admin): never the secret. */
  departmentWebhook(departmentCode: string): ApiCall<DepartmentWebhook> {
    return this.call('get', `/api/v1/departments/${departmentCode}/webhook`, 200);
  }

  /** PUT /api/v1/departments/{code}/webhook (admin) → 200. */
  putDepartmentWebhook(departmentCode: string, body: DepartmentWebhookInput): ApiCall<DepartmentWebhook> {
    return this.call('put', `/api/v1/departments/${departmentCode}/webhook`, 200, { body });
  }

  /** GET /api/v1/webhooks/deliveries (admin). */
  webhookDeliveries(query: WebhookDeliveryQuery = {}): ApiCall<Page<WebhookDelivery>> {
    return this.call('get', '/api/v1/webhooks/deliveries', 200, { query: { ...query } });
  }

  /** POST /api/v1/webhooks/deliveries/{id}/resend (admin) → 200 the delivery, pending again. */
  resendWebhookDelivery(id: string): ApiCall<WebhookDelivery> {
    return this.call('post', `/api/v1/webhooks/deliveries/${id}/resend`, 200);
  }

  /** POST /api/v1/ratings → 201: a citizen's 1-5 scores of a contact or a case. */
  rate(body: NewRating): ApiCall<Rating> {
    return this.call('post', '/api/v1/ratings', 201, { body });
  }

  /** POST /api/v1/triage/suggest → 200 the catalog type a text looks like. */
  suggestCatalogType(text: string): ApiCall<TriageSuggestion> {
    return this.call('post', '/api/v1/triage/suggest', 200, { body: { text } });
  }

  /** GET /api/v1/triage/quality (managers, admins): accuracy on held-out history. */
  triageQuality(): ApiCall<TriageQuality> {
    return this.call('get', '/api/v1/triage/quality', 200);
  }

  // ----- operations -----

  /** GET /health: the database and the queue; 200 also while the queue is down (status degraded). */
  health(): ApiCall<Health> {
    return this.call('get', '/health', 200);
  }

  /** GET /metrics: Prometheus text. */
  metrics(): ApiCall<string, unknown> {
    return this.call('get', '/metrics', 200, {}, (r) => r.text);
  }

  /** GET /docs-json: the OpenAPI document. */
  openApiDocument(): ApiCall<OpenApiDocument> {
    return this.call('get', '/docs-json', 200);
  }

  private call<Answer, Body = Answer>(
    method: Method,
    path: string,
    successStatus: number,
    options: CallOptions = {},
    read: (response: request.Response) => Answer = (response) => response.body as Answer,
  ): ApiCall<Answer, Body> {
    const send = () => {
      let test = this.app.http()[method](path);
      if (this.token) test = test.set('Authorization', `Bearer ${this.token}`);
      if (options.query) test = test.query(options.query);
      if (options.headers) test = test.set(options.headers);
      if (options.contentType) test = test.set('Content-Type', options.contentType);
      if (options.body === undefined) return test;
      // A Buffer goes out byte for byte (gzip, bad UTF-8); superagent would write it as JSON.
      if (Buffer.isBuffer(options.body)) test = test.serialize((bytes: Buffer) => bytes as unknown as string);
      return test.send(options.body as string | object);
    };
    return new ApiCall(`${method.toUpperCase()} ${path}`, send, successStatus, read);
  }
}

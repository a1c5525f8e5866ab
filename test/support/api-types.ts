/**
 * The JSON the app answers today, as the e2e tests read it, and the bodies they send. Written
 * from the answers themselves, not imported from src/: a test that reads a field the app no
 * longer sends fails to compile. Every instant is an ISO 8601 string in UTC.
 */

export type CaseStatus =
  | 'new'
  | 'triaged'
  | 'routed'
  | 'in_progress'
  | 'waiting'
  | 'returned'
  | 'resolved'
  | 'closed'
  | 'duplicate'
  | 'reopened';

export type CaseAction =
  | 'triage'
  | 'route'
  | 'claim'
  | 'unclaim'
  | 'assign'
  | 'wait'
  | 'resume'
  | 'return'
  | 'transfer'
  | 'resolve'
  | 'close'
  | 'reopen'
  | 'duplicate';

/** The answer to a refused request: 400, 401, 403, 404, 409, 415 ... */
export interface ErrorBody {
  statusCode: number;
  error: string;
  /** Stable and machine-readable: validation_failed, unauthenticated, forbidden, not_found, conflict ... (docs/api.md). */
  code: string;
  /** One message, or one per bad field. */
  message: string | string[];
  requestId?: string;
}

/** A page of a list: `limit` items from `offset` of `total`. */
export interface Page<Item> {
  items: Item[];
  total: number;
  limit: number;
  offset: number;
}

/** The answer to an upload that is all or nothing (case import, call records). */
export interface RejectedLine {
  /** 1-based line (or record) number. */
  line: number;
  errors: string[];
}

// ----- staff and organisation -----

export interface LoginAnswer {
  accessToken: string;
  /** Seconds. */
  expiresIn: number;
}

/** GET /api/v1/auth/methods. */
export interface SignInMethods {
  password: boolean;
  oidc: boolean;
  oidcLoginPath: string | null;
}

/** The JSON end of GET /api/v1/auth/oidc/callback. */
export interface OidcSignIn extends LoginAnswer {
  role: string;
  staffId: string;
  email: string;
  name: string;
  departmentCodes: string[];
  firstSignIn: boolean;
}

export interface StaffMember {
  id: string;
  email: string;
  role: string;
  departmentCodes: string[];
}

export interface StaffUser extends StaffMember {
  name: string;
  active: boolean;
}

export interface NewStaffUser {
  email: string;
  name: string;
  password: string;
  role: string;
  departmentCodes?: string[];
}

export interface StaffUserChange {
  name?: string;
  active?: boolean;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

export interface SignInUnlock {
  staffId: string;
  /** Whether failed sign-ins had locked the account's e-mail address. */
  wasLocked: boolean;
}

export interface Department {
  code: string;
  name: string;
  createdAt: string;
}

export interface ServicePoint {
  code: string;
  name: string;
  kind: string;
  address: string | null;
  active: boolean;
  createdAt: string;
}

export interface CatalogEntry {
  code: string;
  name: { sv: string; en: string; da?: string };
  kind: string;
  departmentCode: string;
  handledByServiceCenter: boolean;
  priority: string;
  keywords: string[];
  confidential: boolean;
  active: boolean;
}

export type NewCatalogEntry = Partial<Omit<CatalogEntry, 'name'>> & {
  code: string;
  name: { sv: string; en: string; da?: string };
};

// ----- citizens, contacts, callbacks -----

export interface CitizenInput {
  name?: string;
  email?: string;
  phone?: string;
  personalNumber?: string;
  gender?: string;
  language?: 'sv' | 'en' | 'da';
}

/** What staff see of a citizen: never the identity number itself. */
export interface Citizen {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  gender: string | null;
  /** sv, en or da; null: not known (Swedish). */
  language: string | null;
  hasPersonalNumber: boolean;
}

export interface NewContact {
  channel: string;
  summary: string;
  outcome: string;
  servicePointCode?: string;
  catalogCode?: string;
  citizen?: CitizenInput;
  gender?: string;
  startedAt?: string;
  endedAt?: string;
}

export interface Contact {
  id: string;
  channel: string;
  servicePointCode: string | null;
  agentId: string | null;
  startedAt: string;
  endedAt: string;
  durationSeconds: number;
  /** Null when redacted. */
  summary: string | null;
  catalogCode: string | null;
  outcome: string;
  gender: string | null;
  citizen: Citizen | null;
  confidential: boolean;
  departmentCode: string | null;
  redacted: boolean;
  caseIds: string[];
}

export interface ContactListQuery {
  from?: string;
  to?: string;
  channel?: string;
  servicePointCode?: string;
  outcome?: string;
  limit?: number;
  offset?: number;
}

/** A callback made on a contact that owed one. */
export interface ContactCallback {
  contactId: string;
  madeAt: string;
  reached: boolean;
  note: string | null;
  madeById: string | null;
  createdAt: string;
}

/** A promised callback with its due time. */
export interface OwedCallback {
  contactId: string;
  channel: string | null;
  summary: string | null;
  /** Whom to call. */
  citizen: Citizen | null;
  agentId: string | null;
  promisedAt: string;
  dueAt: string;
  target: { value: number; unit: string; policyId: string | null } | null;
  state: 'open' | 'overdue' | 'made' | 'made_late';
  warnedAt: string | null;
  breachedAt: string | null;
  madeAt: string | null;
  reached: boolean | null;
}

// ----- cases -----

export interface NewCase {
  description: string;
  catalogCode?: string;
  channel?: string;
  citizen?: CitizenInput;
  location?: { address?: string; postalCode?: string; lat?: number; lng?: number };
  contactId?: string;
  priority?: string;
  confidential?: boolean;
  resolvedOnSpot?: boolean;
  resolution?: string;
}

export interface CreatedCase {
  id: string;
  reference: string;
  status: CaseStatus;
}

/** A case as staff who may read it see it. */
export interface CaseView {
  id: string;
  reference: string;
  status: CaseStatus;
  allowedActions: CaseAction[];
  catalogCode: string | null;
  departmentCode: string | null;
  priority: string;
  channel: string;
  description: string;
  citizen: Citizen | null;
  /** The case has a citizen whose personal data this reader may not see. */
  citizenWithheld: boolean;
  location: { address: string | null; postalCode: string | null; lat: number | null; lng: number | null } | null;
  contactId: string | null;
  confidential: boolean;
  assigneeId: string | null;
  duplicateOfId: string | null;
  likelyDuplicateOfId: string | null;
  receivedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  reopenCount: number;
  returnCount: number;
  source: 'live' | 'import';
  updatedAt: string;
}

/** What everyone else sees of a confidential case: that it exists and where it stands. */
export interface RedactedCaseView {
  id: string;
  reference: string;
  status: CaseStatus;
  departmentCode: string | null;
  confidential: true;
  redacted: true;
  receivedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
}

export interface CaseListQuery {
  assignee?: string;
  open?: 'true' | 'false';
  status?: string;
  catalogCode?: string;
  departmentCode?: string;
  text?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** The body of a lifecycle action; which fields an action needs is the API's to say. */
/** PATCH /api/v1/cases/{id}: what to correct. */
export interface CaseCorrection {
  description?: string;
  location?: { address?: string; postalCode?: string; lat?: number; lng?: number };
  citizen?: CitizenInput;
  reason?: string;
}

export interface CaseActionBody {
  assigneeId?: string;
  reason?: string;
  departmentCode?: string;
  duplicateOf?: string;
  catalogCode?: string;
  priority?: string;
}

/** One event of a case's timeline (created, status, note, reply, triage, routing ...). */
/** One event of a case's timeline (docs/cases.md, "The timeline"). */
export interface TimelineEvent {
  id: number;
  caseId: string;
  type: 'created' | 'status' | 'correction' | 'note' | 'reply' | 'notice' | 'message';
  /** The lifecycle action of a `status` event; null otherwise. */
  action: CaseAction | null;
  /** What a `notice` is about; null otherwise. */
  topic:
    'triage' | 'routing' | 'likely_duplicate' | 'service_target' | 'notification' | 'on_call' | 'citizen_update' | null;
  actorId: string | null;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  reason: string | null;
  body: string | null;
  data: Record<string, unknown> | null;
  at: string;
}

/** A read of a confidential case's content. */
export interface CaseAccess {
  id: number;
  caseId: string;
  userId: string;
  access: 'read' | 'timeline' | 'list';
  at: string;
}

// ----- inbox and routing -----

/** One line of a department inbox. */
export interface InboxItem {
  id: string;
  reference: string;
  status: CaseStatus;
  priority: string;
  catalogCode: string | null;
  departmentCode: string | null;
  description: string | null;
  address: string | null;
  postalCode: string | null;
  confidential: boolean;
  redacted: boolean;
  assigneeId: string | null;
  receivedAt: string;
  /** The resolution due time; null when no service target sets one. */
  dueAt: string | null;
  returnCount: number;
  reopenCount: number;
}

export interface PageQuery {
  limit?: number;
  offset?: number;
}

export interface NewAreaRule {
  catalogCode: string;
  departmentCode: string;
  postalCodePrefix?: string;
  district?: string;
  priority?: number;
  note?: string;
}

export interface AreaRule {
  id: string;
  catalogCode: string;
  postalCodePrefix: string | null;
  district: string | null;
  departmentCode: string;
  priority: number;
  note: string | null;
  createdById: string | null;
  createdAt: string;
}

export interface NewRoutingOverride {
  catalogCode: string;
  departmentCode: string;
  reason: string;
}

export interface RoutingOverride extends NewRoutingOverride {
  id: string;
  createdById: string | null;
  createdAt: string;
}

// ----- calendar -----

export type OpeningHours = Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', Array<[string, string]>>;

export interface CalendarSettings {
  /** 0 while nothing is stored and the defaults apply. */
  version: number;
  timeZone: string;
  openingHours: OpeningHours;
  holidayCountry: 'SE' | 'DK' | 'NO' | null;
  closedDates: string[];
  eves: Record<string, string>;
  updatedAt: string | null;
  updatedById: string | null;
}

export interface WorkingTimeQuery {
  from: string;
  to?: string;
  addWorkingDays?: number;
  addWorkingMinutes?: number;
}

export interface WorkingTime {
  from: string;
  to?: string;
  workingMinutes?: number;
  workingDays?: number;
  dueAt?: string;
  calendarVersion: number;
}

// ----- service targets -----

export interface TargetTime {
  value: number;
  unit: string;
}

export interface PolicyScope {
  catalogCode?: string | null;
  kind?: string | null;
  priority?: string | null;
  channel?: string | null;
}

export interface NewServiceTargetPolicy extends PolicyScope {
  firstResponse?: TargetTime | null;
  resolution?: TargetTime | null;
  callback?: TargetTime | null;
  note?: string | null;
}

export interface ServiceTargetPolicy {
  id: string;
  catalogCode: string | null;
  kind: string | null;
  priority: string | null;
  channel: string | null;
  /** 0 (the default) to 15; the most specific matching policy that sets a measure wins. */
  specificity: number;
  firstResponse: TargetTime | null;
  resolution: TargetTime | null;
  callback: TargetTime | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  updatedById: string | null;
}

export interface ApplicableTargets {
  subject: { catalogCode: string | null; kind: string | null; priority: string; channel: string };
  targets: Record<'first_response' | 'resolution' | 'callback', (TargetTime & { policyId: string }) | null>;
}

/** Where one measure of a case stands. */
export interface MeasurePlan {
  state: 'running' | 'paused' | 'met' | 'missed' | 'stopped' | 'none';
  dueAt: string | null;
  warningAt: string | null;
  warnedAt: string | null;
  breachedAt: string | null;
  doneAt: string | null;
}

/** The service-target plan of one case. */
export interface CaseTargetPlan {
  caseId: string;
  reference: string;
  status: CaseStatus;
  departmentCode: string | null;
  planVersion: number;
  clockStartedAt: string | null;
  pausedAt: string | null;
  pausedWorkingMinutes: number;
  firstResponse: MeasurePlan;
  resolution: MeasurePlan;
}

export interface BreachedCase {
  caseId: string;
  reference: string;
  status: CaseStatus;
  departmentCode: string | null;
  catalogCode: string | null;
  priority: string;
  assigneeId: string | null;
  receivedAt: string;
  firstResponseDueAt: string | null;
  firstResponseBreachedAt: string | null;
  resolutionDueAt: string | null;
  resolutionBreachedAt: string | null;
}

export interface ManagerAlert {
  id: number;
  alertKey: string;
  kind: 'warning' | 'breach' | 'on_call';
  measure: string | null;
  caseId: string | null;
  caseReference: string | null;
  contactId: string | null;
  departmentCode: string | null;
  dueAt: string | null;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedById: string | null;
}

export interface AlertQuery extends PageQuery {
  departmentCode?: string;
  kind?: string;
  unacknowledged?: boolean;
}

// ----- notifications, webhooks, ratings -----

export interface Notification {
  id: number;
  caseId: string;
  caseReference: string | null;
  kind: string;
  channel: string;
  /** Masked: a***@e***.se, ***33. */
  recipient: string | null;
  status: string;
  attempts: number;
  resendCount: number;
  lastError: string | null;
  createdAt: string;
  /** When it was last queued: planned, or resent. */
  queuedAt: string;
  /** Still queued STUCK_AFTER_MINUTES after `queuedAt`. */
  stuck: boolean;
  lastAttemptAt: string | null;
  sentAt: string | null;
}

export interface DepartmentWebhookInput {
  url: string;
  secret?: string;
  active?: boolean;
}

export interface DepartmentWebhook {
  departmentCode: string;
  url: string;
  active: boolean;
  hasSecret: true;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookDelivery {
  id: string;
  event: string;
  departmentCode: string;
  caseId: string;
  caseReference: string | null;
  status: string;
  attempts: number;
  resendCount: number;
  lastStatusCode: number | null;
  lastError: string | null;
  routedAt: string;
  createdAt: string;
  /** When it was last queued: at the routing, or resent. */
  queuedAt: string;
  /** Still pending STUCK_AFTER_MINUTES after `queuedAt`. */
  stuck: boolean;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
}

export interface WebhookDeliveryQuery extends PageQuery {
  status?: string;
  departmentCode?: string;
  caseId?: string;
  /** true: only those still pending STUCK_AFTER_MINUTES after they were queued. */
  stuck?: boolean;
}

export interface NewRating {
  contactId?: string;
  caseId?: string;
  /** Each 1-5. */
  ease?: number;
  treatment?: number;
  clarity?: number;
}

export interface Rating {
  id: string;
  contactId: string | null;
  caseId: string | null;
  ease: number | null;
  treatment: number | null;
  clarity: number | null;
  channel: string;
  departmentCode: string | null;
  servicePointCode: string | null;
  gender: string | null;
  source: 'staff' | 'citizen';
  recordedById: string | null;
  ratedAt: string;
}

// ----- imports and telephony -----

export interface CaseImportResult {
  imported: number;
  rejected: RejectedLine[];
  rejectedCount: number;
}

export interface CallImportResult {
  stored: number;
  duplicates: number;
  rejected: RejectedLine[];
  rejectedCount: number;
}

export interface CallRecord {
  id: string;
  callId: string;
  startedAt: string;
  queue: string;
  waitSeconds: number;
  outcome: 'answered' | 'abandoned';
  talkSeconds: number;
  callbackRequested: boolean;
  agentEmail: string | null;
  servicePointCode: string | null;
  directAnswer: boolean | null;
  source: 'csv' | 'webhook';
  createdAt: string;
}

export interface CallListQuery extends PageQuery {
  from?: string;
  to?: string;
  queue?: string;
}

// ----- triage -----

export interface TriageSuggestion {
  catalogCode: string;
  /** 0..1. */
  confidence: number;
  priority: string;
  source: string;
  margin: number;
  autoTriage: boolean;
  matchedPriorityRules: string[];
  matchedKeywords: string[];
  alternatives: Array<{ catalogCode: string; confidence: number }>;
}

export interface TriageQuality {
  trainingExamples: number;
  heldOutExamples: number;
  accuracy: number | null;
  top3Accuracy: number | null;
  autoTriagedShare: number | null;
  accuracyWhenAutoTriaged: number | null;
  /** The threshold in force; null: auto-triage is off. */
  autoTriageThreshold: number | null;
  configuredMinimum: number;
  calibration: {
    outcome: 'calibrated' | 'too_little_history' | 'target_not_reached';
    targetPrecision: number;
    heldOutExamples: number;
    threshold: number | null;
    precision: number | null;
    coverage: number | null;
    autoTriaged: number;
  };
  perCatalogCode: Record<string, unknown>;
}

// ----- statistics -----

type Group = string | null;

export type CaseStatisticsRow = {
  group: Group;
  received: number;
  resolved: number;
  medianResolutionWorkingHours: number | null;
  p90ResolutionWorkingHours: number | null;
  firstResponseTargetWorkingDays: number;
  firstResponseWithinTarget: number;
  firstResponseMeasured: number;
  firstResponseWithinTargetPercent: number | null;
  firstResponsePending: number;
  resolutionTargetWorkingDays: number;
  resolutionWithinTarget: number;
  resolutionMeasured: number;
  resolutionWithinTargetPercent: number | null;
  resolutionPending: number;
  returned: number;
  returnedPercent: number | null;
  reopened: number;
  reopenedPercent: number | null;
  duplicates: number;
};

export type BacklogRow = {
  group: Group;
  open: number;
  age0To2WorkingDays: number;
  age3To5WorkingDays: number;
  age6To10WorkingDays: number;
  ageOver10WorkingDays: number;
};

export type ContactStatisticsRow = {
  group: Group;
  contacts: number;
  answered: number;
  caseCreated: number;
  referred: number;
  messageTaken: number;
  callbackPromised: number;
  abandoned: number;
  answeredAtFirstContact: number;
  answeredAtFirstContactBase: number;
  answeredAtFirstContactPercent: number | null;
};

export type EmailAnswerRow = {
  group: Group;
  questions: number;
  fromCases: number;
  fromContacts: number;
  answeredWithinOneWorkingDay: number;
  measuredForOneWorkingDay: number;
  answeredWithinOneWorkingDayPercent: number | null;
  pendingForOneWorkingDay: number;
  answeredWithinTwoWorkingDays: number;
  measuredForTwoWorkingDays: number;
  answeredWithinTwoWorkingDaysPercent: number | null;
  pendingForTwoWorkingDays: number;
};

export type PhoneStatisticsRow = {
  group: Group;
  calls: number;
  answered: number;
  answeredPercent: number | null;
  abandoned: number;
  abandonedPercent: number | null;
  averageWaitSeconds: number | null;
  medianWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  answerTargetSeconds: number;
  answeredWithinTarget: number;
  answeredWithinTargetPercent: number | null;
  directAnswerSource: 'call_records' | 'contacts';
  directAnswers: number;
  directAnswerBase: number;
  directAnswerPercent: number | null;
};

export type CallbackStatisticsRow = {
  group: Group;
  callbackTargetWorkingDays: number;
  callbacksOwed: number;
  callbacksKept: number;
  callbacksLate: number;
  callbacksMissed: number;
  callbacksPending: number;
  callbacksMeasured: number;
  callbacksKeptPercent: number | null;
};

export type ServiceIndexRow = {
  group: Group;
  contacts: number;
  activeService: number;
  measured: number;
  callbacksPending: number;
  serviceIndexPercent: number | null;
  targetPercent: number;
  meetsTarget: boolean | null;
};

export type RatingStatisticsRow = {
  group: Group;
  ratings: number;
  easeAnswers: number;
  easeIndex: number | null;
  treatmentAnswers: number;
  treatmentIndex: number | null;
  clarityAnswers: number;
  clarityIndex: number | null;
};

export type ComparisonRow = {
  year: number;
  measure: string;
  label: string;
  value: number | null;
  unit: 'percent' | 'index' | 'seconds' | 'hours' | 'count';
  numerator: number | null;
  denominator: number | null;
  target: number | null;
};

/** The head every statistics report shares; rows and the total follow. */
export interface StatisticsReport<Row> {
  report: string;
  /** The period, local dates turned into instants. */
  from: string;
  to: string;
  timeZone: string;
  calendarVersion: number;
  groupBy: string | null;
  scope: { departmentCodes: string[] | 'all' };
  targets: Record<string, number | string | null>;
  rows: Row[];
  total: Row;
}

export interface BacklogReport {
  report: 'backlog';
  /** Now, the instant the open cases are aged at. */
  at: string;
  timeZone: string;
  calendarVersion: number;
  groupBy: string | null;
  scope: { departmentCodes: string[] | 'all' };
  rows: BacklogRow[];
  total: BacklogRow;
}

export interface ComparisonReport {
  report: 'comparison';
  year: number;
  from: string;
  to: string;
  timeZone: string;
  rows: ComparisonRow[];
}

/** Each report under /api/v1/statistics/{name} and its JSON answer. */
export interface StatisticsReports {
  cases: StatisticsReport<CaseStatisticsRow>;
  backlog: BacklogReport;
  contacts: StatisticsReport<ContactStatisticsRow>;
  'email-answers': StatisticsReport<EmailAnswerRow>;
  phone: StatisticsReport<PhoneStatisticsRow>;
  callbacks: StatisticsReport<CallbackStatisticsRow>;
  'service-index': StatisticsReport<ServiceIndexRow>;
  ratings: StatisticsReport<RatingStatisticsRow>;
  comparison: ComparisonReport;
}

export type StatisticsQuery = Record<string, string | number>;

// ----- health -----

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface Health {
  status: 'ok' | 'degraded';
  database: { status: 'up' | 'down'; kind: string; latencyMs?: number; error?: string };
  queue: {
    driver: 'in-process' | 'bullmq';
    status: 'up' | 'down';
    /** Per queue; empty while Redis is down. */
    queues: Record<string, QueueCounts>;
    outbox: { pending: number; oldestPendingSeconds: number | null };
  };
  /** Messages and deliveries still waiting `afterMinutes` (STUCK_AFTER_MINUTES) after they were queued. */
  stuck: { afterMinutes: number; notifications: number; webhookDeliveries: number };
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, unknown>;
}

/** What a department system receives from a webhook: the body of a `case.routed` delivery. */
export interface RoutedCasePayload {
  event: 'case.routed';
  deliveryId: string;
  routedAt: string;
  department: { code: string; name: string };
  case: {
    id: string;
    reference: string;
    status: CaseStatus;
    catalogCode: string | null;
    catalogName: string | null;
    priority: string;
    description: string;
    location: { address: string | null; postalCode: string | null; lat: number | null; lng: number | null } | null;
    receivedAt: string;
    firstResponseDueAt: string | null;
    resolutionDueAt: string | null;
    confidential: boolean;
  };
}

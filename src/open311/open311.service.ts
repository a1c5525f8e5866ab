import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { EntityManager, In, Repository } from 'typeorm';
import { AccessPolicy } from '../auth/access-policy';
import { CaseWorkflowService } from '../cases/case-workflow.service';
import { CaseRecordsService } from '../cases/case-records.service';
import { CaseStatus } from '../cases/case-lifecycle';
import { CaseEventRecord, CaseRecord } from '../cases/case-record';
import { CatalogEntryView } from '../catalog/catalog-entry.view';
import { CatalogService } from '../catalog/catalog.service';
import { CitizensService } from '../citizens/citizens.service';
import { Clock } from '../common/clock';
import { InvalidInputError, NotFoundError } from '../common/domain-errors';
import { TransactionService } from '../database/transaction.service';
import { OrganisationService } from '../organisation/organisation.service';
import { redact } from '../register/redaction';
import { ServiceRequestInput } from './dto/service-request.input';
import { Open311Photo } from './entities/open311-photo.entity';
import { Open311Request } from './entities/open311-request.entity';
import { Open311ServiceDefinition } from './entities/open311-service-definition.entity';
import { Open311ClientView } from './open311-clients.service';
import { statusNote, updateStatus } from './open311-status';
import { PhotoType } from '../common/photo-metadata';
import { checkAttributeAnswers, describeAnswers, ServiceAttribute } from './service-attribute';

/** A service as Open311 offers it: an active catalog entry that is not confidential, with its department's name. */
export interface Open311ServiceView {
  entry: CatalogEntryView;
  departmentName: string | null;
  attributes: ServiceAttribute[];
}

/**
 * A case as the public may see it through Open311: only a case AccessPolicy.mayPublish allows,
 * its text redacted (register/redaction.ts), and its place only for a fault report (a place in
 * public space; another case's place may be the citizen's home).
 */
export interface PublicServiceRequest {
  record: CaseRecord;
  serviceName: string | null;
  departmentName: string | null;
  /** Redacted. */
  description: string;
  /** The newest reply to the citizen, redacted; null when there is none. */
  statusNotes: string | null;
  showPlace: boolean;
  open311: Open311Request | null;
  /** Oldest first: each status change and reply, as plain-language notes (redacted). */
  history: PublicUpdate[];
}

/** One update of a service request, as FixMyStreet's `servicerequestupdates` tells it. UTC. */
export interface PublicUpdate {
  updateId: string;
  reference: string;
  status: string;
  at: Date;
  /** Redacted. */
  description: string;
}

/** What `GET requests` asks for (GeoReport v2 "GET Service Requests", with `page` and `page_size`). */
export interface ServiceRequestQuery {
  references?: string[];
  serviceCodes?: string[];
  statuses?: CaseStatus[];
  from?: Date;
  before?: Date;
  page: number;
  pageSize: number;
}

/** The specification's default window of `GET requests` without dates or ids: the last 90 days. */
export const DEFAULT_WINDOW_DAYS = 90;

/** The longest answer of `GET servicerequestupdates`, in updates. */
export const MAX_UPDATES = 1000;

/** Cases read at once, well under the databases' limits on parameters in one statement. */
const CHUNK = 500;

/**
 * The Open311 GeoReport v2 interface's use cases: the services offered (from the service
 * catalog), service requests posted by client applications (each becomes a case through the
 * same intake as `POST /api/v1/cases`: triage, duplicates, routing, service targets, the
 * outbox; channel `app`), and what the public may read of cases and their progress.
 *
 * Errors: InvalidInputError (400) naming the Open311 field, NotFoundError (404).
 */
@Injectable()
export class Open311Service {
  constructor(
    @InjectRepository(Open311Request) private readonly requests: Repository<Open311Request>,
    @InjectRepository(Open311ServiceDefinition) private readonly definitions: Repository<Open311ServiceDefinition>,
    @InjectRepository(Open311Photo) private readonly photos: Repository<Open311Photo>,
    private readonly catalog: CatalogService,
    private readonly organisation: OrganisationService,
    private readonly workflow: CaseWorkflowService,
    private readonly records: CaseRecordsService,
    private readonly citizens: CitizensService,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
  ) {}

  /** The services offered, by code: active catalog entries that are not confidential. */
  async services(): Promise<Open311ServiceView[]> {
    const [entries, departments, definitions] = await Promise.all([
      this.catalog.list(),
      this.organisation.listDepartments(),
      this.definitions.find(),
    ]);
    const departmentNames = new Map(departments.map((department) => [department.code, department.name]));
    const attributesOf = new Map(definitions.map((definition) => [definition.catalogCode, definition.attributes]));
    return entries
      .filter((entry) =>
        AccessPolicy.mayPublish({ confidential: entry.confidential, departmentCode: entry.departmentCode }),
      )
      .map((entry) => ({
        entry,
        departmentName: departmentNames.get(entry.departmentCode) ?? null,
        attributes: [...(attributesOf.get(entry.code) ?? [])].sort((a, b) => a.order - b.order),
      }));
  }

  /** One service. @throws NotFoundError when no service has the code. */
  async service(code: string): Promise<Open311ServiceView> {
    const service = (await this.services()).find((candidate) => candidate.entry.code === code);
    if (!service) throw new NotFoundError('service_code', code);
    return service;
  }

  /**
   * Sets the attributes a service asks for (an admin's task), in place of the earlier ones.
   * @throws NotFoundError for a code that is not a service; InvalidInputError for two attributes with one code.
   */
  async defineAttributes(code: string, attributes: ServiceAttribute[]): Promise<Open311ServiceView> {
    await this.service(code);
    const codes = attributes.map((attribute) => attribute.code);
    const twice = codes.filter((attributeCode, index) => codes.indexOf(attributeCode) !== index);
    if (twice.length) throw new InvalidInputError([`attributes: the code ${twice[0]} is used twice`]);
    await this.definitions.save({ catalogCode: code, attributes, updatedAt: this.clock.now() });
    return this.service(code);
  }

  /**
   * Registers a posted service request as a case, through the intake every case goes through,
   * with the Open311 details (token, ids, attribute answers) and the photo (metadata already
   * removed, photo.ts) in the same transaction.
   *
   * @returns the case's reference (the `service_request_id`) and the token
   * @throws InvalidInputError naming `service_code` or `attribute[CODE]`
   */
  async submit(
    client: Open311ClientView,
    input: ServiceRequestInput,
    photo?: { contentType: PhotoType; bytes: Buffer },
  ): Promise<{ serviceRequestId: string; token: string; accountId: string | null }> {
    const service = (await this.services()).find((candidate) => candidate.entry.code === input.serviceCode);
    if (!service) throw new InvalidInputError([`service_code: no service has the code "${input.serviceCode}"`]);
    const { answers, problems } = checkAttributeAnswers(service.attributes, input.attributes);
    if (problems.length) throw new InvalidInputError(problems);
    const answered = describeAnswers(service.attributes, answers);
    const description = [input.description ?? service.entry.name.sv, answered].filter(Boolean).join('\r\n\r\n');
    const name = [input.firstName, input.lastName].filter(Boolean).join(' ');
    const token = randomBytes(18).toString('base64url');
    const created = await this.workflow.register(
      null,
      {
        description,
        catalogCode: service.entry.code,
        channel: 'app',
        citizen:
          name || input.email || input.phone
            ? { name: name || undefined, email: input.email, phone: input.phone }
            : undefined,
        location: { address: input.addressString, lat: input.lat, lng: input.long },
      },
      async (manager: EntityManager, caseId: string) => {
        await manager.insert(Open311Request, {
          caseId,
          clientId: client.id,
          token,
          deviceId: input.deviceId ?? null,
          accountId: input.accountId ?? null,
          addressId: input.addressId ?? null,
          mediaUrl: input.mediaUrl ?? null,
          attributes: Object.keys(answers).length ? answers : null,
        });
        if (photo) {
          await manager.insert(Open311Photo, {
            caseId,
            contentType: photo.contentType,
            sizeBytes: photo.bytes.length,
            bytes: photo.bytes,
          });
        }
      },
    );
    return { serviceRequestId: created.reference, token, accountId: input.accountId ?? null };
  }

  /** The photo uploaded with a case's service request, or null. The caller checks the reader may read the case. */
  photoOf(caseId: string): Promise<Open311Photo | null> {
    return this.photos.findOneBy({ caseId });
  }

  /** The photos citizens' apps sent with these cases, without their content (a register extract). */
  async photosHeldForCases(
    manager: EntityManager,
    caseIds: string[],
  ): Promise<Array<{ caseId: string; contentType: string; byteSize: number; createdAt: Date }>> {
    if (caseIds.length === 0) return [];
    const rows = await manager.find(Open311Photo, {
      select: { caseId: true, contentType: true, sizeBytes: true, createdAt: true },
      where: { caseId: In(caseIds) },
    });
    return rows.map((row) => ({
      caseId: row.caseId,
      contentType: row.contentType,
      byteSize: row.sizeBytes,
      createdAt: row.createdAt,
    }));
  }

  /**
   * Removes what a citizen's app sent about these cases beyond the case itself, inside `manager`'s
   * transaction (retention and erasure, docs/personal-data.md): the photo is deleted, and the
   * device id, account id, media URL and attribute answers are cleared; the request's token stays
   * so the app still sees the status. Answers how many photos were deleted.
   */
  async anonymiseForCases(manager: EntityManager, caseIds: string[]): Promise<number> {
    if (caseIds.length === 0) return 0;
    await manager.update(
      Open311Request,
      { caseId: In(caseIds) },
      { deviceId: null, accountId: null, addressId: null, mediaUrl: null, attributes: null },
    );
    const deleted = await manager.delete(Open311Photo, { caseId: In(caseIds) });
    return deleted.affected ?? 0;
  }

  /** The service request id a token stands for. @throws NotFoundError for an unknown token. */
  async byToken(token: string): Promise<{ serviceRequestId: string; token: string }> {
    const request = await this.requests.findOneBy({ token });
    const references = request ? await this.records.references([request.caseId]) : new Map<string, string>();
    const reference = request ? references.get(request.caseId) : undefined;
    if (!request || !reference) throw new NotFoundError('token', token);
    return { serviceRequestId: reference, token };
  }

  /** Service requests the public may see, newest first. */
  async list(query: ServiceRequestQuery): Promise<PublicServiceRequest[]> {
    const services = await this.services();
    const offered = services.map((service) => service.entry.code);
    const windowed = !query.references && !query.from && !query.before;
    const page = await this.records.publicCases(
      {
        references: query.references,
        catalogCodes: query.serviceCodes ? query.serviceCodes.filter((code) => offered.includes(code)) : offered,
        statuses: query.statuses,
        receivedFrom: windowed ? new Date(this.clock.now().getTime() - DEFAULT_WINDOW_DAYS * 86_400_000) : query.from,
        receivedBefore: query.before,
      },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return this.toPublic(page.items, services);
  }

  /** One service request the public may see. @throws NotFoundError, also for a confidential case. */
  async find(reference: string): Promise<PublicServiceRequest> {
    const [found] = await this.list({ references: [reference], page: 1, pageSize: 1 });
    if (!found) throw new NotFoundError('service_request_id', reference);
    return found;
  }

  /**
   * The progress of the client's own service requests between two instants (UTC), for
   * FixMyStreet's `GET servicerequestupdates`: status changes and replies, oldest first, at most
   * MAX_UPDATES. Confidential cases are left out.
   */
  async updates(client: Open311ClientView, from: Date, before: Date): Promise<PublicUpdate[]> {
    const own = (await this.requests.find({ select: { caseId: true }, where: { clientId: client.id } })).map(
      (request) => request.caseId,
    );
    // Only the requests with something new in the window are read in full.
    const changed = new Set<string>();
    for (let start = 0; start < own.length; start += CHUNK) {
      const events = await this.records.eventsOf(own.slice(start, start + CHUNK), {
        types: ['status', 'reply'],
        from,
        before,
        limit: 100_000,
      });
      for (const event of events) changed.add(event.caseId);
    }
    const services = await this.services();
    const updates: PublicUpdate[] = [];
    const caseIds = [...changed];
    for (let start = 0; start < caseIds.length; start += CHUNK) {
      const visible = await this.records.publicCases(
        { caseIds: caseIds.slice(start, start + CHUNK) },
        { limit: CHUNK, offset: 0 },
      );
      const published = await this.toPublic(visible.items, services, { from, before });
      updates.push(...published.flatMap((request) => request.history));
    }
    return updates
      .sort((a, b) => a.at.getTime() - b.at.getTime() || Number(a.updateId) - Number(b.updateId))
      .slice(0, MAX_UPDATES);
  }

  /**
   * Information the citizen adds through their app (FixMyStreet's `POST servicerequestupdates`),
   * kept on the case's timeline for the handler as a `citizen_update` notice. The same client
   * `update_id` sent twice is kept once.
   *
   * @returns the update's id (the timeline event's)
   * @throws NotFoundError when the case is not one this client sent, or is confidential
   */
  async addUpdate(
    client: Open311ClientView,
    reference: string,
    update: { description: string; status: string | null; clientUpdateId: string | null },
  ): Promise<string> {
    const [target] = (await this.records.publicCases({ references: [reference] }, { limit: 1, offset: 0 })).items;
    const own = target ? await this.requests.findOneBy({ caseId: target.id, clientId: client.id }) : null;
    if (!target || !own) throw new NotFoundError('service_request_id', reference);
    return this.transactions.run(async (manager) => {
      await this.records.lock(manager, target.id);
      // A client that sends its own update_id again (a retry after a lost answer) gets the first one back.
      if (update.clientUpdateId) {
        const earlier = (await this.records.eventsOf([target.id], { types: ['notice'], limit: 100_000 })).find(
          (event) =>
            event.topic === 'citizen_update' &&
            event.data?.open311ClientId === client.id &&
            event.data?.clientUpdateId === update.clientUpdateId,
        );
        if (earlier) return String(earlier.id);
      }
      await this.workflow.addNotice(manager, target.id, 'citizen_update', update.description, {
        channel: 'app',
        open311ClientId: client.id,
        ...(update.status ? { statusGiven: update.status } : {}),
        ...(update.clientUpdateId ? { clientUpdateId: update.clientUpdateId } : {}),
      });
      const event = await this.records.latestEvent(manager, target.id, { type: 'notice', topic: 'citizen_update' });
      return String(event!.id);
    });
  }

  private async toPublic(
    cases: CaseRecord[],
    services: Open311ServiceView[],
    window: { from?: Date; before?: Date } = {},
  ): Promise<PublicServiceRequest[]> {
    if (cases.length === 0) return [];
    const caseIds = cases.map((record) => record.id);
    const [citizens, open311Rows, events, departments] = await Promise.all([
      this.citizens.views(
        this.requests.manager,
        cases.map((record) => record.citizenId).filter((id): id is string => id !== null),
      ),
      this.requests.findBy({ caseId: In(caseIds) }),
      this.records.eventsOf(caseIds, { types: ['status', 'reply'], limit: 100_000 }),
      this.organisation.listDepartments(),
    ]);
    const departmentNames = new Map(departments.map((department) => [department.code, department.name]));
    const serviceOf = new Map(services.map((service) => [service.entry.code, service]));
    return cases.map((record) => {
      const service = record.catalogCode ? serviceOf.get(record.catalogCode) : undefined;
      const showPlace = service?.entry.kind === 'fault_report';
      const parties = {
        names: [record.citizenId ? citizens.get(record.citizenId)?.name : null],
        addresses: showPlace ? [] : [record.address],
      };
      const own = events.filter((event) => event.caseId === record.id);
      const replies = own.filter((event) => event.type === 'reply' && event.body);
      const departmentName = record.departmentCode ? (departmentNames.get(record.departmentCode) ?? null) : null;
      const history = own
        .filter((event) => publicEvent(event) && within(event.at, window))
        .map((event) => ({
          updateId: String(event.id),
          reference: record.reference,
          status: updateStatus(event.toStatus ?? record.status),
          at: event.at,
          description:
            event.type === 'reply'
              ? redact(event.body ?? '', parties)
              : statusNote(
                  event.toStatus!,
                  event.toStatus === 'routed' ? routedTo(event, departmentNames) : departmentName,
                ),
        }));
      return {
        record,
        serviceName: service?.entry.name.sv ?? null,
        departmentName,
        description: redact(record.description, parties),
        statusNotes: replies.length ? redact(replies[replies.length - 1].body!, parties) : null,
        showPlace,
        open311: open311Rows.find((row) => row.caseId === record.id) ?? null,
        history,
      };
    });
  }
}

/** A status change the citizen would notice (not a claim within the same status), or a reply. */
function publicEvent(event: CaseEventRecord): boolean {
  if (event.type === 'reply') return Boolean(event.body);
  return event.type === 'status' && event.toStatus !== null && event.toStatus !== event.fromStatus;
}

function within(at: Date, window: { from?: Date; before?: Date }): boolean {
  return (!window.from || at >= window.from) && (!window.before || at < window.before);
}

function routedTo(event: CaseEventRecord, departmentNames: Map<string, string>): string | null {
  const code = event.data?.departmentCode;
  return typeof code === 'string' ? (departmentNames.get(code) ?? null) : null;
}

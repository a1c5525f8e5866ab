import { Open311Config } from '../../config/app-config';
import { Open311Document, Open311List, Open311Object, OPEN311_MEDIA_TYPES } from '../open311-document';
import { open311Status } from '../open311-status';
import { Open311ServiceView, PublicServiceRequest, PublicUpdate } from '../open311.service';

/**
 * The Open311 answers, field by field as GeoReport v2 (and FixMyStreet's update extension) name
 * them. Ids and codes are strings; instants are W3C date-times in UTC (`2026-05-04T08:00:00Z`).
 */

/** The date the interface last changed in a way clients would notice. */
const CHANGESET = '2026-11-29T00:00:00Z';

function instant(at: Date | null): string | null {
  return at ? at.toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}

/** `GET discovery`: where the interface is and what it speaks. */
export function discoveryDocument(config: Open311Config, endpointUrl: string): Open311Document {
  return {
    root: 'discovery',
    body: {
      changeset: CHANGESET,
      contact: config.contact,
      key_service: `${config.contact} (API keys are issued by the municipality's administrators)`,
      endpoints: new Open311List('endpoint', [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: endpointUrl,
          changeset: CHANGESET,
          type: 'production',
          formats: new Open311List('format', [OPEN311_MEDIA_TYPES.xml, OPEN311_MEDIA_TYPES.json]),
        },
      ]),
    },
  };
}

/** `GET services`. */
export function servicesDocument(services: Open311ServiceView[]): Open311Document {
  return {
    root: 'services',
    body: new Open311List(
      'service',
      services.map((service) => ({
        service_code: service.entry.code,
        service_name: service.entry.name.sv,
        description: service.entry.name.en,
        metadata: service.attributes.length > 0,
        type: 'realtime',
        keywords: service.entry.keywords.join(', '),
        group: service.departmentName ?? service.entry.departmentCode,
      })),
    ),
  };
}

/** `GET services/{service_code}`. */
export function serviceDefinitionDocument(service: Open311ServiceView): Open311Document {
  return {
    root: 'service_definition',
    body: {
      service_code: service.entry.code,
      attributes: new Open311List(
        'attribute',
        service.attributes.map((attribute) => ({
          variable: attribute.variable,
          code: attribute.code,
          datatype: attribute.datatype,
          required: attribute.required,
          datatype_description: attribute.datatypeDescription,
          order: attribute.order,
          description: attribute.description,
          values: new Open311List(
            'value',
            attribute.values.map((value) => ({ key: value.key, name: value.name })),
          ),
        })),
      ),
    },
  };
}

/** The answer to `POST requests`: the id at once, and a token the client may poll as well. */
export function createdDocument(created: {
  serviceRequestId: string;
  token: string;
  accountId: string | null;
}): Open311Document {
  return {
    root: 'service_requests',
    body: new Open311List('request', [
      {
        service_request_id: created.serviceRequestId,
        token: created.token,
        service_notice: `Tack! Ärendet har nummer ${created.serviceRequestId}.`,
        account_id: created.accountId,
      },
    ]),
  };
}

/** `GET tokens/{token}`. */
export function tokenDocument(found: { serviceRequestId: string; token: string }): Open311Document {
  return {
    root: 'service_requests',
    body: new Open311List('request', [{ service_request_id: found.serviceRequestId, token: found.token }]),
  };
}

/** `GET requests` and `GET requests/{id}`; `extensions` adds `extended_attributes`. */
export function requestsDocument(requests: PublicServiceRequest[], extensions: boolean): Open311Document {
  return {
    root: 'service_requests',
    body: new Open311List(
      'request',
      requests.map((r) => requestOf(r, extensions)),
    ),
  };
}

function requestOf(request: PublicServiceRequest, extensions: boolean): Open311Object {
  const { record } = request;
  const place = request.showPlace;
  const answer: Open311Object = {
    service_request_id: record.reference,
    status: open311Status(record.status),
    status_notes: request.statusNotes,
    service_name: request.serviceName,
    service_code: record.catalogCode,
    description: request.description,
    agency_responsible: request.departmentName,
    service_notice: null,
    requested_datetime: instant(record.receivedAt),
    updated_datetime: instant(record.updatedAt),
    expected_datetime: instant(record.resolutionDueAt),
    address: place ? record.address : null,
    address_id: place ? (request.open311?.addressId ?? null) : null,
    zipcode: place ? record.postalCode : null,
    lat: place && record.lat !== null ? String(record.lat) : null,
    long: place && record.lng !== null ? String(record.lng) : null,
    media_url: request.open311?.mediaUrl ?? null,
  };
  if (extensions) {
    answer.extended_attributes = {
      case_status: record.status,
      channel: record.channel,
      status_notes: new Open311List(
        'status_note',
        request.history.map((update) => ({
          update_id: update.updateId,
          status: update.status,
          datetime: instant(update.at),
          description: update.description,
        })),
      ),
    };
  }
  return answer;
}

/** FixMyStreet's `GET servicerequestupdates`. */
export function updatesDocument(updates: PublicUpdate[]): Open311Document {
  return {
    root: 'service_requests_updates',
    body: new Open311List(
      'request_update',
      updates.map((update) => ({
        update_id: update.updateId,
        service_request_id: update.reference,
        status: update.status,
        updated_datetime: instant(update.at),
        description: update.description,
        media_url: null,
      })),
    ),
  };
}

/** The answer to FixMyStreet's `POST servicerequestupdates`. */
export function updateCreatedDocument(updateId: string): Open311Document {
  return {
    root: 'service_request_updates',
    body: new Open311List('request_update', [{ update_id: updateId }]),
  };
}

/** The specification's error list: one `error` per problem, each with the status code and a description. */
export function errorsDocument(status: number, descriptions: string[]): Open311Document {
  return {
    root: 'errors',
    body: new Open311List(
      'error',
      descriptions.map((description) => ({ code: status, description })),
    ),
  };
}

import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { CreateCaseDto } from '../../cases/dto/create-case.dto';

/** A posted service request (GeoReport v2, "POST Service Request") as checked, before its service is looked up. */
export interface ServiceRequestInput {
  serviceCode: string;
  lat?: number;
  long?: number;
  addressString?: string;
  addressId?: string;
  /** Up to 4,000 characters (the specification's limit); CR LF kept as sent. */
  description?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  deviceId?: string;
  accountId?: string;
  mediaUrl?: string;
  /** `attribute[CODE]` as the form parser gave it: code to a value, or to a list of values. */
  attributes: Record<string, unknown>;
}

/** The specification's limit on a description, in characters. */
export const MAX_DESCRIPTION_LENGTH = 4000;

/** Where the intake's own field names (CreateCaseDto) are called something else in Open311. */
const OPEN311_NAMES: Record<string, string> = {
  'citizen.email': 'email',
  'citizen.phone': 'phone',
  'citizen.name': 'first_name',
  'location.address': 'address_string',
  'location.lat': 'lat',
  'location.lng': 'long',
  catalogCode: 'service_code',
  description: 'description',
};

/**
 * Reads a posted service request (a form-encoded or multipart body) and checks each field,
 * naming it as Open311 does. The citizen's details and the place are checked by the same rules
 * as the staff API's `POST /api/v1/cases` (CreateCaseDto), so a citizen's app cannot store what
 * an agent could not.
 *
 * @returns the input, or the problems (one per bad field, e.g. `lat must be a number`)
 */
export async function readServiceRequest(
  body: Record<string, unknown>,
): Promise<{ input: ServiceRequestInput; problems: string[] }> {
  const problems: string[] = [];
  const text = (field: string, maxLength: number): string | undefined => {
    const value = body[field];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') {
      problems.push(`${field} must be given once, as text`);
      return undefined;
    }
    if (value.length > maxLength) problems.push(`${field} is longer than ${maxLength} characters`);
    return value.trim() === '' ? undefined : value;
  };
  const coordinate = (field: string, limit: number): number | undefined => {
    const value = text(field, 40);
    if (value === undefined) return undefined;
    const number = /^\s*[-+]?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
    if (Number.isNaN(number) || Math.abs(number) > limit) {
      problems.push(`${field} must be a number from -${limit} to ${limit} (WGS84 decimal degrees)`);
      return undefined;
    }
    return number;
  };

  const serviceCode = text('service_code', 64);
  if (serviceCode === undefined && !problems.some((p) => p.startsWith('service_code'))) {
    problems.push('service_code is required');
  }
  const lat = coordinate('lat', 90);
  const long = coordinate('long', 180);
  if ((lat === undefined) !== (long === undefined) && !problems.some((p) => /^(lat|long) /.test(p))) {
    problems.push(lat === undefined ? 'lat is required with long' : 'long is required with lat');
  }
  const input: ServiceRequestInput = {
    serviceCode: serviceCode?.trim() ?? '',
    lat,
    long,
    addressString: text('address_string', 300)?.trim(),
    addressId: text('address_id', 200)?.trim(),
    description: text('description', MAX_DESCRIPTION_LENGTH),
    firstName: text('first_name', 100)?.trim(),
    lastName: text('last_name', 100)?.trim(),
    email: text('email', 254)?.trim(),
    phone: text('phone', 40)?.trim(),
    deviceId: text('device_id', 200)?.trim(),
    accountId: text('account_id', 200)?.trim(),
    mediaUrl: text('media_url', 1000)?.trim(),
    attributes: {},
  };
  const located = input.lat !== undefined || input.addressString !== undefined || input.addressId !== undefined;
  if (!located && !problems.some((p) => /^(lat|long|address_string|address_id) /.test(p))) {
    problems.push('lat and long, address_string or address_id is required: where is it?');
  }
  if (input.mediaUrl !== undefined && !isWebAddress(input.mediaUrl)) problems.push('media_url must be an http(s) URL');
  const attributes = body.attribute;
  if (attributes !== undefined) {
    if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) {
      problems.push('attribute must be given as attribute[CODE]=value');
    } else input.attributes = attributes as Record<string, unknown>;
  }
  problems.push(...(await intakeProblems(input)));
  return { input, problems };
}

/** What the intake's own rules (CreateCaseDto) say of the citizen's details and the place. */
async function intakeProblems(input: ServiceRequestInput): Promise<string[]> {
  const name = [input.firstName, input.lastName].filter(Boolean).join(' ');
  const candidate = plainToInstance(CreateCaseDto, {
    description: input.description ?? '-',
    channel: 'app',
    citizen: { name: name || undefined, email: input.email, phone: input.phone },
    location: { address: input.addressString, lat: input.lat, lng: input.long },
  });
  return flatten(await validate(candidate, { skipMissingProperties: false }));
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const field = OPEN311_NAMES[path] ?? path;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? `${field}${message.slice(error.property.length)}` : `${field}: ${message}`,
    );
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

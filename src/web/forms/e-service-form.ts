import { formText, optionalText } from './form-fields';

/** What the e-service form holds, as typed. */
export interface EServiceForm {
  catalogCode: string;
  description: string;
  address: string;
  lat: string;
  lng: string;
  name: string;
  email: string;
  phone: string;
  /** The honeypot: hidden from people, left empty by them; software that fills in every field fills it. */
  website: string;
}

/** The honeypot field's name: one a form-filling robot is glad to fill in. */
export const HONEYPOT_FIELD = 'website';

/** The form's fields by their path in the API's CreateCaseDto (and the e-service's own checks), for naming a refused field. */
export const E_SERVICE_FIELDS: Record<string, string> = {
  description: 'description',
  catalogCode: 'catalogCode',
  'location.address': 'address',
  'location.lat': 'lat',
  'location.lng': 'lng',
  location: 'address',
  'citizen.name': 'name',
  'citizen.email': 'email',
  'citizen.phone': 'phone',
  citizen: 'name',
  photos: 'photos',
  [HONEYPOT_FIELD]: HONEYPOT_FIELD,
};

export function readEServiceForm(body: unknown): EServiceForm {
  return {
    catalogCode: formText(body, 'catalogCode'),
    description: formText(body, 'description'),
    address: formText(body, 'address'),
    lat: formText(body, 'lat'),
    lng: formText(body, 'lng'),
    name: formText(body, 'name'),
    email: formText(body, 'email'),
    phone: formText(body, 'phone'),
    website: formText(body, HONEYPOT_FIELD),
  };
}

export function emptyEServiceForm(): EServiceForm {
  return {
    catalogCode: '',
    description: '',
    address: '',
    lat: '',
    lng: '',
    name: '',
    email: '',
    phone: '',
    website: '',
  };
}

/**
 * The form as the body of POST /api/v1/cases (CreateCaseDto), for the API's own validation, and
 * the problems the DTO cannot see: a map point needs both its coordinates. Blank optional fields
 * are left out; the citizen's messages come in the language of the page they wrote on.
 */
export function eServiceCaseBody(
  form: EServiceForm,
  language: string,
): { body: Record<string, unknown>; problems: string[] } {
  const body: Record<string, unknown> = { description: form.description };
  const problems: string[] = [];
  const catalogCode = optionalText(form, 'catalogCode');
  if (catalogCode) body.catalogCode = catalogCode;
  const address = optionalText(form, 'address');
  const lat = optionalText(form, 'lat');
  const lng = optionalText(form, 'lng');
  if ((lat === undefined) !== (lng === undefined))
    problems.push(`location.${lat === undefined ? 'lat' : 'lng'}: give both latitude and longitude, or neither`);
  if (address || lat || lng) {
    body.location = {
      ...(address ? { address } : {}),
      ...(lat !== undefined ? { lat: coordinate(lat) } : {}),
      ...(lng !== undefined ? { lng: coordinate(lng) } : {}),
    };
  }
  const name = optionalText(form, 'name');
  const email = optionalText(form, 'email');
  const phone = optionalText(form, 'phone');
  if (name || email || phone) {
    body.citizen = {
      ...(name ? { name } : {}),
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      language,
    };
  }
  return { body, problems };
}

/** A decimal coordinate as a number (a comma is taken for the point, as Swedish and Danish write it); else the text, which validation refuses. */
function coordinate(text: string): number | string {
  const normalised = text.replace(',', '.');
  return /^-?\d{1,3}(\.\d+)?$/.test(normalised) ? Number(normalised) : text;
}

import { CONTACT_OUTCOMES } from '../../contacts/contact.types';
import { formText, optionalText } from './form-fields';

/** What the desk's form holds, as typed. */
export interface DeskForm {
  channel: string;
  servicePointCode: string;
  summary: string;
  catalogCode: string;
  outcome: string;
  description: string;
  citizenName: string;
  citizenPhone: string;
  citizenEmail: string;
  citizenPersonalNumber: string;
  address: string;
}

/** The outcomes an agent picks; `case_created` is the "make it a case" button's. */
export const PICKED_OUTCOMES = CONTACT_OUTCOMES.filter((outcome) => outcome !== 'case_created');

/** The desk form's fields by their path in the API's DTOs, for naming a refused field. */
export const DESK_FIELDS: Record<string, string> = {
  channel: 'channel',
  servicePointCode: 'servicePointCode',
  summary: 'summary',
  catalogCode: 'catalogCode',
  outcome: 'outcome',
  description: 'description',
  'citizen.name': 'citizenName',
  'citizen.phone': 'citizenPhone',
  'citizen.email': 'citizenEmail',
  'citizen.personalNumber': 'citizenPersonalNumber',
  'location.address': 'address',
  location: 'address',
  citizen: 'citizenName',
};

export function readDeskForm(body: unknown): DeskForm {
  return {
    channel: formText(body, 'channel'),
    servicePointCode: formText(body, 'servicePointCode'),
    summary: formText(body, 'summary'),
    catalogCode: formText(body, 'catalogCode'),
    outcome: formText(body, 'outcome'),
    description: formText(body, 'description'),
    citizenName: formText(body, 'citizenName'),
    citizenPhone: formText(body, 'citizenPhone'),
    citizenEmail: formText(body, 'citizenEmail'),
    citizenPersonalNumber: formText(body, 'citizenPersonalNumber'),
    address: formText(body, 'address'),
  };
}

/** An empty desk form, with the channel and service point the agent works at. */
export function freshDeskForm(servicePointCode: string): DeskForm {
  return {
    channel: 'phone',
    servicePointCode,
    summary: '',
    catalogCode: '',
    outcome: 'answered',
    description: '',
    citizenName: '',
    citizenPhone: '',
    citizenEmail: '',
    citizenPersonalNumber: '',
    address: '',
  };
}

function citizenOf(form: DeskForm): Record<string, string> | undefined {
  const given: Array<[string, string]> = [
    ['name', form.citizenName.trim()],
    ['phone', form.citizenPhone.trim()],
    ['email', form.citizenEmail.trim()],
    ['personalNumber', form.citizenPersonalNumber.trim()],
  ];
  const citizen: Record<string, string> = {};
  for (const [name, value] of given) if (value !== '') citizen[name] = value;
  return Object.keys(citizen).length ? citizen : undefined;
}

/** The body of `POST /api/v1/contacts` the form stands for. */
export function contactBody(form: DeskForm, outcome: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    channel: form.channel,
    summary: form.summary.trim(),
    outcome,
  };
  const optional = {
    servicePointCode: optionalText(form, 'servicePointCode'),
    catalogCode: optionalText(form, 'catalogCode'),
    citizen: citizenOf(form),
  };
  for (const [name, value] of Object.entries(optional)) if (value !== undefined) body[name] = value;
  return body;
}

/** The body of `POST /api/v1/cases` for the case made of the form's contact (its citizen comes from the contact). */
export function caseBody(form: DeskForm, contactId?: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    description: (form.description.trim() || form.summary).trim(),
    channel: form.channel,
  };
  const catalogCode = optionalText(form, 'catalogCode');
  if (catalogCode) body.catalogCode = catalogCode;
  const address = optionalText(form, 'address');
  if (address) body.location = { address };
  if (contactId) body.contactId = contactId;
  return body;
}

/** What a citizen look-up was given: a personal identity number, an e-mail address or a phone number. */
export function lookupOf(text: string): { personalNumber?: string; email?: string; phone?: string } | null {
  const value = text.trim();
  if (value === '') return null;
  if (value.includes('@')) return { email: value };
  const digits = value.replace(/\D/g, '');
  if (/^(\d{6}|\d{8})[-+]?\d{4}$/.test(value.replace(/\s/g, '')) && (digits.length === 10 || digits.length === 12))
    return { personalNumber: value };
  return { phone: value };
}

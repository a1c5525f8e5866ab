/**
 * What staff and logs may see of a citizen's address: enough to tell which address a
 * message went to ("a***@e***.se", "***33"), not enough to use it. Error texts from mail
 * servers quote the recipient ("550 <anna@example.se>: no such user"), so they are
 * scrubbed before they are stored or logged.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const topLevel = dot > 0 ? domain.slice(dot) : '';
  return `${local[0]}***@${host[0] ?? ''}***${topLevel}`;
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length < 4 ? '***' : `***${digits.slice(-2)}`;
}

const EMAIL_ADDRESS = /[^\s<>()[\]"',;:@]+@[^\s<>()[\]"',;:@]+\.[^\s<>()[\]"',;:@]+/g;
/** A phone number as people write it: "+46 70-111 22 33", "070-1112233". Reference numbers ("2026-000123") do not start with 0 or +. */
const PHONE_NUMBER = /(?:\+\d|\b0)[\d\s-]{6,}\d/g;

export function scrubPersonalData(text: string): string {
  return text.replace(EMAIL_ADDRESS, '[e-post]').replace(PHONE_NUMBER, '[telefon]');
}

import type { Priority } from '../catalog/catalog.types';

/**
 * What staff read in a message about a case: the reference, the type, the priority and where the
 * case is in the staff console, never what the citizen wrote or who they are. E-mail is not a
 * protected channel, and the on-call address may be a shared mailbox or forwarded to a phone.
 */
export interface StaffMessage {
  subject: string;
  text: string;
}

export interface OnCallMessageContext {
  reference: string;
  /** The catalog type's Swedish name; null when the case has no type yet or is confidential. */
  caseTypeName: string | null;
  confidential: boolean;
  priority: Priority;
  /** Who signs: the display name of MAIL_FROM, e.g. "Servicecenter". */
  signature: string;
}

const PRIORITY_NAMES: Record<Priority, string> = { urgent: 'brådskande', high: 'hög', normal: 'normal', low: 'låg' };

/** The staff console's page of a case, by reference (the console also takes the id). */
export function caseConsolePath(reference: string): string {
  return `/cases/${encodeURIComponent(reference)}`;
}

/**
 * The alert to the on-call staff about an urgent case that came in while the service center was
 * closed. A confidential case's type says too much for e-mail ("Våld i nära relationer"): it is
 * named as confidential only.
 */
export function onCallEmail(context: OnCallMessageContext): StaffMessage {
  const type = context.confidential
    ? 'Sekretessärende (typen visas inte i e-post)'
    : (context.caseTypeName ?? 'Inte bestämd ännu');
  return {
    subject: `Brådskande ärende utanför öppettid: ${context.reference}`,
    text:
      [
        'Ett brådskande ärende kom in när servicecentret var stängt.',
        [
          `Ärende: ${context.reference}`,
          `Typ: ${type}`,
          `Prioritet: ${PRIORITY_NAMES[context.priority]}`,
          `Öppna ärendet: ${caseConsolePath(context.reference)}`,
        ].join('\n'),
        `${context.signature}`,
      ].join('\n\n') + '\n',
  };
}

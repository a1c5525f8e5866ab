/**
 * What one retention run (or one erasure) removed, as counts: never the data itself. This is what
 * the run answers, what is logged and what `retention_runs` keeps.
 */
export interface RetentionCounts {
  /** Cases whose citizen link, location and personal data in their texts were removed. */
  casesAnonymised: number;
  /** Timeline texts (descriptions, notes, replies, reasons) redacted on those cases. */
  caseTextsRedacted: number;
  /** Contacts whose citizen link was removed and summary redacted. */
  contactsAnonymised: number;
  /** Notes on callbacks made, redacted. */
  callbackNotesRedacted: number;
  /** Messages to citizens whose citizen link and masked address were removed. */
  messagesAnonymised: number;
  /** Citizen records deleted: no kept case or contact referred to them any more. */
  citizensDeleted: number;
  /** Photos citizens sent with their cases (e-service form, Open311), deleted. */
  photosDeleted: number;
  /** Free comments of the satisfaction survey removed (the grades stay for the statistics). */
  ratingCommentsRemoved: number;
  /** E-mails from the citizen about the case, kept whole with their attachments, deleted. */
  emailsDeleted: number;
}

export function noCounts(): RetentionCounts {
  return {
    casesAnonymised: 0,
    caseTextsRedacted: 0,
    contactsAnonymised: 0,
    callbackNotesRedacted: 0,
    messagesAnonymised: 0,
    citizensDeleted: 0,
    photosDeleted: 0,
    ratingCommentsRemoved: 0,
    emailsDeleted: 0,
  };
}

export function addCounts(into: RetentionCounts, more: Partial<RetentionCounts>): RetentionCounts {
  for (const [name, value] of Object.entries(more) as Array<[keyof RetentionCounts, number]>) into[name] += value;
  return into;
}

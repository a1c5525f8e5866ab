import type { CaseStatus } from '../cases/case-lifecycle';
import { redact, RedactionParties } from './redaction';

/**
 * The rules of what the public case register shows, pure: which public status a case's status is,
 * what a published summary is made of, and when an entry may be published.
 */

/**
 * The statuses the public sees: received (still with the service center or waiting to be taken),
 * in progress, resolved, closed. Internal steps (triaged, routed, returned, waiting) are the
 * municipality's own business; a case closed as a repeat of another is closed.
 */
export const PUBLIC_STATUSES = ['received', 'in_progress', 'resolved', 'closed'] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

const PUBLIC_STATUS_OF: Record<CaseStatus, PublicStatus> = {
  new: 'received',
  triaged: 'received',
  routed: 'received',
  returned: 'received',
  in_progress: 'in_progress',
  waiting: 'in_progress',
  reopened: 'in_progress',
  resolved: 'resolved',
  closed: 'closed',
  duplicate: 'closed',
};

export function publicStatus(status: CaseStatus): PublicStatus {
  return PUBLIC_STATUS_OF[status];
}

/** What a catalog type publishes: its summary, or that the case exists (reference, date, type, department, status). */
export const PUBLISHED_CONTENTS = ['summary', 'existence'] as const;
export type PublishedContent = (typeof PUBLISHED_CONTENTS)[number];

export interface PublicationRule {
  /** Hours after receipt before the entry is published: time for a handler to withhold it or edit its summary. */
  delayHours: number;
  publishes: PublishedContent;
}

/** A type without a rule of its own: published the next day, with its summary. */
export const DEFAULT_PUBLICATION_RULE: PublicationRule = { delayHours: 24, publishes: 'summary' };

/** The longest delay a rule may set: a year. */
export const LONGEST_DELAY_HOURS = 24 * 366;

/** A published summary is at most this many characters: a register line, not the case file. */
export const SUMMARY_MAX_CHARS = 300;

/** UTC: when an entry received at `receivedAt` may be published under `rule`. */
export function publishAfter(receivedAt: Date, rule: PublicationRule): Date {
  return new Date(receivedAt.getTime() + rule.delayHours * 3_600_000);
}

/**
 * The summary as published: the text redacted (redaction.ts, with the case's own parties), its
 * white space collapsed, then cut at a word boundary to SUMMARY_MAX_CHARS with "…". Redaction
 * runs on the whole text first, so a cut never leaves half a personal number behind.
 */
export function publishedSummary(text: string, parties: RedactionParties): string {
  const redacted = redact(text, parties).replace(/\s+/g, ' ').trim();
  if (redacted.length <= SUMMARY_MAX_CHARS) return redacted;
  const cut = redacted.slice(0, SUMMARY_MAX_CHARS);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > SUMMARY_MAX_CHARS / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/** What the public search looks in: the published summary in lower case (Swedish and Danish letters too). */
/**
 * The text the public may read of a case: none for a confidential case or a type that publishes
 * its existence only, else `text` redacted with the case's own parties (publishedSummary).
 */
export function publicationText(
  text: string,
  confidential: boolean,
  rule: PublicationRule,
  parties: RedactionParties,
): string | null {
  return confidential || rule.publishes !== 'summary' ? null : publishedSummary(text, parties);
}

export function searchTextOf(summary: string | null): string | null {
  return summary === null ? null : summary.toLocaleLowerCase('sv');
}

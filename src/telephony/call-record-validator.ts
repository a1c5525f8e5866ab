import {
  isBlank,
  LineFields,
  readChoice,
  readFlag,
  readInstant,
  readText,
  readWholeNumber,
  unknownFields,
} from '../imports/field-readers';
import { CALL_OUTCOMES, CallOutcome } from './call-record.types';

/** One call record from the telephony platform, checked. */
export interface CheckedCallRecord {
  callId: string;
  startedAt: Date;
  queue: string;
  waitSeconds: number;
  outcome: CallOutcome;
  talkSeconds: number;
  callbackRequested: boolean;
  agentEmail: string | null;
  servicePointCode: string | null;
  directAnswer: boolean | null;
}

export interface CallRecordContext {
  servicePointCodes: ReadonlySet<string>;
  now: Date;
  /** The municipality's IANA time zone: a time without a zone in the file is local time there. */
  timeZone: string;
}

export const CALL_RECORD_FIELDS = [
  'callId',
  'startedAt',
  'queue',
  'waitSeconds',
  'outcome',
  'talkSeconds',
  'callbackRequested',
  'agentEmail',
  'servicePointCode',
  'directAnswer',
] as const;
export const REQUIRED_CALL_RECORD_FIELDS = [
  'callId',
  'startedAt',
  'queue',
  'waitSeconds',
  'outcome',
  'callbackRequested',
] as const;

const QUEUE = /^[a-z0-9][a-z0-9_.-]{0,31}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A day: no queue holds a caller longer, and a larger number is a unit mistake (milliseconds). */
const MAX_SECONDS = 86_400;

/**
 * Checks one call record, from a CSV line (all text) or a JSON webhook (typed values).
 * A pure function; whether the callId was stored before is the caller's to check.
 */
export function validateCallRecord(
  fields: LineFields,
  context: CallRecordContext,
): { callRecord: CheckedCallRecord | null; errors: string[] } {
  const errors: string[] = [];
  unknownFields(fields, CALL_RECORD_FIELDS, errors);
  const callId = readText(fields, 'callId', errors, { required: true, maxLength: 100 });
  const startedAt = readInstant(fields, 'startedAt', errors, {
    required: true,
    notAfter: context.now,
    timeZone: context.timeZone,
  });
  const queue = readText(fields, 'queue', errors, { required: true, maxLength: 32 })?.toLowerCase() ?? null;
  if (queue !== null && !QUEUE.test(queue))
    errors.push(`queue: must be a queue name of letters, digits, ".", "-" and "_"; got "${queue}"`);
  const waitSeconds = readWholeNumber(fields, 'waitSeconds', errors, { max: MAX_SECONDS });
  const outcome = readChoice(fields, 'outcome', CALL_OUTCOMES, errors);
  // A caller who hung up in the queue talked to nobody; an export may leave the field empty.
  const talkSeconds =
    outcome === 'abandoned' && isBlank(fields.talkSeconds)
      ? 0
      : readWholeNumber(fields, 'talkSeconds', errors, { max: MAX_SECONDS });
  const callbackRequested = readFlag(fields, 'callbackRequested', errors);
  if (callbackRequested === null && isBlank(fields.callbackRequested)) errors.push('callbackRequested: is required');
  const agentEmail = readText(fields, 'agentEmail', errors, { required: false, maxLength: 254 })?.toLowerCase() ?? null;
  if (agentEmail !== null && !EMAIL.test(agentEmail))
    errors.push(`agentEmail: must be an e-mail address; got "${agentEmail}"`);
  const servicePointCode = readText(fields, 'servicePointCode', errors, { required: false, maxLength: 32 });
  if (servicePointCode !== null && !context.servicePointCodes.has(servicePointCode))
    errors.push(`servicePointCode: unknown service point "${servicePointCode}"`);
  const directAnswer = readFlag(fields, 'directAnswer', errors);

  if (outcome === 'abandoned') {
    if (talkSeconds !== null && talkSeconds > 0) errors.push('talkSeconds: must be 0 for an abandoned call');
    if (directAnswer === true) errors.push('directAnswer: cannot be true for an abandoned call');
  }

  if (errors.length > 0) return { callRecord: null, errors };
  return {
    callRecord: {
      callId: callId as string,
      startedAt: startedAt as Date,
      queue: queue as string,
      waitSeconds: waitSeconds as number,
      outcome: outcome as CallOutcome,
      talkSeconds: talkSeconds as number,
      callbackRequested: callbackRequested as boolean,
      agentEmail,
      servicePointCode,
      directAnswer,
    },
    errors,
  };
}

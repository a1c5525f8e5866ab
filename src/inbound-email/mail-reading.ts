import { IgnoredReason } from './entities/inbound-email.entity';

/**
 * What a citizen wrote in an e-mail, without what they quoted and without their signature: the
 * text a handler reads on the timeline (the whole message is kept besides). Cut at the first of
 * - the signature separator `-- ` (RFC 3676) or a lone `--`;
 * - a quote header: "On … wrote:", "Den … skrev …:" (Swedish), "… skrev:" (Danish),
 *   "-----Original Message-----", "-----Ursprungligt meddelande-----", "-----Oprindelig meddelelse-----",
 *   or an Outlook header block starting "From:"/"Från:"/"Fra:" followed by a "Sent:"/"Skickat:"/"Sendt:" line;
 * - a run of quoted lines (`>`).
 * Mobile sign-offs ("Sent from my iPhone", "Skickat från min iPhone") are dropped. Trailing blank
 * lines are trimmed. When cutting would leave nothing (a message that is all quote) the text is kept whole.
 */
export function readableReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const trimmed = line.trim();
    const next = (lines[i + 1] ?? '').trim();
    if (line === '-- ' || trimmed === '--') {
      end = i;
      break;
    }
    if (
      /^-{2,}\s*(original message|ursprungligt meddelande|oprindelig meddelelse|forwarded message|vidarebefordrat meddelande)\s*-{2,}$/i.test(
        trimmed,
      )
    ) {
      end = i;
      break;
    }
    if (/^(on|den|d\.)\s.+\s(wrote|skrev)\b.*:$/i.test(trimmed) || /^.{1,200}\s(wrote|skrev):$/i.test(trimmed)) {
      end = i;
      break;
    }
    if (/^(from|från|fra):\s/i.test(trimmed) && /^(sent|skickat|sendt|date|datum|dato):\s/i.test(next)) {
      end = i;
      break;
    }
    if (trimmed.startsWith('>')) {
      end = i;
      break;
    }
  }
  const kept = lines
    .slice(0, end)
    .filter((line) => !/^(sent from my|skickat från min|sendt fra min)\b/i.test(line.trim()));
  const result = kept.join('\n').trim();
  return result === '' ? text.trim() : result;
}

/** A message's header as mailparser gives it: a string, or a structured value with `value`. */
type HeaderValue = unknown;

/**
 * Whether a message was sent by a machine rather than written by a person, and so makes no case:
 * - `bounce`: a delivery status notification (Content-Type `multipart/report`, RFC 6522) or one
 *   from `MAILER-DAEMON` / `postmaster`;
 * - `auto_reply`: `Auto-Submitted` other than `no` (RFC 3834), `X-Autoreply`/`X-Autorespond`,
 *   `Precedence: bulk | auto_reply | junk | list`, or `X-Auto-Response-Suppress` (Microsoft's mark
 *   on its own automatic answers).
 * Null for a message a person wrote. `headers` is keyed by lower-case header name.
 */
export function automaticKind(headers: Map<string, HeaderValue>, fromAddress: string | null): IgnoredReason | null {
  const text = (name: string): string => {
    const value = headers.get(name);
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value.trim().toLowerCase();
    if (typeof value === 'object' && 'value' in value) return String(value.value).toLowerCase();
    return '';
  };
  if (text('content-type').startsWith('multipart/report')) return 'bounce';
  if (fromAddress && /^(mailer-daemon|postmaster)@/i.test(fromAddress)) return 'bounce';
  const submitted = text('auto-submitted');
  if (submitted !== '' && submitted !== 'no') return 'auto_reply';
  if (headers.has('x-autoreply') || headers.has('x-autorespond')) return 'auto_reply';
  if (['bulk', 'auto_reply', 'junk', 'list'].includes(text('precedence'))) return 'auto_reply';
  if (headers.has('x-auto-response-suppress')) return 'auto_reply';
  return null;
}

/** A case reference in a subject, e.g. "Re: Svar i ditt ärende 2026-000123" gives `2026-000123`. */
export function referenceInSubject(subject: string): string | null {
  return /(?<!\d)(\d{4}-\d{6})(?!\d)/.exec(subject)?.[1] ?? null;
}

/**
 * The case a message answers, from the Message-IDs it names (In-Reply-To and References): our
 * messages about a case carry `<notify.<case id>.<what>@<domain>>` (notification-composer.service.ts).
 * The newest reference first (In-Reply-To, then References from the last); null when none is ours.
 */
export function caseIdInThread(messageIds: string[]): string | null {
  for (const id of messageIds) {
    const match = /^<?notify\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.[\w.-]+@[^>]+>?$/i.exec(
      id.trim(),
    );
    if (match) return match[1].toLowerCase();
  }
  return null;
}

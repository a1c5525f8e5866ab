import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant } from '../../common/api-instant.decorator';
import { LOOKUP_KINDS, LookupKind } from '../person-lookup';
import { PersonExtract } from '../privacy-requests.service';

const TEXT = { type: String, nullable: true } as const;

/** One citizen record held about the person: their details as they gave them at one contact or case. */
export class ExtractCitizenResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty(TEXT) name: string | null;
  @ApiProperty(TEXT) email: string | null;
  @ApiProperty(TEXT) phone: string | null;
  @ApiProperty({ description: 'Whether a personal identity number is held (encrypted; never shown)' })
  personalNumberHeld: boolean;
  @ApiProperty(TEXT) gender: string | null;
  @ApiProperty({ ...TEXT, description: 'The language messages are written in' }) language: string | null;
}

/** One contact with the service center. */
export class ExtractContactResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() channel: string;
  @ApiInstant('Started') startedAt: Date;
  @ApiInstant('Ended') endedAt: Date;
  @ApiProperty() outcome: string;
  @ApiProperty(TEXT) catalogCode: string | null;
  @ApiProperty(TEXT) servicePointCode: string | null;
  @ApiProperty(TEXT) summary: string | null;
  @ApiProperty({ type: [String], description: 'The cases registered from the contact' }) caseIds: string[];
}

/** A text on a case's timeline: a reply, an internal note, the reason given for a step. */
export class ExtractCaseTextResponse {
  @ApiInstant('When it was written') at: Date;
  @ApiProperty({ example: 'reply' }) type: string;
  @ApiProperty({ ...TEXT, example: 'resolve', description: 'The lifecycle step, for a reason given with one' })
  action: string | null;
  @ApiProperty() text: string;
}

/** One case about the person, with its texts. */
export class ExtractCaseResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-000123' }) reference: string;
  @ApiProperty() status: string;
  @ApiInstant('Received') receivedAt: Date;
  @ApiInstant('Closed', { nullable: true }) closedAt: Date | null;
  @ApiProperty(TEXT) catalogCode: string | null;
  @ApiProperty(TEXT) departmentCode: string | null;
  @ApiProperty() channel: string;
  @ApiProperty() confidential: boolean;
  @ApiProperty() description: string;
  @ApiProperty(TEXT) address: string | null;
  @ApiInstant('When its personal data is removed under the retention rules; null while the case is open', {
    nullable: true,
  })
  personalDataKeptUntil: Date | null;
  @ApiProperty({ type: [ExtractCaseTextResponse] }) texts: ExtractCaseTextResponse[];
}

/** A message sent to the person about a case. */
export class ExtractMessageResponse {
  @ApiProperty(TEXT) caseReference: string | null;
  @ApiProperty({ example: 'receipt' }) kind: string;
  @ApiProperty({ example: 'email' }) channel: string;
  @ApiProperty({ ...TEXT, description: 'The address, masked as it is kept' }) recipient: string | null;
  @ApiProperty({ example: 'sent' }) status: string;
  @ApiInstant('Sent', { nullable: true }) sentAt: Date | null;
}

/** A photo the person sent, or an e-mail of theirs kept whole, with one of their cases. */
export class ExtractFileResponse {
  @ApiProperty({ example: '2026-000123' }) caseReference: string;
  @ApiProperty({ enum: ['photo', 'email'] }) kind: 'photo' | 'email';
  @ApiInstant('Received') receivedAt: Date;
  @ApiProperty({ type: Number, description: 'Size in bytes' }) byteSize: number;
}

/** A rating the person gave (1-5; null where not given). */
export class ExtractRatingResponse {
  @ApiProperty({ enum: ['contact', 'case'] }) about: 'contact' | 'case';
  @ApiInstant('Given') ratedAt: Date;
  @ApiProperty({ type: Number, nullable: true }) ease: number | null;
  @ApiProperty({ type: Number, nullable: true }) treatment: number | null;
  @ApiProperty({ type: Number, nullable: true }) clarity: number | null;
  @ApiProperty({ type: String, nullable: true, description: "The survey's free comment" }) comment: string | null;
}

/** What GDPR art. 15(1) asks to be told of each category of data. */
export class ExtractProcessingResponse {
  @ApiProperty({ example: 'cases' }) category: string;
  @ApiProperty() purposes: string;
  @ApiProperty() legalBasis: string;
  @ApiProperty() recipients: string;
  @ApiProperty() retention: string;
  @ApiProperty() source: string;
}

/** A register extract (registerutdrag, GDPR art. 15): everything held about the person. */
export class PersonExtractResponse {
  @ApiInstant('When the extract was made') generatedAt: Date;
  @ApiProperty({ enum: LOOKUP_KINDS }) lookedUpBy: LookupKind;
  @ApiProperty({ type: [ExtractCitizenResponse] }) citizenRecords: ExtractCitizenResponse[];
  @ApiProperty({ type: [ExtractContactResponse] }) contacts: ExtractContactResponse[];
  @ApiProperty({ type: [ExtractCaseResponse] }) cases: ExtractCaseResponse[];
  @ApiProperty({ type: [ExtractMessageResponse] }) messages: ExtractMessageResponse[];
  @ApiProperty({ type: [ExtractRatingResponse] }) ratings: ExtractRatingResponse[];
  @ApiProperty({ type: [ExtractFileResponse], description: 'Photos and e-mails kept with the cases, oldest first' })
  files: ExtractFileResponse[];
  @ApiProperty({ type: [ExtractProcessingResponse] }) processing: ExtractProcessingResponse[];
  @ApiProperty({ description: 'The rights the person has, and where to complain' }) rights: string;
}

export function toPersonExtractResponse(extract: PersonExtract): PersonExtractResponse {
  return {
    generatedAt: extract.generatedAt,
    lookedUpBy: extract.lookedUpBy,
    citizenRecords: extract.citizens.map((citizen) => ({
      id: citizen.id,
      name: citizen.name,
      email: citizen.email,
      phone: citizen.phone,
      personalNumberHeld: citizen.hasPersonalNumber,
      gender: citizen.gender,
      language: citizen.language,
    })),
    contacts: extract.contacts.map((contact) => ({
      id: contact.id,
      channel: contact.channel,
      startedAt: contact.startedAt,
      endedAt: contact.endedAt,
      outcome: contact.outcome,
      catalogCode: contact.catalogCode,
      servicePointCode: contact.servicePointCode,
      summary: contact.summary,
      caseIds: contact.caseIds,
    })),
    cases: extract.cases.map(({ record, events, keptUntil }) => ({
      id: record.id,
      reference: record.reference,
      status: record.status,
      receivedAt: record.receivedAt,
      closedAt: record.closedAt,
      catalogCode: record.catalogCode,
      departmentCode: record.departmentCode,
      channel: record.channel,
      confidential: record.confidential,
      description: record.description,
      address: record.address,
      personalDataKeptUntil: keptUntil,
      texts: events.flatMap((event) =>
        [event.body, event.reason]
          .filter((text): text is string => Boolean(text))
          .map((text) => ({ at: event.at, type: event.type, action: event.action, text })),
      ),
    })),
    messages: extract.messages.map((message) => ({
      caseReference: message.caseReference,
      kind: message.kind,
      channel: message.channel,
      recipient: message.recipient,
      status: message.status,
      sentAt: message.sentAt,
    })),
    ratings: extract.ratings,
    files: extract.files,
    processing: extract.processing.map((description) => ({ ...description })),
    rights: extract.rights,
  };
}

import { InvalidInputError } from '../common/domain-errors';

/** How a person is looked up for an extract, an erasure or a correction: exactly one identifier. */
export type PersonLookup = { personalNumber: string } | { email: string } | { phone: string };
export type LookupKind = 'personalNumber' | 'email' | 'phone';

const KINDS: readonly LookupKind[] = ['personalNumber', 'email', 'phone'];

/**
 * The one identifier given, and which it is. @throws InvalidInputError naming the fields when
 * none or more than one is given. Each field's own form is checked by the DTO before this.
 */
export function lookupOf(body: Partial<Record<LookupKind, string>>): { kind: LookupKind; lookup: PersonLookup } {
  const given = KINDS.filter((kind) => body[kind] !== undefined);
  if (given.length !== 1)
    throw new InvalidInputError([
      given.length === 0
        ? 'personalNumber: give one of personalNumber, email or phone to find the person by'
        : `${given[1]}: give only one of personalNumber, email or phone (${given.join(' and ')} were given)`,
    ]);
  const kind = given[0];
  return { kind, lookup: { [kind]: body[kind] } as PersonLookup };
}

export { KINDS as LOOKUP_KINDS };

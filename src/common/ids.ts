import { v7 as timeOrderedUuid } from 'uuid';

/**
 * A new row id: a UUID of version 7 (RFC 9562, section 5.7), 36 characters in the usual text
 * form. Its first 48 bits are the Unix time in milliseconds and the rest random, with a counter
 * that keeps ids made in the same millisecond in order, so ids sort by when they were made.
 *
 * Why not random (version 4): every table keeps its id, and most keep a case's or a citizen's id,
 * in a B-tree index. Random ids put each new row on a random leaf of each such index, so as the
 * database grows each intake touches, reads and writes more distinct pages; ordered ids add to the
 * last leaf, and the cost of a write stays the same at a thousand cases and at millions.
 *
 * The id shows when its row was made, to the millisecond; every row that has one keeps that time
 * in a column anyway. Nothing uses an id as a secret: a session's id is carried in a signed token.
 */
export function newId(): string {
  return timeOrderedUuid();
}

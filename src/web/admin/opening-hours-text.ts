import { listOf } from './admin-forms';

/**
 * A weekday's opening hours as an admin types them, `08:00-12:00, 13:00-16:30` (a hyphen or an en
 * dash between the times; nothing for a day closed), as the calendar API's intervals
 * `[["08:00", "12:00"], ["13:00", "16:30"]]`. A piece that is not two times joined by a dash is
 * passed on as `[piece, ""]`, for the calendar's own check to name.
 */
export function intervalsOf(text: string | undefined): string[][] {
  return listOf(text ?? '').map((piece) => {
    const times = piece.split(/\s*[-–]\s*/);
    return times.length === 2 ? times : [piece, ''];
  });
}

/** The API's intervals of a weekday as the form shows them: `08:00-12:00, 13:00-16:30`, '' when closed. */
export function openingHoursText(intervals: ReadonlyArray<readonly [string, string]>): string {
  return intervals.map(([opensAt, closesAt]) => `${opensAt}-${closesAt}`).join(', ');
}

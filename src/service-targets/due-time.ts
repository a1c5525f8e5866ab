/**
 * Due-time arithmetic for service targets, on the business calendar. Pure functions: every
 * instant in and out is a UTC Date; the calendar knows the opening hours and holidays.
 */
import { BusinessCalendar } from '../calendar/business-calendar';
import { TargetTime } from './service-target.types';

const MINUTES_PER_HOUR = 60;

/** When a target started at `startedAt` is due, before any pause. */
export function dueAtFor(calendar: BusinessCalendar, startedAt: Date, target: TargetTime): Date {
  switch (target.unit) {
    case 'working_days':
      return calendar.addWorkingDays(startedAt, target.value);
    case 'working_hours':
      return calendar.addWorkingMinutes(startedAt, target.value * MINUTES_PER_HOUR);
    case 'working_minutes':
      return calendar.addWorkingMinutes(startedAt, target.value);
  }
}

/**
 * Moves an instant later by some working minutes: the clock was stopped that long. Zero
 * leaves it where it is (addWorkingMinutes with 0 would move a closing-time due to the next
 * opening). A due time at the close of a day moved by 30 minutes lands at 08:30 the next
 * working day, not at 17:00 the same day: open time, not wall-clock time, is what moves.
 */
export function shiftByWorkingMinutes(calendar: BusinessCalendar, instant: Date, workingMinutes: number): Date {
  if (workingMinutes <= 0) return instant;
  return calendar.addWorkingMinutes(instant, workingMinutes);
}

/**
 * When to warn that a target is running out: once `warningShare` of the working time it
 * allows has been used. The time allowed is the open time from the clock's start to the due
 * time less the paused working minutes (the due time was moved by them), and the warning is
 * moved by the same pause, so it keeps its place relative to the due time. Null when the
 * target allows no open time at all (nothing to warn ahead of).
 */
export function warnAtFor(
  calendar: BusinessCalendar,
  startedAt: Date,
  dueAt: Date,
  pausedWorkingMinutes: number,
  warningShare: number,
): Date | null {
  const allowedWorkingMinutes = calendar.workingMinutesBetween(startedAt, dueAt) - Math.max(0, pausedWorkingMinutes);
  if (allowedWorkingMinutes <= 0) return null;
  const unpausedWarnAt = calendar.addWorkingMinutes(startedAt, allowedWorkingMinutes * warningShare);
  return shiftByWorkingMinutes(calendar, unpausedWarnAt, pausedWorkingMinutes);
}

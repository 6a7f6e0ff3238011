// Calendar dates in the interface: stored as YYYY-MM-DD, shown as dd/mm/jjjj (nl-BE).
import { addDays, addMonths } from 'date-fns';
import { brusselsDayOf, brusselsToday, isFutureDate, latestToday } from '../../schema/follow-up';
import { formatIsoDate, formatNlDate, formatNlDateTime, isValidDate, parseIsoDate } from '../../schema/calendar-date';

/** Today's calendar date on this device, YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return formatIsoDate(now);
}

/** Today in Brussels, YYYY-MM-DD: the first day a planned date (a follow-up's) may take, as Opvolging counts. */
export function planTodayIso(now: Date = new Date()): string {
  return brusselsToday(now);
}

/**
 * The last date that is not in the future: today on this device or in
 * Brussels, whichever is later (schema/follow-up.ts latestToday). For the
 * `max` of a date field that may not lie in the future.
 */
export function latestTodayIso(): string {
  return latestToday(new Date());
}

/** Whether a YYYY-MM-DD date lies after latestTodayIso(). */
export function isFutureIso(iso: string): boolean {
  return isFutureDate(iso, new Date());
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isValidDate(parseIsoDate(value));
}

/**
 * 2026-03-12 → 12/03/2026. A timestamp shows its Brussels day
 * (2026-03-11T23:30:00Z → 12/03/2026); anything else is returned unchanged.
 */
export function formatDate(iso: string): string {
  const day = brusselsDayOf(iso);
  return isIsoDate(day) ? formatNlDate(parseIsoDate(day)) : iso;
}

/** A timestamp as date and local time: 12/03/2026 09:30. */
export function formatDateTime(timestamp: string): string {
  const date = parseIsoDate(timestamp);
  return isValidDate(date) ? formatNlDateTime(date) : timestamp;
}

export function plusDays(iso: string, days: number): string {
  return formatIsoDate(addDays(parseIsoDate(iso), days));
}

export function plusMonths(iso: string, months: number): string {
  return formatIsoDate(addMonths(parseIsoDate(iso), months));
}

// Pure date rules for the follow-up overview. A follow-up's `due` is a
// calendar date (YYYY-MM-DD) in the user's legal zone, Europe/Brussels; "today"
// and "this week" (Monday to Sunday) are computed there, whatever zone the
// device is set to. Arithmetic uses date-fns on TZDate so DST days (23 or 25
// hours) still count as one calendar day.
import { TZDate } from '@date-fns/tz';
import { addDays, endOfWeek } from 'date-fns';
import { formatIsoDate } from './calendar-date';

export const FOLLOW_UP_ZONE = 'Europe/Brussels';

export const followUpGroups = ['te-laat', 'vandaag', 'deze-week', 'later'] as const;
export type FollowUpGroup = (typeof followUpGroups)[number];

/** The calendar boundaries of the four groups, as YYYY-MM-DD strings (they sort like dates). */
export interface FollowUpBounds {
  /** Today in Brussels. Before this: te laat. */
  today: string;
  /** Sunday of the current week (Monday start); after today up to here: deze week. */
  weekEnd: string;
}

function brusselsDate(isoDate: string): TZDate {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new TZDate(y ?? 1970, (m ?? 1) - 1, d ?? 1, FOLLOW_UP_ZONE);
}

/** Today's calendar date in Brussels at the instant `now`. */
export function brusselsToday(now: Date): string {
  return formatIsoDate(new TZDate(now.getTime(), FOLLOW_UP_ZONE));
}

/**
 * The Brussels calendar date of a timestamp (`2026-12-03T23:30:00Z` is
 * 2026-12-04): a note written just after midnight belongs to the day the
 * worker lived it, not to the UTC day. A plain date or an unreadable value
 * is returned as its first ten characters.
 */
export function brusselsDayOf(timestamp: string): string {
  if (timestamp.length <= 10) return timestamp;
  const instant = new Date(timestamp);
  return Number.isNaN(instant.getTime()) ? timestamp.slice(0, 10) : brusselsToday(instant);
}

/**
 * The latest calendar date it is "today" anywhere that counts: on this
 * device or in Brussels. A date after it has not happened yet; one up to it
 * may have, so a worker whose device is set to another zone is never refused
 * today's date.
 */
export function latestToday(now: Date): string {
  const device = formatIsoDate(now);
  const brussels = brusselsToday(now);
  return device > brussels ? device : brussels;
}

/**
 * Baken's own bounds on dates a worker types (not sourced): they catch a slip of the year, such as
 * 2016 for 2026, which would make a young person's recorded age years older on every later day.
 */
export const KNOWN_ON_MAX_YEARS_BACK = 5;
/** A follow-up is a date to come back to the case ("smeed het ijzer als het koud is"): within a year. */
export const FOLLOW_UP_MAX_YEARS_AHEAD = 1;
/** A retention date at most as far as the longest default in Instellingen (120 months). */
export const RETENTION_MAX_YEARS_AHEAD = 10;

/** The same calendar day `years` later (earlier when negative); 29 February becomes 28 February. */
export function addYearsIso(isoDate: string, years: number): string {
  const year = String(Number(isoDate.slice(0, 4)) + years).padStart(4, '0');
  const rest = isoDate.slice(4);
  return rest === '-02-29' ? `${year}-02-28` : `${year}${rest}`;
}

/** Whether a calendar date (YYYY-MM-DD) lies in the future at the instant `now` (see latestToday). */
export function isFutureDate(isoDate: string, now: Date): boolean {
  return isoDate > latestToday(now);
}

/** Group boundaries for a given Brussels calendar date. */
export function boundsForToday(today: string): FollowUpBounds {
  return { today, weekEnd: formatIsoDate(endOfWeek(brusselsDate(today), { weekStartsOn: 1 })) };
}

/** Group boundaries at the instant `now`. */
export function followUpBounds(now: Date): FollowUpBounds {
  return boundsForToday(brusselsToday(now));
}

/** Which group a due date falls in. */
export function followUpGroupOf(due: string, bounds: FollowUpBounds): FollowUpGroup {
  if (due < bounds.today) return 'te-laat';
  if (due === bounds.today) return 'vandaag';
  if (due <= bounds.weekEnd) return 'deze-week';
  return 'later';
}

/** Sorts items into the four groups, each by due date (earliest first). */
export function groupFollowUps<T extends { due: string }>(
  items: readonly T[],
  bounds: FollowUpBounds,
): Record<FollowUpGroup, T[]> {
  const groups: Record<FollowUpGroup, T[]> = { 'te-laat': [], vandaag: [], 'deze-week': [], later: [] };
  for (const item of items) groups[followUpGroupOf(item.due, bounds)].push(item);
  for (const group of followUpGroups) groups[group].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return groups;
}

// Day number of a calendar date on the proleptic UTC calendar: UTC has no DST, so two dates differ by whole days.
function utcDayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(2000, (m ?? 1) - 1, d ?? 1));
  date.setUTCFullYear(y ?? 1970); // years 0-99 too (Date.UTC would map them to 19xx)
  return Math.round(date.getTime() / 86_400_000);
}

/**
 * Calendar days from today to `due`: negative when overdue, 0 today. Both are
 * calendar dates, so no zone is involved (issue 19: Opvolging words 40 due
 * dates per visit; the zone-aware date-fns path was a quarter of its render).
 */
export function daysUntil(due: string, today: string): number {
  return utcDayNumber(due) - utcDayNumber(today);
}

/** The calendar date `days` after `isoDate` (YYYY-MM-DD). */
export function addCalendarDays(isoDate: string, days: number): string {
  return formatIsoDate(addDays(brusselsDate(isoDate), days));
}

/** Relative Dutch wording of a due date: "vandaag", "morgen", "over 3 dagen", "1 dag te laat", "2 dagen te laat". */
export function relativeDueNl(due: string, today: string): string {
  const days = daysUntil(due, today);
  if (days === 0) return 'vandaag';
  if (days === 1) return 'morgen';
  if (days > 1) return `over ${days} dagen`;
  const late = -days;
  return late === 1 ? '1 dag te laat' : `${late} dagen te laat`;
}

const absoluteFormat = new Intl.DateTimeFormat('nl-BE', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Absolute nl-BE date, e.g. "di 24 nov 2026". A calendar date: formatted in UTC so no zone shifts it. */
export function absoluteDateNl(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return absoluteFormat.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

/**
 * The keys that more than one of `items` has: follow-ups on the same day of a case, or cases with more
 * than one card on Opvolging, whose buttons' names then also say the purpose.
 */
export function keysSeenTwice<T>(items: Iterable<T>, key: (item: T) => string | undefined): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) (seen.has(k) ? twice : seen).add(k);
  }
  return twice;
}

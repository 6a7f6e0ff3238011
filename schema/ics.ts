// iCalendar (RFC 5545) export of open follow-ups. Privacy first: an event
// carries only the case reference ("Baken opvolging 2026-014"), its date, a
// stable UID and a SEQUENCE. No name, pseudonym, school, type, purpose,
// location or attendee ever goes into the file: it leaves the encrypted vault
// and may be synced to a calendar service.
import { brusselsToday } from './follow-up';

export interface CalendarFollowUp {
  /** Stable random UID as stored on the follow-up (`<uuid>@baken`). */
  icsUid: string;
  /** Grows by one on each reschedule, so calendars replace the old event. */
  sequence: number;
  /** Calendar date, YYYY-MM-DD. */
  due: string;
  /** Case reference, e.g. `2026-014`. */
  reference: string;
}

export const ICS_PRODID = '-//Baken//Opvolging 1.0//NL';
export const ICS_FILE_NAME = 'baken-opvolging.ics';
export const ICS_MIME_TYPE = 'text/calendar';

const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** The only text an event shows. */
export function followUpSummary(reference: string): string {
  return `Baken opvolging ${reference}`;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line at 75 octets (RFC 5545 §3.1): continuation lines
 * start with a single space. Counts UTF-8 octets and never splits a
 * character (a surrogate pair is one character).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = ' ';
      octets = 1;
      limit = MAX_OCTETS;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** YYYY-MM-DD → YYYYMMDD (DATE value). */
function icsDate(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`Not a calendar date: ${isoDate}`);
  return isoDate.replace(/-/g, '');
}

/** The next calendar day; plain UTC arithmetic is exact for DATE values. */
function nextDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const next = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1));
  return next.toISOString().slice(0, 10);
}

/** UTC DATE-TIME, e.g. 20260312T093000Z. */
function icsUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

// An all-day event starts at 00:00 in the calendar's own zone; a reminder is relative to that.
/** 09:00 the day before. */
const REMINDER_DAY_BEFORE = '-PT15H';
/** 08:00 on the day itself. */
const REMINDER_ON_THE_DAY = 'PT8H';

/**
 * The day before at 09:00, unless that day is today or already past (a follow-up planned for
 * tomorrow, the common case: a reminder the day before at midnight had passed when the file was
 * made, a review found): then 08:00 on the day itself.
 */
function reminderTrigger(due: string, today: string): string {
  return due > nextDay(today) ? REMINDER_DAY_BEFORE : REMINDER_ON_THE_DAY;
}

function eventLines(item: CalendarFollowUp, stamp: string, today: string): string[] {
  if (!Number.isInteger(item.sequence) || item.sequence < 0)
    throw new RangeError('SEQUENCE must be a whole number ≥ 0');
  const summary = escapeText(followUpSummary(item.reference));
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(item.icsUid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${icsDate(item.due)}`,
    `DTEND;VALUE=DATE:${icsDate(nextDay(item.due))}`,
    `SEQUENCE:${item.sequence}`,
    `SUMMARY:${summary}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `TRIGGER:${reminderTrigger(item.due, today)}`,
    `DESCRIPTION:${summary}`,
    'END:VALARM',
    'END:VEVENT',
  ];
}

/**
 * One VCALENDAR with an all-day VEVENT per follow-up, each with a reminder
 * (reminderTrigger, from today in Brussels at `now`). `now` becomes DTSTAMP. Events are ordered by date, then
 * UID, so the same input always gives the same file. CRLF line endings,
 * lines folded at 75 octets.
 */
export function buildFollowUpCalendar(items: readonly CalendarFollowUp[], now: Date): string {
  const stamp = icsUtc(now);
  const sorted = [...items].sort((a, b) =>
    a.due !== b.due ? (a.due < b.due ? -1 : 1) : a.icsUid < b.icsUid ? -1 : a.icsUid > b.icsUid ? 1 : 0,
  );
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...sorted.flatMap((item) => eventLines(item, stamp, brusselsToday(now))),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

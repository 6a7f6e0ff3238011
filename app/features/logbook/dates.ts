// Calendar dates in the interface: stored as YYYY-MM-DD, shown as dd/mm/jjjj (nl-BE).
import { addDays, addMonths, format, isValid, parseISO } from 'date-fns';

/** Today's calendar date on this device, YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isValid(parseISO(value));
}

/** 2026-03-12 → 12/03/2026; anything else is returned unchanged. */
export function formatDate(iso: string): string {
  return isIsoDate(iso.slice(0, 10)) ? format(parseISO(iso.slice(0, 10)), 'dd/MM/yyyy') : iso;
}

/** A timestamp as date and local time: 12/03/2026 09:30. */
export function formatDateTime(timestamp: string): string {
  const date = parseISO(timestamp);
  return isValid(date) ? format(date, 'dd/MM/yyyy HH:mm') : timestamp;
}

export function plusDays(iso: string, days: number): string {
  return format(addDays(parseISO(iso), days), 'yyyy-MM-dd');
}

export function plusMonths(iso: string, months: number): string {
  return format(addMonths(parseISO(iso), months), 'yyyy-MM-dd');
}

// Open/closed status of a referral entry, computed in the entry's own time
// zone (not the device's) so a Flemish phone shows correct Dutch hours and DST
// switches are handled by the tz database rather than by hand.
import { TZDate } from '@date-fns/tz';
import { addDays, getISODay, set, startOfDay } from 'date-fns';
import type { Hours, WeeklySlot } from './content';

export type OpenState = 'open' | 'gesloten' | '24/7' | 'onbekend';

export interface OpenStatus {
  state: OpenState;
  /** When open: the instant the current (merged) opening period ends. */
  until?: Date;
  /** When closed: the next instant it opens. */
  nextOpen?: Date;
  /** When open: label of the slot that is open now (e.g. "chat"). */
  label?: string;
}

interface Interval {
  start: number;
  end: number;
  label: string | undefined;
}

function parseHhmm(value: string): { hours: number; minutes: number } {
  const [h, m] = value.split(':');
  return { hours: Number(h), minutes: Number(m) };
}

function atLocalTime(day: TZDate, hhmm: string): number {
  return set(day, { ...parseHhmm(hhmm), seconds: 0, milliseconds: 0 }).getTime();
}

/**
 * Concrete opening intervals from local today up to 7 days ahead in
 * `timeZone`: enough to find the current slot and the next opening of any
 * weekly schedule, since slots never cross midnight.
 */
function intervalsAround(slots: readonly WeeklySlot[], timeZone: string, now: Date): Interval[] {
  const today = startOfDay(new TZDate(now.getTime(), timeZone));
  const out: Interval[] = [];
  for (let offset = 0; offset <= 7; offset += 1) {
    // addDays on a TZDate keeps local wall time, so this stays at local midnight across DST.
    const day = addDays(today, offset);
    const isoDay = getISODay(day);
    for (const slot of slots) {
      if (!slot.days.includes(isoDay)) continue;
      out.push({ start: atLocalTime(day, slot.from), end: atLocalTime(day, slot.to), label: slot.label });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Merge touching/overlapping intervals so `until` is the real closing time. */
function merge(intervals: readonly Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const iv of intervals) {
    const last = merged.at(-1);
    if (last && iv.start <= last.end) {
      last.end = Math.max(last.end, iv.end);
    } else {
      merged.push({ ...iv });
    }
  }
  return merged;
}

/** Whether the entry is open at `now`, evaluated in the entry's own time zone. */
export function openStatus(hours: Hours, now: Date): OpenStatus {
  switch (hours.kind) {
    case '24/7':
      return { state: '24/7' };
    case 'unknown':
      return { state: 'onbekend' };
    case 'weekly': {
      const t = now.getTime();
      const raw = intervalsAround(hours.slots, hours.timeZone, now);
      const current = merge(raw).find((iv) => iv.start <= t && t < iv.end);
      if (current) {
        const slot = raw.find((iv) => iv.start <= t && t < iv.end);
        return { state: 'open', until: new Date(current.end), label: slot?.label };
      }
      const next = raw.find((iv) => iv.start > t);
      return next ? { state: 'gesloten', nextOpen: new Date(next.start) } : { state: 'gesloten' };
    }
  }
}

// Readable opening hours and the "open nu / gesloten / 24/7 / onbekend" line.
// Times are shown in the entry's own time zone, like openStatus computes them.
import type { Hours, ReferralEntry, WeeklySlot } from '../../../schema/content';
import type { OpenStatus } from '../../../schema/opening-hours';
import { nl } from '../../i18n/core';

export { formatCheckedDate } from '../../ui/knowledge/source-label';

const t = nl.knowledge.verwijzingen;

/** "ma–vr", "ma, do", "za, zo", "elke dag" for ISO weekdays (1 = Monday). */
export function formatDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return t.allDays;
  const runs: number[][] = [];
  for (const day of sorted) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  const name = (day: number) => t.weekdaysShort[day - 1] ?? String(day);
  return runs
    .flatMap((run) => {
      const first = run[0];
      const last = run.at(-1);
      if (first === undefined || last === undefined) return [];
      return run.length >= 3 ? [`${name(first)}–${name(last)}`] : run.map(name);
    })
    .join(', ');
}

export function formatSlot(slot: WeeklySlot): string {
  const text = t.slot(formatDays(slot.days), slot.from, slot.to);
  return slot.label ? `${text} (${slot.label})` : text;
}

export function formatTime(date: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('nl-BE', { hour: '2-digit', minute: '2-digit', timeZone }).format(date);
}

/** Calendar day number of `date` in `timeZone`, for "today"/"tomorrow" comparisons. */
function dayNumber(date: Date, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round(Date.UTC(get('year'), get('month') - 1, get('day')) / 86_400_000);
}

function formatNextOpen(next: Date, now: Date, timeZone: string | undefined): string {
  const time = formatTime(next, timeZone);
  const diff = dayNumber(next, timeZone) - dayNumber(now, timeZone);
  if (diff === 0) return t.status.today(time);
  if (diff === 1) return t.status.tomorrow(time);
  const weekday = new Intl.DateTimeFormat('nl-BE', { weekday: 'long', timeZone }).format(next);
  return t.status.onDay(weekday, time);
}

/** The label every weekly slot shares ("chat"), if they all have the same one. */
function sharedLabel(hours: Hours): string | undefined {
  if (hours.kind !== 'weekly') return undefined;
  const first = hours.slots[0]?.label;
  return first !== undefined && hours.slots.every((slot) => slot.label === first) ? first : undefined;
}

/** The status line, in words (never colour alone). */
export function formatOpenStatus(status: OpenStatus, hours: Hours, now: Date): string {
  const timeZone = hours.kind === 'weekly' ? hours.timeZone : undefined;
  switch (status.state) {
    case '24/7':
      return t.status.always;
    case 'onbekend':
      // The source's own words about its hours (e.g. "uncertain, not included") say more than "unknown".
      return hours.kind === 'unknown' && hours.note ? hours.note : t.status.unknown;
    case 'open':
      if (!status.until) return t.status.open;
      return status.label
        ? t.status.openUntilLabel(status.label, formatTime(status.until, timeZone))
        : t.status.openUntil(formatTime(status.until, timeZone));
    case 'gesloten': {
      // Hours that are all of one channel (Qpido: chat) say so when closed too, so they are never read as the phone's.
      const label = sharedLabel(hours);
      const when = status.nextOpen ? formatNextOpen(status.nextOpen, now, timeZone) : null;
      if (label) return when ? t.status.closedUntilLabel(label, when) : t.status.closedLabel(label);
      return when ? t.status.closedUntil(when) : t.status.closed;
    }
  }
}

/**
 * Whether an open/closed line means anything for this entry. A website-only
 * entry with unknown hours gets none: "openingsuren onbekend" would be noise.
 */
export function showsOpenStatus(entry: ReferralEntry): boolean {
  return (
    entry.hours.kind !== 'unknown' ||
    entry.phones.length > 0 ||
    entry.email !== undefined ||
    entry.address !== undefined
  );
}

/**
 * Whether the hours deserve their own row next to the status line: weekly
 * slots. "24/7" is already said by the status, and so is a note about unknown
 * hours (the status line shows it instead of "onbekend"), so it is not said twice.
 */
export function showsHoursDetails(entry: ReferralEntry): boolean {
  return showsOpenStatus(entry) && entry.hours.kind === 'weekly';
}

/** True when the entry has no way to reach it: the card then says the source names none. */
export function hasNoContact(entry: ReferralEntry): boolean {
  return entry.phones.length === 0 && !entry.email && !entry.website && !entry.address;
}

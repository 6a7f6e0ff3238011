// Tiny calendar-date helpers. date-fns' `format` and `parseISO` pull in its
// whole token formatter and the en-US locale; we only ever need these fixed
// patterns. Works with TZDate too: it reads the date through the local getters,
// which TZDate answers in its own time zone.

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/** `yyyy-MM-dd` of a date, read in its own (local or TZDate) calendar. */
export function formatIsoDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `dd/MM/yyyy`, the way dates are written in Flanders. */
export function formatNlDate(date: Date): string {
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${pad(date.getFullYear(), 4)}`;
}

/** `dd/MM/yyyy HH:mm`. */
export function formatNlDateTime(date: Date): string {
  return `${formatNlDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Parses `yyyy-MM-dd` (local midnight) or a full ISO timestamp. Returns an
 * Invalid Date for anything else, including impossible dates like 2026-02-30.
 */
export function parseIsoDate(value: string): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const date = new Date(y, m - 1, d);
    return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d ? date : new Date(NaN);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return new Date(value);
  return new Date(NaN);
}

export function isValidDate(date: Date): boolean {
  return !Number.isNaN(date.getTime());
}

import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { formatIsoDate, formatNlDate, formatNlDateTime, isValidDate, parseIsoDate } from './calendar-date';

describe('calendar-date helpers', () => {
  it('formats a local date as yyyy-MM-dd and dd/MM/yyyy', () => {
    const date = new Date(2026, 2, 9, 7, 5);
    expect(formatIsoDate(date)).toBe('2026-03-09');
    expect(formatNlDate(date)).toBe('09/03/2026');
    expect(formatNlDateTime(date)).toBe('09/03/2026 07:05');
  });

  it('reads a TZDate in its own time zone', () => {
    // 23:30 UTC on 28 March is already 29 March in Brussels.
    const late = new TZDate(Date.UTC(2026, 2, 28, 23, 30), 'Europe/Brussels');
    expect(formatIsoDate(late)).toBe('2026-03-29');
  });

  it('parses calendar dates at local midnight and refuses impossible ones', () => {
    const parsed = parseIsoDate('2026-11-21');
    expect([parsed.getFullYear(), parsed.getMonth(), parsed.getDate(), parsed.getHours()]).toEqual([2026, 10, 21, 0]);
    expect(isValidDate(parseIsoDate('2026-02-30'))).toBe(false);
    expect(isValidDate(parseIsoDate('21/11/2026'))).toBe(false);
    expect(isValidDate(parseIsoDate(''))).toBe(false);
  });

  it('parses full ISO timestamps', () => {
    expect(parseIsoDate('2026-11-21T10:15:00.000Z').toISOString()).toBe('2026-11-21T10:15:00.000Z');
  });

  it('round-trips every day of a leap year', () => {
    for (let day = 0; day < 366; day++) {
      const date = new Date(2028, 0, 1 + day);
      expect(formatIsoDate(parseIsoDate(formatIsoDate(date)))).toBe(formatIsoDate(date));
    }
  });
});

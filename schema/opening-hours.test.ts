import { describe, it, expect } from 'vitest';
import type { Hours } from './content';
import { openStatus } from './opening-hours';

// Qpido chat hours (seeds 000, 001): Mon–Fri 13:00–17:00, Mon and Thu 19:30–21:30.
const qpido: Hours = {
  kind: 'weekly',
  timeZone: 'Europe/Amsterdam',
  slots: [
    { days: [1, 2, 3, 4, 5], from: '13:00', to: '17:00', label: 'chat' },
    { days: [1, 4], from: '19:30', to: '21:30', label: 'chat' },
  ],
};

const utc = (iso: string): Date => new Date(iso);

/** Independent oracle: is Qpido chat open at local weekday (1–7) and minute of day? */
function qpidoOpenAt(isoDay: number, minute: number): boolean {
  const afternoon = isoDay <= 5 && minute >= 13 * 60 && minute < 17 * 60;
  const evening = (isoDay === 1 || isoDay === 4) && minute >= 19 * 60 + 30 && minute < 21 * 60 + 30;
  return afternoon || evening;
}

/**
 * Sweep a whole local week (without a DST switch) in 15-minute steps, starting
 * at local Monday 00:00 given as a UTC instant; returns the mismatches.
 */
function sweepWeek(mondayMidnightUtc: string): { at: string; expected: boolean; actual: string }[] {
  const start = utc(mondayMidnightUtc).getTime();
  const mismatches: { at: string; expected: boolean; actual: string }[] = [];
  for (let step = 0; step < 7 * 24 * 4; step += 1) {
    const at = new Date(start + step * 15 * 60_000);
    const localMinutes = step * 15;
    const isoDay = Math.floor(localMinutes / (24 * 60)) + 1;
    const expected = qpidoOpenAt(isoDay, localMinutes % (24 * 60));
    const actual = openStatus(qpido, at).state;
    if ((actual === 'open') !== expected) mismatches.push({ at: at.toISOString(), expected, actual });
  }
  return mismatches;
}

describe('openStatus for weekly hours (Qpido chat, Europe/Amsterdam)', () => {
  it('matches the published hours for every quarter hour of a winter week (CET, UTC+1)', () => {
    // Monday 2026-11-23 00:00 CET
    expect(sweepWeek('2026-11-22T23:00:00Z')).toEqual([]);
  });

  it('matches the published hours for every quarter hour of a summer week (CEST, UTC+2)', () => {
    // Monday 2026-06-01 00:00 CEST
    expect(sweepWeek('2026-05-31T22:00:00Z')).toEqual([]);
  });

  it('is open at 13:00 exactly and closed at 17:00 exactly', () => {
    expect(openStatus(qpido, utc('2026-11-24T12:00:00Z')).state).toBe('open'); // Tue 13:00 CET
    expect(openStatus(qpido, utc('2026-11-24T11:59:00Z')).state).toBe('gesloten'); // Tue 12:59
    expect(openStatus(qpido, utc('2026-11-24T15:59:00Z')).state).toBe('open'); // Tue 16:59
    expect(openStatus(qpido, utc('2026-11-24T16:00:00Z')).state).toBe('gesloten'); // Tue 17:00
  });

  it('reports when an open slot ends and which channel it is', () => {
    expect(openStatus(qpido, utc('2026-11-23T13:00:00Z'))).toEqual({
      state: 'open',
      until: utc('2026-11-23T16:00:00Z'), // Mon 17:00 CET
      label: 'chat',
    });
  });

  it('opens the evening slot on Monday and Thursday only', () => {
    // 20:00 CET = 19:00Z
    expect(openStatus(qpido, utc('2026-11-23T19:00:00Z'))).toMatchObject({
      state: 'open',
      until: utc('2026-11-23T20:30:00Z'),
    }); // Mon
    expect(openStatus(qpido, utc('2026-11-24T19:00:00Z')).state).toBe('gesloten'); // Tue
    expect(openStatus(qpido, utc('2026-11-25T19:00:00Z')).state).toBe('gesloten'); // Wed
    expect(openStatus(qpido, utc('2026-11-26T19:00:00Z')).state).toBe('open'); // Thu
    expect(openStatus(qpido, utc('2026-11-27T19:00:00Z')).state).toBe('gesloten'); // Fri
  });

  it('treats 19:30 as open and 21:30 as closed on Thursday', () => {
    expect(openStatus(qpido, utc('2026-11-26T18:29:00Z')).state).toBe('gesloten'); // 19:29
    expect(openStatus(qpido, utc('2026-11-26T18:30:00Z')).state).toBe('open'); // 19:30
    expect(openStatus(qpido, utc('2026-11-26T20:29:00Z')).state).toBe('open'); // 21:29
    expect(openStatus(qpido, utc('2026-11-26T20:30:00Z')).state).toBe('gesloten'); // 21:30
  });

  it('gives the next opening when closed between the afternoon and evening slots', () => {
    // Mon 18:00 CET -> evening slot 19:30 CET
    expect(openStatus(qpido, utc('2026-11-23T17:00:00Z'))).toEqual({
      state: 'gesloten',
      nextOpen: utc('2026-11-23T18:30:00Z'),
    });
  });

  it('gives Monday 13:00 as the next opening over the weekend', () => {
    // Fri 17:00 CET -> Mon 13:00 CET
    expect(openStatus(qpido, utc('2026-11-27T16:00:00Z'))).toEqual({
      state: 'gesloten',
      nextOpen: utc('2026-11-30T12:00:00Z'),
    });
  });
});

describe('openStatus across daylight saving time transitions', () => {
  it('is open at 13:30 local on the Monday before and after the 29 March 2026 switch', () => {
    expect(openStatus(qpido, utc('2026-03-23T12:30:00Z')).state).toBe('open'); // 13:30 CET
    expect(openStatus(qpido, utc('2026-03-30T11:30:00Z')).state).toBe('open'); // 13:30 CEST
  });

  it('uses summer time right after the March switch, not the old offset', () => {
    expect(openStatus(qpido, utc('2026-03-30T10:59:00Z')).state).toBe('gesloten'); // 12:59 CEST
    expect(openStatus(qpido, utc('2026-03-30T11:00:00Z')).state).toBe('open'); // 13:00 CEST
    // 15:30Z is 17:30 CEST (closed) although it would be 16:30 under CET.
    expect(openStatus(qpido, utc('2026-03-30T15:30:00Z')).state).toBe('gesloten');
  });

  it('finds Monday 13:00 CEST as the next opening from the night of the March switch', () => {
    // 01:30 CET on Sunday 29 March, half an hour before clocks jump to 03:00
    expect(openStatus(qpido, utc('2026-03-29T00:30:00Z'))).toEqual({
      state: 'gesloten',
      nextOpen: utc('2026-03-30T11:00:00Z'),
    });
  });

  it('is open at 13:30 local on the Monday before and after the 25 October 2026 switch', () => {
    expect(openStatus(qpido, utc('2026-10-19T11:30:00Z')).state).toBe('open'); // 13:30 CEST
    expect(openStatus(qpido, utc('2026-10-26T12:30:00Z')).state).toBe('open'); // 13:30 CET
  });

  it('uses winter time right after the October switch, not the old offset', () => {
    // 11:30Z is 12:30 CET (closed) although it would be 13:30 under CEST.
    expect(openStatus(qpido, utc('2026-10-26T11:30:00Z'))).toEqual({
      state: 'gesloten',
      nextOpen: utc('2026-10-26T12:00:00Z'),
    });
    expect(openStatus(qpido, utc('2026-10-26T15:59:00Z')).state).toBe('open'); // 16:59 CET
    expect(openStatus(qpido, utc('2026-10-26T16:00:00Z')).state).toBe('gesloten'); // 17:00 CET
  });

  it('finds Monday 13:00 CET as the next opening from the Saturday before the October switch', () => {
    expect(openStatus(qpido, utc('2026-10-24T12:00:00Z'))).toEqual({
      state: 'gesloten',
      nextOpen: utc('2026-10-26T12:00:00Z'),
    });
  });

  it('keeps an evening slot right on the Thursday after the October switch', () => {
    // Thu 29 Oct 2026 19:30 CET = 18:30Z
    expect(openStatus(qpido, utc('2026-10-29T18:30:00Z')).state).toBe('open');
    expect(openStatus(qpido, utc('2026-10-29T17:30:00Z')).state).toBe('gesloten'); // 18:30 CET
  });
});

describe('openStatus for other kinds of hours', () => {
  it('reports 24/7 entries as always available', () => {
    expect(openStatus({ kind: '24/7' }, utc('2026-11-22T03:00:00Z'))).toEqual({ state: '24/7' });
  });

  it('reports entries with unknown hours as unknown, never as open or closed', () => {
    expect(openStatus({ kind: 'unknown' }, utc('2026-11-23T12:00:00Z'))).toEqual({ state: 'onbekend' });
    expect(openStatus({ kind: 'unknown', note: 'Openingsuren onzeker' }, utc('2026-11-23T12:00:00Z'))).toEqual({
      state: 'onbekend',
    });
  });

  it('merges back-to-back slots so the closing time is the end of the last one', () => {
    const brussels: Hours = {
      kind: 'weekly',
      timeZone: 'Europe/Brussels',
      slots: [
        { days: [3], from: '09:00', to: '12:00' },
        { days: [3], from: '12:00', to: '14:00' },
      ],
    };
    // Wed 25 Nov 2026 11:00 CET = 10:00Z
    expect(openStatus(brussels, utc('2026-11-25T10:00:00Z'))).toMatchObject({
      state: 'open',
      until: utc('2026-11-25T13:00:00Z'),
    });
  });

  it('finds a Sunday-only slot almost a week ahead', () => {
    const sundays: Hours = {
      kind: 'weekly',
      timeZone: 'Europe/Brussels',
      slots: [{ days: [7], from: '10:00', to: '11:00' }],
    };
    // Sun 22 Nov 2026 11:00 CET (just closed) -> Sun 29 Nov 10:00 CET
    expect(openStatus(sundays, utc('2026-11-22T10:00:00Z'))).toEqual({
      state: 'gesloten',
      nextOpen: utc('2026-11-29T09:00:00Z'),
    });
  });
});

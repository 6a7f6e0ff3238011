import { describe, expect, it } from 'vitest';

import {
  absoluteDateNl,
  addCalendarDays,
  boundsForToday,
  brusselsDayOf,
  brusselsToday,
  daysUntil,
  followUpBounds,
  followUpGroupOf,
  groupFollowUps,
  isFutureDate,
  latestToday,
  relativeDueNl,
} from './follow-up';
import { formatIsoDate } from './calendar-date';

describe('isFutureDate', () => {
  // Around Brussels midnight in winter and summer, and at midday: whatever zone this device is set to.
  const instants = ['2026-01-14T22:59:59Z', '2026-01-14T23:30:00Z', '2026-07-14T22:30:00Z', '2026-03-12T11:00:00Z'];

  it.each(instants)('never calls today in Brussels or on this device the future (%s)', (iso) => {
    const now = new Date(iso);
    expect(isFutureDate(brusselsToday(now), now)).toBe(false);
    expect(isFutureDate(formatIsoDate(now), now)).toBe(false);
    expect(isFutureDate(addCalendarDays(brusselsToday(now), -400), now)).toBe(false);
  });

  it.each(instants)('calls the day after the later of the two the future (%s)', (iso) => {
    const now = new Date(iso);
    const latest = latestToday(now);
    expect([brusselsToday(now), formatIsoDate(now)]).toContain(latest);
    expect(latest >= brusselsToday(now) && latest >= formatIsoDate(now)).toBe(true);
    expect(isFutureDate(addCalendarDays(latest, 1), now)).toBe(true);
    expect(isFutureDate('2999-01-01', now)).toBe(true);
  });

  it('at 00:30 in Brussels on 15 January, the 15th is today there and the 16th is the future', () => {
    const now = new Date('2026-01-14T23:30:00Z');
    expect(isFutureDate('2026-01-15', now)).toBe(false);
    expect(isFutureDate('2026-01-16', now)).toBe(latestToday(now) < '2026-01-16');
  });
});

describe('brusselsToday', () => {
  it('is still the old day at 23:59 Brussels time and the new day at 00:00', () => {
    // Winter: Brussels = UTC+1.
    expect(brusselsToday(new Date('2026-01-14T22:59:59Z'))).toBe('2026-01-14');
    expect(brusselsToday(new Date('2026-01-14T23:00:00Z'))).toBe('2026-01-15');
    // Summer: Brussels = UTC+2.
    expect(brusselsToday(new Date('2026-07-14T21:59:00Z'))).toBe('2026-07-14');
    expect(brusselsToday(new Date('2026-07-14T22:00:00Z'))).toBe('2026-07-15');
  });

  it('gives a timestamp its Brussels day (brusselsDayOf)', () => {
    expect(brusselsDayOf('2026-01-14T23:30:00.000Z')).toBe('2026-01-15');
    expect(brusselsDayOf('2026-07-14T21:30:00Z')).toBe('2026-07-14');
    expect(brusselsDayOf('2026-07-15T00:30:00+02:00')).toBe('2026-07-15');
    expect(brusselsDayOf('2026-07-15')).toBe('2026-07-15');
  });

  it('follows Brussels midnight on the spring-forward night (29 March 2026)', () => {
    // 28 March 23:59 CET = 22:59 UTC; 29 March 00:00 CET = 23:00 UTC on the 28th.
    expect(brusselsToday(new Date('2026-03-28T22:59:00Z'))).toBe('2026-03-28');
    expect(brusselsToday(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    // 29 March 23:59 CEST = 21:59 UTC; 30 March 00:00 CEST = 22:00 UTC.
    expect(brusselsToday(new Date('2026-03-29T21:59:00Z'))).toBe('2026-03-29');
    expect(brusselsToday(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
  });

  it('follows Brussels midnight on the fall-back night (25 October 2026)', () => {
    // 24 Oct 23:59 CEST = 21:59 UTC; 25 Oct 00:00 CEST = 22:00 UTC.
    expect(brusselsToday(new Date('2026-10-24T21:59:00Z'))).toBe('2026-10-24');
    expect(brusselsToday(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    // The 25th lasts 25 hours: 25 Oct 23:59 CET = 22:59 UTC.
    expect(brusselsToday(new Date('2026-10-25T22:59:00Z'))).toBe('2026-10-25');
    expect(brusselsToday(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });
});

describe('followUpGroupOf', () => {
  // Wednesday 11 March 2026; the week runs Monday 9 to Sunday 15 March.
  const bounds = boundsForToday('2026-03-11');

  it('puts yesterday under te laat, today under vandaag, up to Sunday under deze week, Monday under later', () => {
    expect(bounds).toEqual({ today: '2026-03-11', weekEnd: '2026-03-15' });
    expect(followUpGroupOf('2026-03-10', bounds)).toBe('te-laat');
    expect(followUpGroupOf('2025-12-31', bounds)).toBe('te-laat');
    expect(followUpGroupOf('2026-03-11', bounds)).toBe('vandaag');
    expect(followUpGroupOf('2026-03-12', bounds)).toBe('deze-week');
    expect(followUpGroupOf('2026-03-15', bounds)).toBe('deze-week');
    expect(followUpGroupOf('2026-03-16', bounds)).toBe('later');
  });

  it('has no deze week items on a Sunday: the week ends today', () => {
    const sunday = boundsForToday('2026-03-15');
    expect(sunday.weekEnd).toBe('2026-03-15');
    expect(followUpGroupOf('2026-03-15', sunday)).toBe('vandaag');
    expect(followUpGroupOf('2026-03-16', sunday)).toBe('later');
  });

  it('starts the week on Monday', () => {
    const monday = boundsForToday('2026-03-16');
    expect(monday.weekEnd).toBe('2026-03-22');
    expect(followUpGroupOf('2026-03-15', monday)).toBe('te-laat');
  });

  it('moves a follow-up from vandaag to te laat exactly at Brussels midnight', () => {
    const due = '2026-01-14';
    expect(followUpGroupOf(due, followUpBounds(new Date('2026-01-14T22:59:59Z')))).toBe('vandaag');
    expect(followUpGroupOf(due, followUpBounds(new Date('2026-01-14T23:00:00Z')))).toBe('te-laat');
  });

  it('groups correctly in the week of the spring DST change', () => {
    // Sunday 29 March 2026 is the spring-forward day and the last day of its week.
    const saturdayLate = followUpBounds(new Date('2026-03-28T22:59:00Z'));
    expect(saturdayLate).toEqual({ today: '2026-03-28', weekEnd: '2026-03-29' });
    expect(followUpGroupOf('2026-03-29', saturdayLate)).toBe('deze-week');
    expect(followUpGroupOf('2026-03-30', saturdayLate)).toBe('later');

    const sundayMidnight = followUpBounds(new Date('2026-03-28T23:00:00Z'));
    expect(sundayMidnight).toEqual({ today: '2026-03-29', weekEnd: '2026-03-29' });
    expect(followUpGroupOf('2026-03-28', sundayMidnight)).toBe('te-laat');
    expect(followUpGroupOf('2026-03-29', sundayMidnight)).toBe('vandaag');

    // Monday 00:00 CEST (22:00 UTC on Sunday) starts a new week.
    const mondayMidnight = followUpBounds(new Date('2026-03-29T22:00:00Z'));
    expect(mondayMidnight).toEqual({ today: '2026-03-30', weekEnd: '2026-04-05' });
    expect(followUpGroupOf('2026-04-05', mondayMidnight)).toBe('deze-week');
  });

  it('groups correctly in the week of the autumn DST change', () => {
    // Sunday 25 October 2026 has 25 hours; at its 23:59 CET it is still that Sunday.
    const sundayLate = followUpBounds(new Date('2026-10-25T22:59:00Z'));
    expect(sundayLate).toEqual({ today: '2026-10-25', weekEnd: '2026-10-25' });
    expect(followUpGroupOf('2026-10-25', sundayLate)).toBe('vandaag');
    expect(followUpGroupOf('2026-10-26', sundayLate)).toBe('later');

    const mondayMidnight = followUpBounds(new Date('2026-10-25T23:00:00Z'));
    expect(mondayMidnight).toEqual({ today: '2026-10-26', weekEnd: '2026-11-01' });
    expect(followUpGroupOf('2026-10-25', mondayMidnight)).toBe('te-laat');
    expect(followUpGroupOf('2026-11-01', mondayMidnight)).toBe('deze-week');
  });
});

describe('groupFollowUps', () => {
  it('sorts items into the four groups, earliest first', () => {
    const bounds = boundsForToday('2026-03-11');
    const groups = groupFollowUps(
      [
        { due: '2026-04-01' },
        { due: '2026-03-12' },
        { due: '2026-03-09' },
        { due: '2026-03-01' },
        { due: '2026-03-11' },
      ],
      bounds,
    );
    expect(groups['te-laat'].map((i) => i.due)).toEqual(['2026-03-01', '2026-03-09']);
    expect(groups.vandaag.map((i) => i.due)).toEqual(['2026-03-11']);
    expect(groups['deze-week'].map((i) => i.due)).toEqual(['2026-03-12']);
    expect(groups.later.map((i) => i.due)).toEqual(['2026-04-01']);
  });
});

describe('daysUntil and relativeDueNl', () => {
  it('counts calendar days, not 24-hour periods, across both DST changes', () => {
    expect(daysUntil('2026-03-30', '2026-03-28')).toBe(2);
    expect(daysUntil('2026-03-29', '2026-03-28')).toBe(1);
    expect(daysUntil('2026-10-26', '2026-10-24')).toBe(2);
    expect(daysUntil('2026-10-24', '2026-10-26')).toBe(-2);
    expect(daysUntil('2027-01-01', '2026-12-31')).toBe(1);
  });

  it('counts leap days and long spans as whole calendar days', () => {
    expect(daysUntil('2028-03-01', '2028-02-28')).toBe(2);
    expect(daysUntil('2027-03-01', '2027-02-28')).toBe(1);
    expect(daysUntil('2036-03-11', '2026-03-11')).toBe(3653);
    expect(daysUntil('0099-12-31', '0100-01-01')).toBe(-1);
  });

  it('words the distance in plain Dutch', () => {
    expect(relativeDueNl('2026-03-11', '2026-03-11')).toBe('vandaag');
    expect(relativeDueNl('2026-03-12', '2026-03-11')).toBe('morgen');
    expect(relativeDueNl('2026-03-14', '2026-03-11')).toBe('over 3 dagen');
    expect(relativeDueNl('2026-03-10', '2026-03-11')).toBe('1 dag te laat');
    expect(relativeDueNl('2026-03-09', '2026-03-11')).toBe('2 dagen te laat');
    expect(relativeDueNl('2026-03-30', '2026-03-28')).toBe('over 2 dagen');
    expect(relativeDueNl('2026-10-24', '2026-10-26')).toBe('2 dagen te laat');
  });

  it('adds calendar days across a DST change', () => {
    expect(addCalendarDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addCalendarDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addCalendarDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('absoluteDateNl', () => {
  it('formats a calendar date in nl-BE with weekday, day, month and year', () => {
    const text = absoluteDateNl('2026-11-24');
    expect(text).toMatch(/^di\.? 24 nov\.? 2026$/);
  });

  it('never shifts the date, whatever the instant of the day', () => {
    expect(absoluteDateNl('2026-03-29')).toMatch(/^zo\.? 29 mrt\.? 2026$/);
    expect(absoluteDateNl('2026-10-25')).toMatch(/^zo\.? 25 okt\.? 2026$/);
  });
});

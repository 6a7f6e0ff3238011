import { describe, expect, it } from 'vitest';
import type { Hours } from '../../../schema/content';
import { openStatus } from '../../../schema/opening-hours';
import { formatCheckedDate, formatDays, formatOpenStatus, formatSlot } from './hours-format';

const qpido: Hours = {
  kind: 'weekly',
  timeZone: 'Europe/Amsterdam',
  slots: [
    { days: [1, 2, 3, 4, 5], from: '13:00', to: '17:00', label: 'chat' },
    { days: [1, 4], from: '19:30', to: '21:30', label: 'chat' },
  ],
};

const status = (hours: Hours, iso: string) => formatOpenStatus(openStatus(hours, new Date(iso)), hours, new Date(iso));

describe('formatDays', () => {
  it('joins three or more consecutive days into a range', () => {
    expect(formatDays([1, 2, 3, 4, 5])).toBe('ma–vr');
  });

  it('lists separate and pairs of days one by one', () => {
    expect(formatDays([4, 1])).toBe('ma, do');
    expect(formatDays([6, 7])).toBe('za, zo');
    expect(formatDays([1, 2, 3, 5])).toBe('ma–wo, vr');
  });

  it('says "elke dag" for all seven days', () => {
    expect(formatDays([7, 6, 5, 4, 3, 2, 1])).toBe('elke dag');
  });
});

describe('formatSlot', () => {
  it('shows days, times and the label', () => {
    const [first] = qpido.kind === 'weekly' ? qpido.slots : [];
    expect(first && formatSlot(first)).toBe('ma–vr 13:00–17:00 (chat)');
  });
});

describe('formatOpenStatus', () => {
  it('says open until the closing time in the entry’s time zone', () => {
    // Monday 2026-11-23 14:00 in Amsterdam (UTC+1).
    expect(status(qpido, '2026-11-23T13:00:00Z')).toBe('Open nu (chat), tot 17:00');
  });

  it('says when a closed entry opens: today, tomorrow or on a weekday', () => {
    // Hours that are all chat hours say so when closed too: they are never read as the phone's.
    expect(status(qpido, '2026-11-23T08:00:00Z')).toBe('Gesloten (chat), opent vandaag om 13:00');
    expect(status(qpido, '2026-11-24T21:00:00Z')).toBe('Gesloten (chat), opent morgen om 13:00');
    expect(status(qpido, '2026-11-27T20:00:00Z')).toBe('Gesloten (chat), opent maandag om 13:00');
    const office: Hours = {
      kind: 'weekly',
      timeZone: 'Europe/Brussels',
      slots: [{ days: [1], from: '09:00', to: '12:00' }],
    };
    expect(status(office, '2026-11-23T12:00:00Z')).toBe('Gesloten, opent maandag om 09:00');
  });

  it('names 24/7 and unknown hours in words', () => {
    expect(status({ kind: '24/7' }, '2026-11-23T13:00:00Z')).toBe('24/7 bereikbaar');
    expect(status({ kind: 'unknown' }, '2026-11-23T13:00:00Z')).toBe('Openingsuren onbekend');
    // The source's own words about unknown hours take the status line's place (shown once, not twice).
    expect(status({ kind: 'unknown', note: 'Openingsuren onzeker; niet opgenomen.' }, '2026-11-23T13:00:00Z')).toBe(
      'Openingsuren onzeker; niet opgenomen.',
    );
  });
});

describe('formatCheckedDate', () => {
  it('formats an ISO date in nl-BE without shifting the day', () => {
    expect(formatCheckedDate('2026-11-21')).toBe('21 november 2026');
  });
});

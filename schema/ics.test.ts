import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';

import golden from './__fixtures__/follow-up-calendar.ics?raw';
import { buildFollowUpCalendar, escapeText, foldLine, type CalendarFollowUp } from './ics';

const NOW = new Date('2026-03-12T09:30:00.000Z');

const goldenItems: CalendarFollowUp[] = [
  // Given out of order: the file sorts by date.
  { icsUid: '6f1c2a9e-3b7d-4c1e-9a2f-0d8e5b7c4a31@baken', sequence: 2, due: '2026-03-31', reference: '2026-014' },
  { icsUid: '0b9d4e2f-8a1c-4f3e-b6d7-2c5a9e1f7b40@baken', sequence: 0, due: '2026-03-26', reference: '2026-003' },
];

const encoder = new TextEncoder();
const octets = (s: string): number => encoder.encode(s).length;

/** Physical lines of a file, without their CRLF. */
function physicalLines(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  return text.slice(0, -2).split('\r\n');
}

function parseEvents(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

describe('buildFollowUpCalendar', () => {
  it('matches the golden file for a fixed time', () => {
    const text = buildFollowUpCalendar(goldenItems, NOW);
    // The golden file is kept with LF so git settings cannot alter it; the output itself uses CRLF only.
    expect(text.replace(/\r\n/g, '\n')).toBe(golden.replace(/\r\n/g, '\n'));
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('parses with ical.js into all-day events with a reminder the day before', () => {
    const text = buildFollowUpCalendar(goldenItems, NOW);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Baken//Opvolging 1.0//NL');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');

    const events = parseEvents(text);
    expect(events).toHaveLength(2);
    const [first, second] = events;
    expect(first?.uid).toBe('0b9d4e2f-8a1c-4f3e-b6d7-2c5a9e1f7b40@baken');
    expect(first?.summary).toBe('Baken opvolging 2026-003');
    expect(first?.startDate.isDate).toBe(true);
    expect(first?.startDate.toString()).toBe('2026-03-26');
    expect(first?.endDate.toString()).toBe('2026-03-27');
    expect(second?.sequence).toBe(2);
    expect(second?.endDate.toString()).toBe('2026-04-01');

    const vevent = calendar.getAllSubcomponents('vevent')[0];
    const stamp = vevent?.getFirstPropertyValue('dtstamp');
    expect(stamp?.toString()).toBe('2026-03-12T09:30:00Z');
    const alarm = vevent?.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    // 09:00 the day before (the day starts at 00:00).
    expect(alarm?.getFirstPropertyValue('trigger')?.toString()).toBe('-PT15H');
    expect(alarm?.getFirstPropertyValue('description')).toBe('Baken opvolging 2026-003');
  });

  it('reminds on the day itself at 08:00 when the day before is today or past (planned for tomorrow)', () => {
    const triggers = (due: string, now: Date) => {
      const [event] = new ICAL.Component(
        ICAL.parse(buildFollowUpCalendar([{ ...goldenItems[0]!, due }], now)),
      ).getAllSubcomponents('vevent');
      return event?.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger')?.toString();
    };
    // 22:33 on 5 December in Brussels, planned for the 6th: the day before is today.
    const evening = new Date('2026-12-05T21:33:00Z');
    expect(triggers('2026-12-06', evening)).toBe('PT8H');
    expect(triggers('2026-12-05', evening)).toBe('PT8H');
    expect(triggers('2026-12-07', evening)).toBe('-PT15H');
    // 00:30 on 6 December in Brussels is still the 5th in UTC: Brussels decides.
    expect(triggers('2026-12-07', new Date('2026-12-05T23:30:00Z'))).toBe('PT8H');
  });

  it('holds nothing but the reference: no description, location, attendee or organizer', () => {
    const text = buildFollowUpCalendar(goldenItems, NOW);
    const properties = new Set(
      physicalLines(text)
        .filter((line) => !line.startsWith(' '))
        .map((line) => line.split(/[;:]/)[0]),
    );
    expect([...properties].sort()).toEqual(
      [
        'BEGIN',
        'END',
        'VERSION',
        'PRODID',
        'CALSCALE',
        'METHOD',
        'UID',
        'DTSTAMP',
        'DTSTART',
        'DTEND',
        'SEQUENCE',
        'SUMMARY',
        'TRANSP',
        'ACTION',
        'TRIGGER',
        'DESCRIPTION',
      ].sort(),
    );
  });

  it('keeps the UID and raises SEQUENCE when a follow-up is rescheduled', () => {
    const before: CalendarFollowUp = { ...goldenItems[1]!, due: '2026-03-26', sequence: 0 };
    const after: CalendarFollowUp = { ...before, due: '2026-04-09', sequence: before.sequence + 1 };
    const [old] = parseEvents(buildFollowUpCalendar([before], NOW));
    const [moved] = parseEvents(buildFollowUpCalendar([after], new Date('2026-03-20T08:00:00Z')));
    expect(moved?.uid).toBe(old?.uid);
    expect(moved?.sequence).toBe((old?.sequence ?? 0) + 1);
    expect(moved?.startDate.toString()).toBe('2026-04-09');
  });

  it('gives an empty but valid calendar when there is nothing to follow up', () => {
    const text = buildFollowUpCalendar([], NOW);
    expect(parseEvents(text)).toEqual([]);
    expect(physicalLines(text)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Baken//Opvolging 1.0//NL',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'END:VCALENDAR',
    ]);
  });

  it('folds a long reference with multi-byte characters without splitting any character', () => {
    const reference = 'Ærøskøbing—école—𝄞—Zoë; één, twee\\drie\nvier '.repeat(4);
    const text = buildFollowUpCalendar([{ ...goldenItems[0]!, reference }], NOW);
    for (const line of physicalLines(text)) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      // A split character would decode to U+FFFD.
      expect(new TextDecoder().decode(encoder.encode(line))).not.toContain('\uFFFD');
      expect(line).not.toMatch(/[\uD800-\uDBFF]$/);
    }
    const [event] = parseEvents(text);
    expect(event?.summary).toBe(`Baken opvolging ${reference}`);
    const alarm = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')?.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('description')).toBe(`Baken opvolging ${reference}`);
  });

  it('refuses a due date that is not a calendar date', () => {
    expect(() => buildFollowUpCalendar([{ ...goldenItems[0]!, due: '26/03/2026' }], NOW)).toThrow(RangeError);
  });
});

describe('foldLine', () => {
  it('leaves a line of exactly 75 octets alone and folds one of 76', () => {
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
  });

  it('moves a multi-byte character that would cross octet 75 to the next line', () => {
    // 74 ASCII octets + "é" (2 octets) = 76: the é must move whole.
    const folded = foldLine(`${'a'.repeat(74)}é`);
    expect(folded).toBe(`${'a'.repeat(74)}\r\n é`);
    // A 4-octet character at octet 73 does not fit either.
    expect(foldLine(`${'a'.repeat(72)}𝄞`)).toBe(`${'a'.repeat(72)}\r\n 𝄞`);
  });

  it('keeps continuation lines at 75 octets including the leading space', () => {
    const lines = foldLine('x'.repeat(300)).split('\r\n');
    expect(lines.map(octets)).toEqual([75, 75, 75, 75, 4]);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and every kind of line break', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });
});

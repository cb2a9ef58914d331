import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { vtimezone, vtimezoneFromLuxon } from '@/calendar/vtimezone';

/** Reads a VEVENT at a wall time under TZID with ical.js and returns the UTC instant it means. */
function utcOf(zoneText: string, zone: string, wall: string): string {
  const text = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Koda//test//EN',
    zoneText.trim(),
    'BEGIN:VEVENT',
    'UID:x@koda.test',
    'DTSTAMP:20260101T000000Z',
    `DTSTART;TZID=${zone}:${wall}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const tz = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
  const start = calendar
    .getFirstSubcomponent('vevent')!
    .getFirstPropertyValue('dtstart') as ICAL.Time;
  start.zone = tz;
  return start.toJSDate().toISOString();
}

describe('vtimezoneFromLuxon (the VTIMEZONE for runtimes without the zone files)', () => {
  it('gives Tallinn’s rule: 16:00 is 13:00Z in summer and 14:00Z in winter, across the years', () => {
    const text = vtimezoneFromLuxon('Europe/Tallinn');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    const zone = text ?? '';
    expect(utcOf(zone, 'Europe/Tallinn', '20141002T160000')).toBe('2014-10-02T13:00:00.000Z');
    expect(utcOf(zone, 'Europe/Tallinn', '20141120T160000')).toBe('2014-11-20T14:00:00.000Z');
    expect(utcOf(zone, 'Europe/Tallinn', '20270325T160000')).toBe('2027-03-25T14:00:00.000Z');
    expect(utcOf(zone, 'Europe/Tallinn', '20270329T160000')).toBe('2027-03-29T13:00:00.000Z');
    expect(utcOf(zone, 'Europe/Tallinn', '20451026T160000')).toBe('2045-10-26T13:00:00.000Z');
    expect(utcOf(zone, 'Europe/Tallinn', '20451102T160000')).toBe('2045-11-02T14:00:00.000Z');
  });

  it('ends a rule that changed (New York 2007) with UNTIL and starts the new one', () => {
    const text = vtimezoneFromLuxon('America/New_York', 2000, 2040) ?? '';
    expect(text).toContain('BYMONTH=4;BYDAY=1SU;UNTIL=20060402T070000Z');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n');
    expect(utcOf(text, 'America/New_York', '20060320T120000')).toBe('2006-03-20T17:00:00.000Z');
    expect(utcOf(text, 'America/New_York', '20260320T120000')).toBe('2026-03-20T16:00:00.000Z');
  });

  it('describes a zone without daylight saving with one observance, and knows no unknown zone', () => {
    const text = vtimezoneFromLuxon('Asia/Tokyo') ?? '';
    expect(text.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual(['BEGIN:STANDARD']);
    expect(utcOf(text, 'Asia/Tokyo', '20270101T090000')).toBe('2027-01-01T00:00:00.000Z');
    expect(vtimezoneFromLuxon('Mars/Olympus_Mons')).toBeNull();
  });

  it('agrees with the packaged VTIMEZONE that Node uses', () => {
    const packaged = vtimezone('Europe/Tallinn') ?? '';
    const made = vtimezoneFromLuxon('Europe/Tallinn') ?? '';
    for (const wall of [
      '20150328T160000',
      '20150330T160000',
      '20151024T160000',
      '20151026T160000',
    ]) {
      expect(utcOf(made, 'Europe/Tallinn', wall)).toBe(utcOf(packaged, 'Europe/Tallinn', wall));
    }
  });
});

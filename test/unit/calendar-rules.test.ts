import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  cancelledSince,
  describeEvent,
  eventUid,
  foldLine,
  foldLines,
  googleCalendarUrl,
  locationText,
  Lru,
  outlookCalendarUrl,
  publishedSince,
  wallClock,
  webcalUrl,
  zonedDateTime,
  zoneOffsetMinutes,
} from '@/calendar/rules';

const labels = {
  agenda: 'Agenda',
  livestream: 'Livestream',
  recording: 'Recording',
  details: 'Details',
  cancelled: 'Cancelled',
};

function octets(text: string): number {
  return new TextEncoder().encode(text).length;
}

describe('foldLine', () => {
  it('leaves short lines alone', () => {
    expect(foldLine('SUMMARY:Lühike')).toBe('SUMMARY:Lühike');
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
  });

  it('folds at 75 octets and never splits a UTF-8 character', () => {
    for (const sample of [
      'DESCRIPTION:' + 'Õõ Ää Öö Üü Šš Žž '.repeat(20),
      'SUMMARY:' + 'a'.repeat(200),
      'SUMMARY:' + 'ä'.repeat(100) + '😀'.repeat(30) + '€'.repeat(40),
    ]) {
      const folded = foldLine(sample);
      const lines = folded.split('\r\n');
      expect(lines.length).toBeGreaterThan(1);
      lines.forEach((line, index) => {
        expect(octets(line)).toBeLessThanOrEqual(75);
        if (index > 0) expect(line.startsWith(' ')).toBe(true);
        // No lone surrogate: the line encodes and decodes to itself.
        expect(new TextDecoder().decode(new TextEncoder().encode(line))).toBe(line);
      });
      expect(lines.map((line, index) => (index > 0 ? line.slice(1) : line)).join('')).toBe(sample);
    }
  });

  it('folds each line of a text and keeps the CRLFs', () => {
    const text = `A:1\r\nB:${'ü'.repeat(60)}\r\nC:3`;
    const folded = foldLines(text);
    expect(folded.startsWith('A:1\r\nB:')).toBe(true);
    expect(folded.endsWith('\r\nC:3')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(text);
  });
});

describe('time zones', () => {
  it('gives the same offsets as luxon, across the DST switches', () => {
    const zone = 'Europe/Tallinn';
    const start = DateTime.fromISO('2026-03-28T00:00Z').toMillis();
    for (let hour = 0; hour < 72; hour++) {
      const at = new Date(start + hour * 3_600_000);
      expect(zoneOffsetMinutes(zone, at)).toBe(DateTime.fromJSDate(at).setZone(zone).offset);
    }
    const autumn = DateTime.fromISO('2026-10-24T00:00Z').toMillis();
    for (let quarter = 0; quarter < 4 * 72; quarter++) {
      const at = new Date(autumn + quarter * 900_000);
      expect(zoneOffsetMinutes(zone, at)).toBe(DateTime.fromJSDate(at).setZone(zone).offset);
    }
    expect(zoneOffsetMinutes('America/New_York', new Date('2026-07-01T12:00Z'))).toBe(-240);
  });

  it('shows 16:00 Tallinn as 16:00 in summer and in winter', () => {
    expect(wallClock(new Date('2027-07-15T13:00:00Z'), 'Europe/Tallinn')).toBe('16:00');
    expect(wallClock(new Date('2027-01-20T14:00:00Z'), 'Europe/Tallinn')).toBe('16:00');
    const summer = zonedDateTime(new Date('2027-07-15T13:00:00Z'), 'Europe/Tallinn');
    expect(summer.toFormat('HH:mm ZZ')).toBe('16:00 +03:00');
    expect(summer.setZone('Europe/Tallinn')).toBe(summer);
    expect(zonedDateTime(new Date(), 'Mars/Olympus').isValid).toBe(false);
  });
});

describe('what a feed holds', () => {
  it('keeps published events two years and cancelled ones thirty days after they end', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    expect(publishedSince(now).toISOString()).toBe('2024-11-26T12:00:00.000Z');
    expect(cancelledSince(now).toISOString()).toBe('2026-10-27T12:00:00.000Z');
  });

  it('makes a stable UID from the id and the site host', () => {
    expect(eventUid(42, 'https://koda.example.ee')).toBe('event-42@koda.example.ee');
    expect(eventUid(42, 'https://koda.example.ee')).toBe(eventUid(42, 'https://koda.example.ee'));
  });
});

describe('describeEvent', () => {
  const base = {
    summary: 'Arutelu',
    timezone: 'Europe/Tallinn',
    agenda: [
      {
        startsAt: new Date('2027-07-15T13:00:00Z'),
        endsAt: new Date('2027-07-15T13:30:00Z'),
        title: 'Avasõnad',
      },
    ],
    onlineUrl: 'https://stream.example/live',
    recordingUrls: ['https://koda.test/recordings/7'],
    cancelledText: null,
    pageUrl: 'https://koda.test/events/x',
  };

  it('before the event: summary, agenda, livestream, no recording', () => {
    const text = describeEvent({ ...base, ended: false }, labels);
    expect(text).toBe(
      'Arutelu\n\nAgenda:\n16:00–16:30 Avasõnad\n\nLivestream: https://stream.example/live\n\nDetails: https://koda.test/events/x',
    );
  });

  it('after the event: the recording link instead of the livestream', () => {
    const text = describeEvent({ ...base, ended: true }, labels);
    expect(text).toContain('Recording: https://koda.test/recordings/7');
    expect(text).not.toContain('Livestream');
  });

  it('a cancelled event says so first', () => {
    const text = describeEvent(
      { ...base, ended: false, cancelledText: 'Cancelled: storm' },
      labels,
    );
    expect(text.startsWith('Cancelled: storm\n\n')).toBe(true);
    expect(text).not.toContain('Livestream');
  });
});

describe('links to calendar apps', () => {
  const event = {
    slug: 'mottekoda-keilas',
    title: 'Mõttekoda Keilas',
    summary: 'Kaasamine',
    startsAt: new Date('2027-07-15T13:00:00Z'),
    endsAt: new Date('2027-07-15T16:00:00Z'),
    timezone: 'Europe/Tallinn',
    venueName: 'Kultuurikeskus',
    venueAddress: 'Keskväljak 11, Keila',
    onlineUrl: null,
  };

  it('builds the Google Calendar template link in UTC with the zone', () => {
    const url = new URL(googleCalendarUrl(event, 'https://koda.test'));
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    expect(url.searchParams.get('text')).toBe('Mõttekoda Keilas');
    expect(url.searchParams.get('dates')).toBe('20270715T130000Z/20270715T160000Z');
    expect(url.searchParams.get('ctz')).toBe('Europe/Tallinn');
    expect(url.searchParams.get('location')).toBe('Kultuurikeskus, Keskväljak 11, Keila');
    expect(url.searchParams.get('details')).toContain('https://koda.test/events/mottekoda-keilas');
  });

  it('builds the Outlook compose link', () => {
    const url = new URL(outlookCalendarUrl(event, 'https://koda.test'));
    expect(url.hostname).toBe('outlook.live.com');
    expect(url.searchParams.get('subject')).toBe('Mõttekoda Keilas');
    expect(url.searchParams.get('startdt')).toBe('2027-07-15T13:00:00Z');
    expect(url.searchParams.get('enddt')).toBe('2027-07-15T16:00:00Z');
  });

  it('turns https into webcal for subscribing', () => {
    expect(webcalUrl('https://koda.test/calendar.ics')).toBe('webcal://koda.test/calendar.ics');
    expect(webcalUrl('http://localhost:3000/calendar.ics')).toBe(
      'webcal://localhost:3000/calendar.ics',
    );
  });

  it('writes the location from the venue, or the online link', () => {
    expect(locationText({ venueName: 'Saal', venueAddress: null, onlineUrl: 'https://x' })).toBe(
      'Saal',
    );
    expect(locationText({ venueName: null, onlineUrl: 'https://x.example' })).toBe(
      'https://x.example',
    );
    expect(locationText({ venueName: null, onlineUrl: null })).toBeNull();
  });
});

describe('Lru', () => {
  it('evicts the least recently used entry', () => {
    const lru = new Lru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
    expect(lru.size).toBe(2);
  });
});

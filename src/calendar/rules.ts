import { DateTime, IANAZone, Zone } from 'luxon';

/**
 * Pure rules of the calendar feeds: which events a feed holds, the texts inside a VEVENT, and
 * the links to calendar apps. No I/O here; see feed.ts for the database side.
 */

/** Published events stay in the collection feeds this long after they end (documented in docs/calendar.md). */
export const PAST_WINDOW_DAYS = 730;
/** Cancelled events stay as STATUS:CANCELLED this long after they end, then drop out. */
export const CANCELLED_WINDOW_DAYS = 30;
/** REFRESH-INTERVAL and X-PUBLISHED-TTL: calendar apps are asked to poll every few hours. */
export const FEED_TTL_SECONDS = 3 * 60 * 60;
/** Cache-Control max-age of a feed response; ETag revalidation makes a longer one pointless. */
export const FEED_MAX_AGE_SECONDS = 15 * 60;

/** The oldest end time a published event may have to stay in a collection feed. */
export function publishedSince(now: Date): Date {
  return new Date(now.getTime() - PAST_WINDOW_DAYS * 24 * 60 * 60 * 1000);
}

/** The oldest end time a cancelled event may have to stay in a collection feed. */
export function cancelledSince(now: Date): Date {
  return new Date(now.getTime() - CANCELLED_WINDOW_DAYS * 24 * 60 * 60 * 1000);
}

/** A UID that never changes for the life of the event: its database id and the site's host. */
const hostnames = new Map<string, string>();

export function eventUid(eventId: number, publicUrl: string): string {
  let host = hostnames.get(publicUrl);
  if (host === undefined) {
    host = new URL(publicUrl).hostname;
    hostnames.set(publicUrl, host);
  }
  return `event-${eventId}@${host}`;
}

/**
 * A TEXT value as RFC 5545 §3.3.11 writes it: backslash, semicolon and comma escaped, a line
 * break as `\n`. For the properties ical-generator writes as given (NAME, X-WR-CALNAME,
 * X-WR-CALDESC); it escapes the VEVENT's own.
 */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (char) => `\\${char}`).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * The ORGANIZER's address: `no-reply@` the domain Koda sends mail from (MAIL_FROM, as
 * `Name <address>` or a bare address), else the site's host name. Nobody reads it: replies and
 * iTIP messages have nowhere to go, which is what a published calendar wants.
 */
export function organizerAddress(mailFrom: string | undefined, publicUrl: string): string {
  const address = /<([^<>]+)>/.exec(mailFrom ?? '')?.[1] ?? mailFrom ?? '';
  const domain = /@([A-Za-z0-9.-]+\.[A-Za-z0-9-]+|[A-Za-z0-9-]+)\s*$/.exec(address.trim())?.[1];
  return `no-reply@${domain ?? new URL(publicUrl).hostname}`;
}

export function eventPageUrl(publicUrl: string, slug: string): string {
  return `${publicUrl}/events/${encodeURIComponent(slug)}`;
}

/** The same feed address for calendar apps: `webcal://` makes browsers hand it to the calendar. */
export function webcalUrl(httpsUrl: string): string {
  return httpsUrl.replace(/^https?:\/\//i, 'webcal://');
}

export type DescriptionLabels = {
  agenda: string;
  livestream: string;
  recording: string;
  details: string;
  cancelled: string;
};

export type DescriptionInput = {
  summary: string | null;
  timezone: string;
  agenda: { startsAt: Date; endsAt: Date; title: string }[];
  onlineUrl: string | null;
  /** Recording pages; shown only once the event has ended. */
  recordingUrls: string[];
  ended: boolean;
  cancelledText: string | null;
  pageUrl: string;
};

const DAY_MS = 24 * 60 * 60 * 1000;
const offsetMemo = new Map<string, number>();

function exactOffset(zone: IANAZone, name: string, at: number): number {
  const key = `${name}|${at}`;
  let offset = offsetMemo.get(key);
  if (offset === undefined) {
    offset = zone.offset(at);
    if (offsetMemo.size > 50_000) offsetMemo.clear();
    offsetMemo.set(key, offset);
  }
  return offset;
}

/**
 * A zone's UTC offset in minutes at an instant, like luxon's but memoised per UTC day: when the
 * offset is the same at both ends of the day (no transition that day) it holds all day; otherwise
 * the exact value is asked for. Luxon's own lookup (Intl formatToParts) is the hot spot of a
 * 1 000-event feed, and an agenda has many times on one day.
 */
export function zoneOffsetMinutes(zoneName: string, at: Date): number {
  const zone = IANAZone.create(zoneName);
  if (!zone.isValid) throw new Error(`invalid time zone ${zoneName}`);
  const ms = at.getTime();
  const dayStart = Math.floor(ms / DAY_MS) * DAY_MS;
  const before = exactOffset(zone, zoneName, dayStart);
  const after = exactOffset(zone, zoneName, dayStart + DAY_MS);
  return before === after ? before : zone.offset(ms);
}

/**
 * A luxon zone that answers offsets through zoneOffsetMinutes. It calls itself 'iana' with the
 * zone's name, so luxon (and ical-generator's setZone) treat it as that IANA zone.
 */
class MemoizedZone extends Zone {
  constructor(private readonly iana: IANAZone) {
    super();
  }
  override get type(): string {
    return 'iana';
  }
  override get name(): string {
    return this.iana.name;
  }
  override get isUniversal(): boolean {
    return false;
  }
  override get isValid(): boolean {
    return this.iana.isValid;
  }
  override offsetName(ts: number, options: { format?: 'short' | 'long'; locale?: string }) {
    return this.iana.offsetName(ts, options);
  }
  override formatOffset(ts: number, format: 'narrow' | 'short' | 'techie'): string {
    return this.iana.formatOffset(ts, format);
  }
  override offset(ts: number): number {
    return zoneOffsetMinutes(this.iana.name, new Date(ts));
  }
  override equals(other: Zone): boolean {
    return other.type === 'iana' && other.name === this.name;
  }
}

const memoizedZones = new Map<string, MemoizedZone>();

/** A luxon DateTime in an IANA zone, with the memoised offset lookup. Invalid zone → invalid DateTime. */
export function zonedDateTime(at: Date, zoneName: string): DateTime {
  let zone = memoizedZones.get(zoneName);
  if (!zone) {
    const iana = IANAZone.create(zoneName);
    if (!iana.isValid) return DateTime.invalid(`unknown time zone ${zoneName}`);
    zone = new MemoizedZone(iana);
    memoizedZones.set(zoneName, zone);
  }
  return DateTime.fromJSDate(at, { zone });
}

const FIRST_LINE_OCTETS = 75;
const CONTINUATION_OCTETS = 74; // plus the leading space

/**
 * Folds one content line (RFC 5545 §3.1): at most 75 octets per physical line, continuation
 * lines start with a space, and a UTF-8 character (or surrogate pair) is never split.
 */
export function foldLine(line: string): string {
  if (line.length <= FIRST_LINE_OCTETS && !/[\u0080-\uffff]/.test(line)) return line;
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  let limit = FIRST_LINE_OCTETS;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    const high = code >= 0xd800 && code <= 0xdbff;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : high ? 4 : 3;
    if (octets + size > limit) {
      parts.push(line.slice(start, i));
      start = i;
      octets = 0;
      limit = CONTINUATION_OCTETS;
    }
    octets += size;
    if (high) i++;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

/** Folds every line of a CRLF-separated text. */
export function foldLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}

/** "16:00": wall-clock time in a zone. */
export function wallClock(at: Date, zone: string): string {
  const local = new Date(at.getTime() + zoneOffsetMinutes(zone, at) * 60_000);
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}

/** DESCRIPTION text: summary, the agenda in short, the livestream link, and after the event the recordings. */
export function describeEvent(input: DescriptionInput, labels: DescriptionLabels): string {
  const parts: string[] = [];
  if (input.cancelledText) parts.push(input.cancelledText);
  if (input.summary?.trim()) parts.push(input.summary.trim());
  if (input.agenda.length > 0) {
    const lines = input.agenda.map((item) => {
      return `${wallClock(item.startsAt, input.timezone)}–${wallClock(item.endsAt, input.timezone)} ${item.title}`;
    });
    parts.push(`${labels.agenda}:\n${lines.join('\n')}`);
  }
  if (input.onlineUrl && !input.ended && !input.cancelledText) {
    parts.push(`${labels.livestream}: ${input.onlineUrl}`);
  }
  if (input.ended && input.recordingUrls.length > 0) {
    parts.push(input.recordingUrls.map((url) => `${labels.recording}: ${url}`).join('\n'));
  }
  parts.push(`${labels.details}: ${input.pageUrl}`);
  return parts.join('\n\n');
}

/** LOCATION text: venue name and address on one line, or the online link for an online-only event. */
export function locationText(event: {
  venueName: string | null;
  venueAddress?: string | null;
  onlineUrl: string | null;
}): string | null {
  const place = [event.venueName, event.venueAddress]
    .map((part) => part?.trim())
    .filter((part): part is string => Boolean(part));
  if (place.length > 0) return [...new Set(place)].join(', ');
  return event.onlineUrl?.trim() || null;
}

export type CalendarLinkEvent = {
  slug: string;
  title: string;
  summary?: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  venueName?: string | null;
  venueAddress?: string | null;
  onlineUrl?: string | null;
};

function utcStamp(date: Date): string {
  return DateTime.fromJSDate(date).toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'");
}

function linkDetails(event: CalendarLinkEvent, publicUrl: string): string {
  return [event.summary?.trim(), eventPageUrl(publicUrl, event.slug)].filter(Boolean).join('\n\n');
}

/** "Add to Google Calendar": the event template URL (times in UTC, shown in the event's zone). */
export function googleCalendarUrl(event: CalendarLinkEvent, publicUrl: string): string {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.title,
    dates: `${utcStamp(event.startsAt)}/${utcStamp(event.endsAt)}`,
    details: linkDetails(event, publicUrl),
    ctz: event.timezone,
  });
  const location = locationText({
    venueName: event.venueName ?? null,
    venueAddress: event.venueAddress ?? null,
    onlineUrl: event.onlineUrl ?? null,
  });
  if (location) params.set('location', location);
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}

/** "Outlook": the outlook.com compose deep link (ISO times with offsets). */
export function outlookCalendarUrl(event: CalendarLinkEvent, publicUrl: string): string {
  const iso = (date: Date) =>
    DateTime.fromJSDate(date).toUTC().toISO({ suppressMilliseconds: true }) ?? date.toISOString();
  const params = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: event.title,
    startdt: iso(event.startsAt),
    enddt: iso(event.endsAt),
    body: linkDetails(event, publicUrl),
  });
  const location = locationText({
    venueName: event.venueName ?? null,
    venueAddress: event.venueAddress ?? null,
    onlineUrl: event.onlineUrl ?? null,
  });
  if (location) params.set('location', location);
  return `https://outlook.live.com/calendar/0/action/compose?${params.toString()}`;
}

/** A small least-recently-used map: the VEVENT text cache (correctness never depends on it). */
export class Lru<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

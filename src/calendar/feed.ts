import { and, asc, eq, sql } from 'drizzle-orm';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { vtimezone } from './vtimezone';
import { DateTime } from 'luxon';
import { recordings, registrations } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import {
  feedEvents,
  feedEventVersions,
  findEvent,
  inIds,
  isPublicEvent,
  localizeAgenda,
  localizeEvent,
  type EventKind,
  type FeedEvent,
  type FeedEventSelection,
} from '@/events';
import { translator } from '@/messages';
import { type Lang, type Translate } from '@/platform/i18n';
import { strongEtag } from '@/platform/http/conditional';
import type { Log } from '@/platform/log';
import { DEFAULT_TIMEZONE } from '@/platform/time';
import { multiLineText, singleLineText } from '@/platform/text';
import {
  cancelledSince,
  describeEvent,
  eventPageUrl,
  escapeText,
  eventUid,
  FEED_TTL_SECONDS,
  foldLines,
  locationText,
  Lru,
  organizerAddress,
  publishedSince,
  zonedDateTime,
} from './rules';

/** Which events a feed holds. Collection feeds are bounded (see docs/calendar.md); single ones are not. */
export type FeedSelection = {
  municipalityIds?: number[];
  kinds?: EventKind[];
  eventId?: number;
  /** A participant's feed: events this address holds an active registration for. */
  email?: string;
  bounded: boolean;
};

export type FeedContext = {
  db: Queryable;
  publicUrl: string;
  /** The ORGANIZER's address: a no-reply one of the site's mail domain (organizerAddress()). */
  organizerEmail: string;
  lang: Lang;
  now: Date;
  log?: Log;
};

/** One event's version: computed by the database from every column and row the VEVENT shows. */
type EventVersion = { id: number; version: string; endsAt: Date; changedAt: Date };

export type FeedState = {
  etag: string;
  /** The newest change in the selection; null for an empty feed. */
  lastModified: Date | null;
  versions: EventVersion[];
};

// ----- queries -------------------------------------------------------------------------------

/** The events of a selection, as the events feature reads them (drafts never). */
function feedEventSelection(selection: FeedSelection, now: Date): FeedEventSelection {
  return {
    bounds: selection.bounded
      ? { publishedSince: publishedSince(now), cancelledSince: cancelledSince(now) }
      : undefined,
    eventId: selection.eventId,
    kinds: selection.kinds,
    municipalityIds: selection.municipalityIds,
    // A participant's feed: events this address holds an active registration for.
    eventIdsIn:
      selection.email === undefined
        ? undefined
        : sql`(select ${registrations.eventId} from ${registrations} where lower(${registrations.email}) = lower(${selection.email}) and ${registrations.status} <> 'cancelled')`,
  };
}

function versionOf(feedRevision: number, updatedAt: Date): string {
  return `${feedRevision}.${updatedAt.getTime()}`;
}

/**
 * The versions of a selection, read from columns the database keeps (drizzle/0002): feedRevision
 * is raised by triggers on every change to what a VEVENT shows (the event's columns, its agenda,
 * published recordings and hosts), so the ETag changes whether or not updatedAt moved, without
 * hashing all of that on every request.
 */
async function selectVersions(
  db: Queryable,
  selection: FeedSelection,
  now: Date,
): Promise<EventVersion[]> {
  const rows = await feedEventVersions(db, feedEventSelection(selection, now));
  return rows.map((row) => {
    const ended = row.endsAt <= now;
    return {
      id: row.id,
      version: versionOf(row.feedRevision, row.updatedAt),
      endsAt: row.endsAt,
      // The end of an event is a change of its VEVENT: the livestream link goes, recordings come.
      changedAt: ended && row.endsAt > row.feedChangedAt ? row.endsAt : row.feedChangedAt,
    };
  });
}

type FullEvent = FeedEvent & { recordingIds: number[] };

/** The VEVENT's texts in the feed's language (`?lang=`), else the original; the UID stays. */
function localizeFeedEvent(event: FullEvent, lang: Lang): FullEvent {
  return { ...localizeEvent(event, lang), agenda: localizeAgenda(event.agenda, lang) };
}

/** What the VEVENTs show: the events feature's bulk read, and this feed's published recordings. */
async function loadEvents(db: Queryable, ids: number[]): Promise<FullEvent[]> {
  if (ids.length === 0) return [];
  const [rows, recordingRows] = await Promise.all([
    feedEvents(db, ids),
    db
      .select({ id: recordings.id, eventId: recordings.eventId })
      .from(recordings)
      .where(and(inIds(recordings.eventId, ids), eq(recordings.published, true)))
      .orderBy(asc(recordings.position), asc(recordings.id)),
  ]);
  const recordingsBy = new Map<number, number[]>();
  for (const { id, eventId } of recordingRows) {
    const list = recordingsBy.get(eventId) ?? [];
    list.push(id);
    recordingsBy.set(eventId, list);
  }
  return rows.map((row) => ({ ...row, recordingIds: recordingsBy.get(row.id) ?? [] }));
}

// ----- iCalendar text --------------------------------------------------------------------------

const kindKey = (kind: EventKind) => `event.kind.${kind}` as const;

/**
 * One VEVENT, folded at 75 octets with CRLF line ends. Throws for an event it cannot write.
 *
 * Every text is made safe here whatever the database holds (the boundary normalises input, but a
 * row may have come by another path): one-line properties lose their line breaks and control
 * characters, DESCRIPTION keeps its line breaks as LF, and ical-generator escapes `\ ; , LF`.
 *
 * DTSTAMP is `stampedAt`: the moment this VEVENT's content last changed (the event's
 * feed_changed_at, or its end when that is later, as the feed's Last-Modified counts it). With
 * METHOD:PUBLISH, RFC 5545 §3.8.7.2 makes DTSTAMP the time the iCalendar object was created: the
 * object Koda serves is created when its content changes, and the same content keeps the same
 * bytes, so a strong ETag and its 304s stay true. (The time of each request would be allowed too,
 * but would make every answer different under one ETag.) See docs/calendar.md.
 */
export function buildVevent(
  event: FullEvent,
  site: { publicUrl: string; organizerEmail: string },
  t: Translate,
  now: Date,
  stampedAt: Date,
): string {
  const { publicUrl } = site;
  const start = zonedDateTime(event.startsAt, event.timezone);
  const end = zonedDateTime(event.endsAt, event.timezone);
  if (!start.isValid || !end.isValid) throw new Error('invalid time zone or time');
  const zone = vtimezone(event.timezone) ? event.timezone : null;
  const changed = DateTime.fromJSDate(event.updatedAt, { zone: 'utc' });
  const stamp = DateTime.fromJSDate(stampedAt, { zone: 'utc' });
  const pageUrl = eventPageUrl(publicUrl, event.slug);
  const cancelled = event.status === 'cancelled';
  const ended = event.endsAt <= now;
  const title = singleLineText(event.title);
  const host = event.hosts[0];
  const description = describeEvent(
    {
      summary: event.summary === null ? null : multiLineText(event.summary),
      timezone: event.timezone,
      agenda: event.agenda.map((item) => ({ ...item, title: singleLineText(item.title) })),
      onlineUrl: event.onlineUrl,
      recordingUrls: event.recordingIds.map((id) => `${publicUrl}/recordings/${id}`),
      ended,
      cancelledText: cancelled
        ? event.cancelReason?.trim()
          ? t('calendar.cancelledReason', { reason: multiLineText(event.cancelReason.trim()) })
          : t('calendar.cancelled')
        : null,
      pageUrl,
    },
    {
      agenda: t('calendar.agenda'),
      livestream: t('calendar.livestream'),
      recording: t('calendar.recording'),
      details: t('calendar.details'),
      cancelled: t('calendar.cancelled'),
    },
  );
  const location = locationText({
    venueName: event.venueName === null ? null : singleLineText(event.venueName),
    venueAddress: event.venueAddress === null ? null : singleLineText(event.venueAddress),
    onlineUrl: event.onlineUrl === null ? null : singleLineText(event.onlineUrl),
  });
  const geo =
    event.venueLat !== null && event.venueLon !== null
      ? { lat: event.venueLat, lon: event.venueLon }
      : undefined;

  // A calendar without a time zone: DTSTAMP and LAST-MODIFIED come out in UTC with a Z.
  const calendar = ical();
  const vevent = calendar.createEvent({
    id: eventUid(event.id, publicUrl),
    sequence: event.sequence,
    stamp,
    lastModified: changed,
    start: zone ? start : start.toUTC(),
    end: zone ? end : end.toUTC(),
    timezone: zone,
    summary: cancelled ? `${t('calendar.cancelledPrefix')}: ${title}` : title,
    description: multiLineText(description),
    location: location ? { title: location, ...(geo ? { geo } : {}) } : null,
    url: pageUrl,
    // RFC 5546 §3.2.1: a published VEVENT names its ORGANIZER: the (first) host municipality,
    // at the site's no-reply address (municipalities have no public address in Koda's data).
    organizer: host ? { name: singleLineText(host.name), email: site.organizerEmail } : undefined,
    categories: [t(kindKey(event.kind)), ...event.hosts.map((h) => h.name)].map((name) => ({
      name: singleLineText(name),
    })),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return foldLines(vevent.toString().replace(/\r\n$/, '')) + '\r\n';
}

/**
 * VCALENDAR head: PRODID, METHOD:PUBLISH, NAME/X-WR-CALNAME, TTLs, X-WR-TIMEZONE, VTIMEZONEs.
 * ical-generator writes the calendar's own texts as they are given, so they are escaped here.
 */
function calendarHead(name: string, lang: Lang, t: Translate, zones: string[]): string {
  const calendar = ical({
    name: escapeText(singleLineText(name)),
    description: escapeText(singleLineText(t('calendar.feedDescription'))),
    prodId: { company: 'Koda', product: 'Koda', language: lang.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    ttl: FEED_TTL_SECONDS,
    x: [['X-WR-TIMEZONE', zones[0] ?? DEFAULT_TIMEZONE]],
  });
  const head = calendar.toString().replace(/END:VCALENDAR$/, '');
  return head + zones.map((zone) => vtimezone(zone) ?? '').join('');
}

// ----- cache ------------------------------------------------------------------------------------

/**
 * A VEVENT as the feed sends it: UTF-8 bytes (a JavaScript string of a feed is two bytes a
 * character as soon as one character is past Latin-1), with the zone its DTSTART names.
 */
type EncodedVevent = { bytes: Uint8Array; tzid: string | null };

type FeedCaches = {
  /** VEVENTs by language, site, event and version. */
  vevents: Lru<EncodedVevent>;
  /** Whole feeds as UTF-8 bytes, by ETag (which names everything the feed depends on). */
  feeds: Lru<Uint8Array<ArrayBuffer>>;
};

const caches = new WeakMap<object, FeedCaches>();
export const VEVENT_CACHE_SIZE = 5_000;
/** A 1 000-event feed is about 2 MB. */
const FEED_CACHE_SIZE = 8;
const utf8 = new TextEncoder();

/** The feed caches of one database (a process-local optimisation, never a source of truth). */
export function feedCaches(db: Queryable): FeedCaches {
  let cache = caches.get(db);
  if (!cache) {
    cache = {
      vevents: new Lru<EncodedVevent>(VEVENT_CACHE_SIZE),
      feeds: new Lru<Uint8Array<ArrayBuffer>>(FEED_CACHE_SIZE),
    };
    caches.set(db, cache);
  }
  return cache;
}

function cacheKey(ctx: FeedContext, id: number, version: string, ended: boolean): string {
  return `${ctx.lang}|${ctx.publicUrl}|${ctx.organizerEmail}|${id}|${version}|${ended ? 1 : 0}`;
}

// ----- feeds ------------------------------------------------------------------------------------

/** What the feed is now, without building it: its ETag, Last-Modified and event versions. */
export async function feedState(
  ctx: FeedContext,
  selection: FeedSelection,
  name: string,
): Promise<FeedState> {
  const versions = await selectVersions(ctx.db, selection, ctx.now);
  let lastModified: Date | null = null;
  for (const version of versions) {
    if (!lastModified || version.changedAt > lastModified) lastModified = version.changedAt;
  }
  const etag = await strongEtag([
    // Raised when the text written for the same data changes (3: ORGANIZER, escaped names).
    'koda-feed-3',
    ctx.lang,
    ctx.publicUrl,
    ctx.organizerEmail,
    name,
    ...versions.map((v) => `${v.id}:${v.version}:${v.endsAt <= ctx.now ? 1 : 0}`),
  ]);
  return { etag, lastModified, versions };
}

/**
 * The whole feed as UTF-8 bytes: from the cache when the ETag is unchanged. Otherwise VEVENTs
 * come from the cache when their version is unchanged; the rest are loaded in one go and built.
 * An event that cannot be written is logged (by id) and left out.
 */
export async function renderFeed(
  ctx: FeedContext,
  state: FeedState,
  name: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const { vevents: cache, feeds } = feedCaches(ctx.db);
  const whole = feeds.get(state.etag);
  if (whole !== undefined) return whole;
  const t = translator(ctx.lang);
  let current = true;
  const built = new Map<number, EncodedVevent>();
  const missing: number[] = [];
  const versions = new Map(state.versions.map((version) => [version.id, version]));
  for (const version of state.versions) {
    const cached = cache.get(cacheKey(ctx, version.id, version.version, version.endsAt <= ctx.now));
    if (cached !== undefined) built.set(version.id, cached);
    else missing.push(version.id);
  }
  for (const event of await loadEvents(ctx.db, missing)) {
    try {
      const stampedAt = versions.get(event.id)?.changedAt ?? event.updatedAt;
      const text = buildVevent(localizeFeedEvent(event, ctx.lang), ctx, t, ctx.now, stampedAt);
      const vevent = {
        bytes: utf8.encode(text),
        tzid: /^DTSTART;TZID=([^:\r\n]+):/m.exec(text)?.[1] ?? null,
      };
      built.set(event.id, vevent);
      const version = versions.get(event.id);
      // Cache only what matches the version it is filed under (the row may have changed since).
      if (version?.version === versionOf(event.feedRevision, event.updatedAt)) {
        cache.set(cacheKey(ctx, event.id, version.version, version.endsAt <= ctx.now), vevent);
      } else {
        current = false;
      }
    } catch (error) {
      ctx.log?.error('calendar: event left out of the feed', {
        eventId: event.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  const body: Uint8Array[] = [];
  const zones = new Set<string>();
  for (const version of state.versions) {
    const vevent = built.get(version.id);
    if (vevent === undefined) continue;
    body.push(vevent.bytes);
    if (vevent.tzid) zones.add(vevent.tzid);
  }
  const ordered = [...zones].sort((a, b) =>
    a === DEFAULT_TIMEZONE ? -1 : b === DEFAULT_TIMEZONE ? 1 : a.localeCompare(b),
  );
  if (ordered.length === 0) ordered.push(DEFAULT_TIMEZONE);
  const feed = concatenate([
    utf8.encode(calendarHead(name, ctx.lang, t, ordered)),
    ...body,
    utf8.encode('END:VCALENDAR\r\n'),
  ]);
  // A feed with an event newer than its ETag (changed while this was built) is not filed under it.
  if (current) feeds.set(state.etag, feed);
  return feed;
}

function concatenate(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  let length = 0;
  for (const part of parts) length += part.byteLength;
  const whole = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.byteLength;
  }
  return whole;
}

/**
 * One event's .ics (the same builder as the feeds), for confirmation emails: null for an unknown
 * slug or a draft. Without `now` the event counts as not yet held (livestream link, no recording).
 */
export async function eventIcs(
  db: Queryable,
  publicUrl: string,
  slug: string,
  options: { lang?: Lang; now?: Date; log?: Log; mailFrom?: string } = {},
): Promise<string | null> {
  const row = await findEvent(db, { slug });
  if (!row || !isPublicEvent(row)) return null;
  const ctx: FeedContext = {
    db,
    publicUrl,
    organizerEmail: organizerAddress(options.mailFrom, publicUrl),
    lang: options.lang ?? 'et',
    now: options.now ?? new Date(0),
    log: options.log,
  };
  const state = await feedState(ctx, { eventId: row.id, bounded: false }, row.title);
  if (state.versions.length === 0) return null;
  const text = new TextDecoder().decode(await renderFeed(ctx, state, row.title));
  return text.includes('BEGIN:VEVENT') ? text : null;
}

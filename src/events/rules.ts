import { DateTime } from 'luxon';
import { z } from 'zod';
import { agendaItemKind, eventKind, eventStatus } from '@/platform/db/schema';
import type { ErrorDetail } from '@/platform/http/errors';
import { DEFAULT_TIMEZONE, isValidTimezone, parseZonedIso } from '@/platform/time';
import { singleLine } from '@/platform/text';
import { languages } from '@/platform/i18n';
import { translatableText } from '@/platform/i18n/content';
import { questionsInputSchema } from '@/questions';

/** The kinds and statuses are the database's enums (one list each, in the schema). */
export const eventKinds = eventKind.enumValues;
export const eventStatuses = eventStatus.enumValues;
export const agendaKinds = agendaItemKind.enumValues;

/** Only http(s) links survive: no javascript:, data: or other schemes. */
export const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, message: 'Must be an http(s) URL' }));

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const dateTime = z
  .string()
  .trim()
  .min(1, { abort: true })
  .max(40)
  .refine((value) => DATE_TIME.test(value), {
    message: 'Must be an ISO 8601 date-time, e.g. 2014-10-02T16:00',
    params: { key: 'validation.dateTime' },
  });

const venueSchema = z.strictObject({
  name: singleLine().min(1).max(200),
  address: singleLine().max(300).nullish(),
  lat: z.number().min(-90).max(90).nullish(),
  lon: z.number().min(-180).max(180).nullish(),
});

const eventFields = {
  kind: z.enum(eventKinds),
  title: singleLine().min(1, 'Required').max(200),
  summary: z.string().trim().max(1000).nullish(),
  description: z.string().max(20_000).nullish(),
  startsAt: dateTime,
  endsAt: dateTime,
  timezone: z
    .string()
    .max(64)
    .refine(isValidTimezone, {
      message: 'Unknown time zone; use an IANA name such as Europe/Tallinn',
      params: { key: 'event.error.timezone' },
    })
    .optional(),
  hosts: z
    .array(z.string().trim().min(1).max(100))
    .max(10)
    .refine((hosts) => hosts.length > 0, {
      message: 'At least one host municipality',
      params: { key: 'event.error.hosts' },
    }),
  venue: venueSchema.nullish(),
  onlineUrl: httpUrl.nullish(),
  capacity: z.number().int().min(0).max(100_000).nullish(),
  waitlist: z.boolean().optional(),
  registrationOpensAt: dateTime.nullish(),
  registrationClosesAt: dateTime.nullish(),
  status: z.enum(eventStatuses).optional(),
  cancelReason: z.string().trim().max(1000).nullish(),
  /** Registration questions (the whole list: see saveQuestions); kept when left out. */
  questions: questionsInputSchema.optional(),
};

export const eventInputSchema = z.strictObject(eventFields);
export const eventPatchSchema = z.strictObject(eventFields).partial();

export type EventInput = z.output<typeof eventInputSchema>;
export type EventPatch = z.output<typeof eventPatchSchema>;

/**
 * The API's event body: the title, summary, description and venue name may be a string (the
 * original) or `{et, ru, en}`; `originalLang` names the original's language (issue 18).
 */
const translatableEventFields = {
  ...eventFields,
  title: translatableText(eventFields.title),
  summary: translatableText(z.string().trim().max(1000)).nullish(),
  description: translatableText(z.string().max(20_000)).nullish(),
  venue: venueSchema.extend({ name: translatableText(venueSchema.shape.name) }).nullish(),
  originalLang: z.enum(languages).optional(),
};

export const eventApiInputSchema = z.strictObject(translatableEventFields);
export const eventApiPatchSchema = z.strictObject(translatableEventFields).partial();

export type EventApiInput = z.output<typeof eventApiInputSchema>;
export type EventApiPatch = z.output<typeof eventApiPatchSchema>;

/** The event's columns as stored (times in UTC); what rules compare and the service writes. */
export type EventValues = {
  kind: (typeof eventKinds)[number];
  title: string;
  summary: string | null;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  venueName: string | null;
  venueAddress: string | null;
  venueLat: number | null;
  venueLon: number | null;
  onlineUrl: string | null;
  capacity: number | null;
  waitlist: boolean;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  status: (typeof eventStatuses)[number];
  cancelReason: string | null;
};

/** The merged input with its times still as text: a new event's body, or an event plus a patch. */
export type EventDraft = Omit<EventInput, 'hosts'>;

/** Times as ISO strings in the event's zone, for merging a patch into a stored event. */
export function draftFromValues(values: EventValues, toIso: (date: Date) => string): EventDraft {
  return {
    kind: values.kind,
    title: values.title,
    summary: values.summary,
    description: values.description,
    startsAt: toIso(values.startsAt),
    endsAt: toIso(values.endsAt),
    timezone: values.timezone,
    venue: values.venueName
      ? {
          name: values.venueName,
          address: values.venueAddress,
          lat: values.venueLat,
          lon: values.venueLon,
        }
      : null,
    onlineUrl: values.onlineUrl,
    capacity: values.capacity,
    waitlist: values.waitlist,
    registrationOpensAt: values.registrationOpensAt ? toIso(values.registrationOpensAt) : null,
    registrationClosesAt: values.registrationClosesAt ? toIso(values.registrationClosesAt) : null,
    status: values.status,
    cancelReason: values.cancelReason,
  };
}

/** A time that does not exist in the zone (not a date, or skipped when the clocks go forward). */
export function invalidTime(path: string, zone: string): ErrorDetail {
  return {
    path,
    message: `Not a valid time in ${zone}`,
    localized: { key: 'event.error.invalidTime', params: { zone } },
  };
}

function endBeforeStart(path: string): ErrorDetail {
  return {
    path,
    message: 'Must be after startsAt',
    localized: { key: 'event.error.endBeforeStart' },
  };
}

/**
 * Turns a validated draft into stored values: times read in the event's zone, and the rules
 * that span fields (end after start, registration window, a reason for cancelling).
 */
export function resolveEventDraft(
  draft: EventDraft,
): { ok: true; values: EventValues } | { ok: false; details: ErrorDetail[] } {
  const details: ErrorDetail[] = [];
  const timezone = draft.timezone ?? DEFAULT_TIMEZONE;
  const time = (field: keyof EventDraft, text: string | null | undefined): Date | null => {
    if (!text) return null;
    const parsed = parseZonedIso(text, timezone);
    if (!parsed) details.push(invalidTime(field, timezone));
    return parsed;
  };
  const startsAt = time('startsAt', draft.startsAt);
  const endsAt = time('endsAt', draft.endsAt);
  const opens = time('registrationOpensAt', draft.registrationOpensAt);
  const closes = time('registrationClosesAt', draft.registrationClosesAt);

  if (startsAt && endsAt && endsAt <= startsAt) {
    details.push(endBeforeStart('endsAt'));
  }
  if (opens && closes && closes <= opens) {
    details.push({
      path: 'registrationClosesAt',
      message: 'Must be after registrationOpensAt',
      localized: { key: 'event.error.closesBeforeOpens' },
    });
  }
  if (closes && endsAt && closes > endsAt) {
    details.push({
      path: 'registrationClosesAt',
      message: 'Must not be after the event ends',
      localized: { key: 'event.error.closesAfterEnd' },
    });
  }
  const status = draft.status ?? 'draft';
  if (status === 'cancelled' && !draft.cancelReason) {
    details.push({
      path: 'cancelReason',
      message: 'Say why the event is cancelled',
      localized: { key: 'event.error.cancelReason' },
    });
  }
  if (details.length > 0 || !startsAt || !endsAt) return { ok: false, details };

  return {
    ok: true,
    values: {
      kind: draft.kind,
      title: draft.title,
      summary: draft.summary || null,
      description: draft.description || null,
      startsAt,
      endsAt,
      timezone,
      venueName: draft.venue?.name ?? null,
      venueAddress: draft.venue?.address || null,
      venueLat: draft.venue?.lat ?? null,
      venueLon: draft.venue?.lon ?? null,
      onlineUrl: draft.onlineUrl || null,
      capacity: draft.capacity ?? null,
      waitlist: draft.waitlist ?? true,
      registrationOpensAt: opens,
      registrationClosesAt: closes,
      status,
      cancelReason: status === 'cancelled' ? (draft.cancelReason ?? null) : null,
    },
  };
}

const sameTime = (a: Date | null, b: Date | null) =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** Calendar apps only pick up a change when SEQUENCE rises: on every change of time, place or status. */
export function changesScheduleOrPlace(before: EventValues, after: EventValues): boolean {
  return (
    !sameTime(before.startsAt, after.startsAt) ||
    !sameTime(before.endsAt, after.endsAt) ||
    before.timezone !== after.timezone ||
    before.venueName !== after.venueName ||
    before.venueAddress !== after.venueAddress ||
    before.venueLat !== after.venueLat ||
    before.venueLon !== after.venueLon ||
    before.onlineUrl !== after.onlineUrl ||
    before.status !== after.status
  );
}

/** What registered people must hear about: a new time or place, or the cancellation. */
export function participantNotice(
  before: EventValues,
  after: EventValues,
): 'cancelled' | 'changed' | null {
  if (before.status === 'draft') return null;
  if (after.status === 'cancelled' && before.status !== 'cancelled') return 'cancelled';
  if (after.status !== 'published') return null;
  const moved =
    !sameTime(before.startsAt, after.startsAt) ||
    !sameTime(before.endsAt, after.endsAt) ||
    before.venueName !== after.venueName ||
    before.venueAddress !== after.venueAddress ||
    before.onlineUrl !== after.onlineUrl;
  return moved ? 'changed' : null;
}

export const agendaItemInputSchema = z.strictObject({
  startsAt: dateTime,
  endsAt: dateTime,
  title: translatableText(singleLine().min(1, 'Required').max(300)),
  description: z.string().max(10_000).nullish(),
  speakers: z.array(singleLine().min(1).max(200)).max(30).optional(),
  kind: z.enum(agendaKinds),
  room: singleLine().max(100).nullish(),
  capacity: z.number().int().min(0).max(100_000).nullish(),
});

export const agendaInputSchema = z.array(agendaItemInputSchema).max(100);
export type AgendaItemApiInput = z.output<typeof agendaItemInputSchema>;
/** An agenda item with its title in the original language (the others set apart). */
export type AgendaItemInput = Omit<AgendaItemApiInput, 'title'> & { title: string };

export type AgendaItemValues = {
  position: number;
  startsAt: Date;
  endsAt: Date;
  title: string;
  description: string | null;
  speakers: string[];
  kind: (typeof agendaKinds)[number];
  room: string | null;
  capacity: number | null;
};

/**
 * Agenda items must lie inside the event and must not overlap, except parallel sessions in
 * different rooms. Items keep the order given.
 */
export function resolveAgenda(
  items: AgendaItemInput[],
  event: { startsAt: Date; endsAt: Date; timezone: string },
): { ok: true; items: AgendaItemValues[] } | { ok: false; details: ErrorDetail[] } {
  const details: ErrorDetail[] = [];
  const resolved: AgendaItemValues[] = [];
  items.forEach((item, index) => {
    const startsAt = parseZonedIso(item.startsAt, event.timezone);
    const endsAt = parseZonedIso(item.endsAt, event.timezone);
    if (!startsAt) details.push(invalidTime(`${index}.startsAt`, event.timezone));
    if (!endsAt) details.push(invalidTime(`${index}.endsAt`, event.timezone));
    if (!startsAt || !endsAt) return;
    if (endsAt <= startsAt) {
      details.push(endBeforeStart(`${index}.endsAt`));
      return;
    }
    if (startsAt < event.startsAt || endsAt > event.endsAt) {
      details.push({
        path: `${index}.startsAt`,
        message: 'The item must be inside the event’s time',
        localized: { key: 'event.error.agendaOutside' },
      });
      return;
    }
    resolved.push({
      position: index,
      startsAt,
      endsAt,
      title: item.title,
      description: item.description || null,
      speakers: item.speakers ?? [],
      kind: item.kind,
      room: item.room || null,
      capacity: item.capacity ?? null,
    });
  });
  for (let i = 0; i < resolved.length; i++) {
    for (let j = i + 1; j < resolved.length; j++) {
      const a = resolved[i];
      const b = resolved[j];
      if (!a || !b) continue;
      const parallelRooms = a.room !== null && b.room !== null && a.room !== b.room;
      if (!parallelRooms && a.startsAt < b.endsAt && b.startsAt < a.endsAt) {
        details.push({
          path: `${b.position}.startsAt`,
          message: `Overlaps item ${a.position + 1} (“${a.title}”)`,
          localized: {
            key: 'event.error.agendaOverlap',
            params: { n: a.position + 1, title: a.title },
          },
        });
      }
    }
  }
  return details.length > 0 ? { ok: false, details } : { ok: true, items: resolved };
}

/**
 * Hosts a user may not add or remove: an event appears in every host's pages and feeds, so only
 * an admin or an organizer of a municipality may put an event there or take it away. Returns
 * the municipality ids of the refused changes (empty when all is allowed).
 */
export function unmanagedHostChanges(
  user: { role: 'admin' | 'organizer'; municipalityIds: readonly number[] },
  current: readonly number[],
  requested: readonly number[],
): number[] {
  if (user.role === 'admin') return [];
  const changed = [
    ...requested.filter((id) => !current.includes(id)),
    ...current.filter((id) => !requested.includes(id)),
  ];
  return changed.filter((id) => !user.municipalityIds.includes(id));
}

const WALL_CLOCK = "yyyy-LL-dd'T'HH:mm";

/**
 * For copying an event to another day: maps each of its times to the same wall-clock distance
 * from the new start, in the event's zone, as local ISO text (`2027-03-04T16:00`). Wall-clock, not
 * elapsed time, so a 16:00 think tank copied across a clock change still starts at 16:00.
 * Null when the new start is not a valid time there (e.g. skipped by the spring clock change).
 */
export function wallClockShift(
  zone: string,
  sourceStart: Date,
  newStart: string,
): ((date: Date) => string) | null {
  const target = parseZonedIso(newStart, zone);
  if (!target) return null;
  const naive = (date: Date) =>
    DateTime.fromFormat(DateTime.fromJSDate(date, { zone }).toFormat(WALL_CLOCK), WALL_CLOCK, {
      zone: 'utc',
    });
  const delta = naive(target).diff(naive(sourceStart));
  return (date) => naive(date).plus(delta).toFormat(WALL_CLOCK);
}

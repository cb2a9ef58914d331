import { DateTime } from 'luxon';
import { z } from 'zod';
import { formSchema, numeric, optionalText, text, texts, type Form } from '@/platform/http/forms';
import { toZonedIso } from '@/platform/time';
import { isLang, languages, type Lang } from '@/platform/i18n';
import { translatableFromForm } from '@/platform/i18n/content';
import { EVENT_TEXT_FIELDS } from './content';
import { eventApiInputSchema, eventApiPatchSchema, eventPatchSchema } from './rules';
import type { AgendaItemRow, StoredEvent } from './reads';

/** The event form, as the API's event body (times without offset: the event's zone). */
export function eventInputFromForm(form: Form): Record<string, unknown> {
  // Each text's original is its plain field, the other languages `title.ru`… (issue 18).
  const originalLang = isLang(text(form, 'originalLang'))
    ? (text(form, 'originalLang') as Lang)
    : undefined;
  const translatable = (name: string) => translatableFromForm(form, name, originalLang ?? 'et');
  const optional = (name: string) =>
    optionalText(form, name) === null ? null : translatable(name);
  const venueName = optionalText(form, 'venueName') === null ? null : translatable('venueName');
  return {
    kind: text(form, 'kind'),
    ...(originalLang ? { originalLang } : {}),
    title: translatable('title'),
    summary: optional('summary'),
    description: optional('description'),
    startsAt: text(form, 'startsAt'),
    endsAt: text(form, 'endsAt'),
    timezone: optionalText(form, 'timezone') ?? undefined,
    hosts: texts(form, 'hosts'),
    venue: venueName
      ? {
          name: venueName,
          address: optionalText(form, 'venueAddress'),
          lat: numeric(form, 'venueLat'),
          lon: numeric(form, 'venueLon'),
        }
      : null,
    onlineUrl: optionalText(form, 'onlineUrl'),
    capacity: numeric(form, 'capacity'),
    waitlist: text(form, 'waitlist') === 'on',
    registrationOpensAt: optionalText(form, 'registrationOpensAt'),
    registrationClosesAt: optionalText(form, 'registrationClosesAt'),
  };
}

/** A new event from the form: always a draft (publishing is its own action). */
export const newEventForm = formSchema(
  (form) => ({ ...eventInputFromForm(form), status: 'draft' }),
  eventApiInputSchema,
);

/** The edit form has no status field: publishing and cancelling are separate actions. */
export const eventEditForm = formSchema(eventInputFromForm, eventApiPatchSchema);

/** Publish, unpublish, cancel (with its public reason) or reinstate. */
export const eventStatusForm = formSchema(
  (form) => ({ status: text(form, 'status'), cancelReason: optionalText(form, 'cancelReason') }),
  eventPatchSchema,
);

/** Copy as a new draft: the new start, in the event's zone. */
export const eventCopyForm = z.object({
  startsAt: z.string().trim().min(1).max(40),
});

/** The form's field for an error path of the API body (`venue.lat` → `venueLat`, `hosts.1` → `hosts`); null for one the form has no field for. */
export function formField(path: string): string | null {
  const [head, second] = path.split('.');
  if (head === 'venue')
    return `venue${(second ?? 'name').charAt(0).toUpperCase()}${(second ?? 'name').slice(1)}`;
  return head === 'status' || head === '(body)' ? null : (head ?? path);
}

/** `datetime-local` value in the event's zone: 2014-10-02T16:00. */
export function localInputValue(date: Date | null, zone: string): string {
  return date ? toZonedIso(date, zone).slice(0, 16) : '';
}

export type EventFormValues = Record<string, string | string[] | boolean>;

export function eventFormValues(event: StoredEvent): EventFormValues {
  const zone = event.timezone;
  const translations: EventFormValues = {};
  for (const field of EVENT_TEXT_FIELDS) {
    for (const lang of languages) {
      if (lang !== event.originalLang)
        translations[`${field}.${lang}`] = event.translations[field]?.[lang] ?? '';
    }
  }
  return {
    ...translations,
    originalLang: event.originalLang,
    kind: event.kind,
    title: event.title,
    summary: event.summary ?? '',
    description: event.description ?? '',
    startsAt: localInputValue(event.startsAt, zone),
    endsAt: localInputValue(event.endsAt, zone),
    timezone: zone,
    hosts: event.hosts.map((host) => host.slug),
    venueName: event.venueName ?? '',
    venueAddress: event.venueAddress ?? '',
    venueLat: event.venueLat?.toString() ?? '',
    venueLon: event.venueLon?.toString() ?? '',
    onlineUrl: event.onlineUrl ?? '',
    capacity: event.capacity?.toString() ?? '',
    waitlist: event.waitlist,
    registrationOpensAt: localInputValue(event.registrationOpensAt, zone),
    registrationClosesAt: localInputValue(event.registrationClosesAt, zone),
  };
}

/** What the form posted, to show it again beside the errors. */
export function eventFormValuesFromBody(form: Form): EventFormValues {
  const values: EventFormValues = {};
  for (const name of [
    'kind',
    'title',
    'summary',
    'description',
    'startsAt',
    'endsAt',
    'timezone',
    'venueName',
    'venueAddress',
    'venueLat',
    'venueLon',
    'onlineUrl',
    'capacity',
    'registrationOpensAt',
    'registrationClosesAt',
  ]) {
    values[name] = text(form, name).trim();
  }
  for (const field of EVENT_TEXT_FIELDS) {
    for (const lang of languages) {
      if (form[`${field}.${lang}`] !== undefined)
        values[`${field}.${lang}`] = text(form, `${field}.${lang}`).trim();
    }
  }
  if (isLang(text(form, 'originalLang'))) values.originalLang = text(form, 'originalLang');
  values.hosts = texts(form, 'hosts');
  values.waitlist = text(form, 'waitlist') === 'on';
  return values;
}

export type AgendaRow = {
  /** The row's day (yyyy-mm-dd in the event's zone): chosen only when the event spans days. */
  day: string;
  /** h:mm on that day (a full date-time is read too). */
  startsAt: string;
  endsAt: string;
  title: string;
  kind: string;
  speakers: string;
  room: string;
  description: string;
  remove: boolean;
  /** The title in the event's other languages, by language (issue 18). */
  titles: Partial<Record<Lang, string>>;
};

export const blankAgendaRow = (day: string): AgendaRow => ({
  day,
  startsAt: '',
  endsAt: '',
  title: '',
  kind: 'talk',
  speakers: '',
  room: '',
  description: '',
  remove: false,
  titles: {},
});

/** The days an agenda row may be on: the event's days in its zone (at most a month of them). */
export function eventDays(event: Pick<StoredEvent, 'startsAt' | 'endsAt' | 'timezone'>): string[] {
  const first = DateTime.fromJSDate(event.startsAt).setZone(event.timezone).startOf('day');
  const last = DateTime.fromJSDate(event.endsAt).setZone(event.timezone).startOf('day');
  const days: string[] = [];
  for (let day = first; day <= last && days.length < 31; day = day.plus({ days: 1 })) {
    days.push(day.toISODate() ?? '');
  }
  return days;
}

export function agendaRowsOf(items: AgendaItemRow[], zone: string): AgendaRow[] {
  return items.map((item) => {
    const start = localInputValue(item.startsAt, zone);
    return {
      day: start.slice(0, 10),
      startsAt: start.slice(11),
      endsAt: localInputValue(item.endsAt, zone).slice(11),
      title: item.title,
      kind: item.kind,
      speakers: item.speakers.join(', '),
      room: item.room ?? '',
      description: item.description ?? '',
      remove: false,
      titles: Object.fromEntries(
        languages
          .filter((lang) => lang !== item.originalLang)
          .map((lang) => [lang, item.translations.title?.[lang] ?? '']),
      ),
    };
  });
}

/** Rows posted as `items.N.field`; N orders them as on screen (gaps, from rows removed in place, are fine). */
export function agendaRowsFromForm(form: Form, firstDay: string): AgendaRow[] {
  const rows = new Map<number, AgendaRow>();
  for (const key of Object.keys(form)) {
    const match = /^items\.(\d+)\.(\w+)(?:\.(\w+))?$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    if (index > 1000) continue;
    const row = rows.get(index) ?? { ...blankAgendaRow(firstDay), kind: '', titles: {} };
    const field = match[2] as keyof AgendaRow;
    const language = match[3];
    if (language) {
      if (field === 'title' && isLang(language)) row.titles[language] = text(form, key).trim();
      rows.set(index, row);
      continue;
    }
    if (field === 'remove') row.remove = text(form, key) === 'on';
    else if (field in row) (row as Record<string, unknown>)[field] = text(form, key).trim();
    rows.set(index, row);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

const isBlank = (row: AgendaRow) => !row.title && !row.startsAt && !row.endsAt;

/** A row's time as the API's wall-clock date-time: `16:00` on its day, or a full date-time as given. */
function onDay(day: string, time: string): string {
  const clock = /^(\d{1,2}):(\d{2})$/.exec(time);
  return clock ? `${day}T${clock[1]?.padStart(2, '0')}:${clock[2]}` : time;
}

/**
 * The agenda body for the API from the rows kept (not removed, not blank), in time order (the
 * public agenda is always in time order, whatever order the rows were entered in);
 * `screenRow[i]` says which row on screen item i came from, for errors.
 */
export function agendaInputFromRows(
  rows: AgendaRow[],
  originalLang: Lang = 'et',
): {
  items: Record<string, unknown>[];
  screenRow: number[];
} {
  const kept = rows
    .map((row, screen) => ({
      row,
      screen,
      startsAt: onDay(row.day, row.startsAt),
      endsAt: onDay(row.day, row.endsAt),
    }))
    .filter(({ row }) => !row.remove && !isBlank(row))
    // Wall-clock times of one zone sort as text; one that is not a time sorts last, as entered.
    .sort((a, b) => {
      const timed = (startsAt: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(startsAt);
      if (timed(a.startsAt) !== timed(b.startsAt)) return timed(a.startsAt) ? -1 : 1;
      if (timed(a.startsAt) && a.startsAt !== b.startsAt) return a.startsAt < b.startsAt ? -1 : 1;
      return a.screen - b.screen;
    });
  return {
    items: kept.map(({ row, startsAt, endsAt }) => ({
      startsAt,
      endsAt,
      // With translations, `{et, ru, en}` ('' removes one); a blank original stays a string.
      title:
        row.title && Object.keys(row.titles).length > 0
          ? { ...row.titles, [originalLang]: row.title }
          : row.title,
      kind: row.kind,
      speakers: row.speakers
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      room: row.room || null,
      description: row.description || null,
    })),
    screenRow: kept.map(({ screen }) => screen),
  };
}

import { z } from 'zod';
import { formSchema, numeric, optionalText, text, texts, type Form } from '@/platform/http/forms';
import { toZonedIso } from '@/platform/time';
import { eventInputSchema, eventPatchSchema } from './rules';
import type { AgendaItemRow, StoredEvent } from './reads';

/** The event form, as the API's event body (times without offset: the event's zone). */
export function eventInputFromForm(form: Form): Record<string, unknown> {
  const venueName = optionalText(form, 'venueName');
  return {
    kind: text(form, 'kind'),
    title: text(form, 'title'),
    summary: optionalText(form, 'summary'),
    description: optionalText(form, 'description'),
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
  eventInputSchema,
);

/** The edit form has no status field: publishing and cancelling are separate actions. */
export const eventEditForm = formSchema(eventInputFromForm, eventPatchSchema);

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
  return {
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
  values.hosts = texts(form, 'hosts');
  values.waitlist = text(form, 'waitlist') === 'on';
  return values;
}

export type AgendaRow = {
  position: string;
  startsAt: string;
  endsAt: string;
  title: string;
  kind: string;
  speakers: string;
  room: string;
  description: string;
  remove: boolean;
};

export const BLANK_AGENDA_ROWS = 3;

export function agendaRowsOf(items: AgendaItemRow[], zone: string): AgendaRow[] {
  return items.map((item, index) => ({
    position: String(index + 1),
    startsAt: localInputValue(item.startsAt, zone),
    endsAt: localInputValue(item.endsAt, zone),
    title: item.title,
    kind: item.kind,
    speakers: item.speakers.join(', '),
    room: item.room ?? '',
    description: item.description ?? '',
    remove: false,
  }));
}

/** Rows posted as `items.N.field`; N is the row on screen. */
export function agendaRowsFromForm(form: Form): AgendaRow[] {
  const rows = new Map<number, AgendaRow>();
  for (const key of Object.keys(form)) {
    const match = /^items\.(\d+)\.(\w+)$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    if (index > 200) continue;
    const row = rows.get(index) ?? {
      position: '',
      startsAt: '',
      endsAt: '',
      title: '',
      kind: '',
      speakers: '',
      room: '',
      description: '',
      remove: false,
    };
    const field = match[2] as keyof AgendaRow;
    if (field === 'remove') row.remove = text(form, key) === 'on';
    else if (field in row) (row as Record<string, unknown>)[field] = text(form, key).trim();
    rows.set(index, row);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

const isBlank = (row: AgendaRow) => !row.title && !row.startsAt && !row.endsAt;

/**
 * The agenda body for the API from the rows kept (not removed, not blank), ordered by their
 * position field; `screenRow[i]` says which row on screen item i came from, for errors.
 */
export function agendaInputFromRows(rows: AgendaRow[]): {
  items: Record<string, unknown>[];
  screenRow: number[];
} {
  const kept = rows
    .map((row, screen) => ({ row, screen }))
    .filter(({ row }) => !row.remove && !isBlank(row))
    .sort((a, b) => {
      const pa = Number(a.row.position) || a.screen + 1000;
      const pb = Number(b.row.position) || b.screen + 1000;
      return pa - pb || a.screen - b.screen;
    });
  return {
    items: kept.map(({ row }) => ({
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      title: row.title,
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

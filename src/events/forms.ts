import type { ErrorDetail } from '@/platform/http/errors';
import { toZonedIso } from '@/platform/time';
import type { AgendaItemRow, StoredEvent } from './reads';

/** What an HTML form posts: every field as text; checkboxes and multi-selects as lists. */
export type FormBody = Record<string, string | File | (string | File)[]>;

const text = (form: FormBody, name: string): string => {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
};

const list = (form: FormBody, name: string): string[] => {
  const value = form[name] ?? form[`${name}[]`];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
};

const optional = (value: string) => (value === '' ? null : value);

/** A number from a text field; what is not a number is passed on as text so validation names it. */
const numberOrText = (value: string): number | string | null => {
  if (value === '') return null;
  const parsed = Number(value.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : value;
};

/** The event form, as the API's event body (times without offset: the event's zone). */
export function eventInputFromForm(form: FormBody): Record<string, unknown> {
  const venueName = text(form, 'venueName');
  return {
    kind: text(form, 'kind'),
    title: text(form, 'title'),
    summary: optional(text(form, 'summary')),
    description: optional(text(form, 'description')),
    startsAt: text(form, 'startsAt'),
    endsAt: text(form, 'endsAt'),
    timezone: optional(text(form, 'timezone')) ?? undefined,
    hosts: list(form, 'hosts'),
    venue: venueName
      ? {
          name: venueName,
          address: optional(text(form, 'venueAddress')),
          lat: numberOrText(text(form, 'venueLat')),
          lon: numberOrText(text(form, 'venueLon')),
        }
      : null,
    onlineUrl: optional(text(form, 'onlineUrl')),
    capacity: numberOrText(text(form, 'capacity')),
    waitlist: text(form, 'waitlist') === 'on',
    registrationOpensAt: optional(text(form, 'registrationOpensAt')),
    registrationClosesAt: optional(text(form, 'registrationClosesAt')),
  };
}

/** The form's field for an error path of the API body (`venue.lat` → `venueLat`, `hosts.1` → `hosts`). */
export function formField(path: string): string {
  const [head, second] = path.split('.');
  if (head === 'venue')
    return `venue${(second ?? 'name').charAt(0).toUpperCase()}${(second ?? 'name').slice(1)}`;
  return head ?? path;
}

export type FieldErrors = Record<string, string[]>;

export function fieldErrors(
  details: ErrorDetail[],
  field: (path: string) => string = formField,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const detail of details) (errors[field(detail.path)] ??= []).push(detail.message);
  return errors;
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
export function eventFormValuesFromBody(form: FormBody): EventFormValues {
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
    values[name] = text(form, name);
  }
  values.hosts = list(form, 'hosts');
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
export function agendaRowsFromForm(form: FormBody): AgendaRow[] {
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
    else if (field in row) (row as Record<string, unknown>)[field] = text(form, key);
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
      room: optional(row.room),
      description: optional(row.description),
    })),
    screenRow: kept.map(({ screen }) => screen),
  };
}

import type { CurrentUser } from '@/platform/auth/auth';
import type { EventFormValues } from '@/events/forms';
import type { StoredEvent } from '@/events/reads';
import { eventKinds } from '@/events/rules';
import type { FormProblems } from '@/platform/http/forms';
import type { FieldErrors } from '@/platform/http/validation';
import { isLang, type Lang, type MessageKey } from '@/platform/i18n';
import { AdminLayout } from '@views/shell/admin-layout';
import {
  ErrorSummary,
  Field,
  FieldMessages,
  TranslationFields,
  fieldId,
  invalidAttrs,
} from '@views/shell/form';
import type { PageContext } from '@views/shell/layout';
import { DEFAULT_TIMEZONE, zoneChoiceLabel, zoneLabel } from '@/platform/time';
import type { KnownVenue } from '@/events/queries';

let zones: string[] | undefined;

/**
 * The zones an event may be in: the default (Europe/Tallinn) first, then every IANA zone the
 * runtime knows, and the stored one even if the runtime does not list it.
 */
function timezoneChoices(current: unknown): string[] {
  zones ??= [
    DEFAULT_TIMEZONE,
    ...(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [])
      .filter((zone) => zone !== DEFAULT_TIMEZONE)
      .sort(),
  ];
  return typeof current === 'string' && current && !zones.includes(current)
    ? [current, ...zones]
    : zones;
}

const zoneChoices = new Map<string, string>();

/** A zone's label in the list, kept per language (the list has some four hundred). */
function zoneChoice(zone: string, lang: Lang): string {
  const key = `${lang} ${zone}`;
  let label = zoneChoices.get(key);
  if (label === undefined) {
    label = zoneChoiceLabel(zone, lang);
    zoneChoices.set(key, label);
  }
  return label;
}

/**
 * Where: the venue's name offers the places used before (choosing one fills in its address and
 * map point, via /assets/forms.js); the map point is folded away, optional.
 */
function VenueFields(props: {
  ctx: PageContext;
  values: EventFormValues;
  errors: FieldErrors;
  venues: KnownVenue[];
}) {
  const { ctx, values, errors, venues } = props;
  const { t } = ctx;
  const value = (name: string) => (typeof values[name] === 'string' ? String(values[name]) : '');
  const mapOpen = Boolean(errors.venueLat || errors.venueLon);
  return (
    <>
      <Field name="venueName" label={t('admin.event.field.venueName')} errors={errors}>
        <input
          id={fieldId('venueName')}
          name="venueName"
          type="text"
          value={value('venueName')}
          list={venues.length > 0 ? 'known-venues' : undefined}
          autocomplete="off"
          data-venue-name
          {...invalidAttrs('venueName', errors)}
        />
      </Field>
      <TranslationFields
        ctx={ctx}
        name="venueName"
        label={t('admin.event.field.venueName')}
        original={isLang(values.originalLang) ? values.originalLang : 'et'}
        values={values}
        errors={errors}
      />
      {venues.length > 0 ? (
        <datalist id="known-venues">
          {venues.map((venue) => (
            <option
              value={venue.name}
              label={venue.address ?? undefined}
              data-address={venue.address ?? ''}
              data-lat={venue.lat?.toString() ?? ''}
              data-lon={venue.lon?.toString() ?? ''}
            />
          ))}
        </datalist>
      ) : null}
      <TextField
        name="venueAddress"
        label="admin.event.field.venueAddress"
        values={values}
        errors={errors}
        ctx={ctx}
      />
      <details open={mapOpen}>
        <summary>{t('admin.event.mapPosition')}</summary>
        <p class="meta">{t('admin.event.mapPositionHint')}</p>
        <TextField
          name="venueLat"
          label="admin.event.field.venueLat"
          type="number"
          step="any"
          values={values}
          errors={errors}
          ctx={ctx}
        />
        <TextField
          name="venueLon"
          label="admin.event.field.venueLon"
          type="number"
          step="any"
          values={values}
          errors={errors}
          ctx={ctx}
        />
      </details>
    </>
  );
}

export type EventFormPageProps = PageContext & {
  user: CurrentUser;
  /** The event being edited; absent for a new one. */
  event?: StoredEvent;
  values: EventFormValues;
  /** What to correct, when a form of this page (event, status, copy) came back refused. */
  problems?: FormProblems;
  municipalities: { id: number; slug: string; name: string }[];
  /** Places the organizer's municipalities have used: offered as the venue's name. */
  venues?: KnownVenue[];
  saved?: boolean;
  copied?: boolean;
};

function TextField(props: {
  name: string;
  label: MessageKey;
  type?: string;
  values: EventFormValues;
  errors: FieldErrors;
  ctx: PageContext;
  required?: boolean;
  step?: string;
}) {
  const value = props.values[props.name];
  return (
    <Field name={props.name} label={props.ctx.t(props.label)} errors={props.errors}>
      <input
        id={fieldId(props.name)}
        name={props.name}
        type={props.type ?? 'text'}
        value={typeof value === 'string' ? value : ''}
        required={props.required}
        step={props.step}
        {...invalidAttrs(props.name, props.errors)}
      />
    </Field>
  );
}

export function EventFormPage(props: EventFormPageProps) {
  const { t, values, event } = props;
  const errors = props.problems?.errors ?? {};
  const title = event
    ? t('admin.event.editTitle', { title: event.title })
    : t('admin.event.newTitle');
  const field = (
    name: string,
    label: MessageKey,
    extra: { type?: string; required?: boolean; step?: string } = {},
  ) => (
    <TextField name={name} label={label} values={values} errors={errors} ctx={props} {...extra} />
  );
  const hosts = Array.isArray(values.hosts) ? values.hosts : [];
  const original = isLang(values.originalLang) ? values.originalLang : 'et';
  const translations = (name: string, label: MessageKey, multiline = false) => (
    <TranslationFields
      ctx={props}
      name={name}
      label={t(label)}
      original={original}
      values={values}
      errors={errors}
      multiline={multiline}
      rows={6}
    />
  );
  return (
    <AdminLayout {...props} title={title}>
      <h1>{title}</h1>
      <ErrorSummary
        t={t}
        errors={errors}
        general={props.problems?.general}
        labels={fieldLabels(props, event)}
      />
      {props.saved ? (
        <p class="notice" role="status">
          {t('admin.event.saved')}
        </p>
      ) : null}
      {props.copied ? (
        <p class="notice" role="status">
          {t('admin.event.copied')}
        </p>
      ) : null}
      {event ? <EventSubnav event={event} ctx={props} /> : null}
      <form method="post" class="stack" novalidate>
        <Field name="kind" label={t('admin.event.field.kind')} errors={errors}>
          <select id={fieldId('kind')} name="kind" {...invalidAttrs('kind', errors)}>
            {eventKinds.map((kind) => (
              <option value={kind} selected={values.kind === kind}>
                {t(`event.kind.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <input type="hidden" name="originalLang" value={original} />
        {field('title', 'admin.event.field.title', { required: true })}
        {translations('title', 'admin.event.field.title')}
        {field('summary', 'admin.event.field.summary')}
        {translations('summary', 'admin.event.field.summary')}
        <Field name="description" label={t('admin.event.field.description')} errors={errors}>
          <textarea
            id={fieldId('description')}
            name="description"
            rows={6}
            {...invalidAttrs('description', errors)}
          >
            {typeof values.description === 'string' ? values.description : ''}
          </textarea>
        </Field>
        {translations('description', 'admin.event.field.description', true)}
        <fieldset id={fieldId('hosts')} tabindex={-1} {...invalidAttrs('hosts', errors)}>
          <legend>{t('admin.event.field.hosts')}</legend>
          <FieldMessages field="hosts" errors={errors} />
          {/* Organizers choose among their own municipalities; other hosts of the event stay as
              they are (only their own organizers or an admin may add or remove them). */}
          {props.municipalities
            .filter((m) => canChooseHost(props.user, m.id) || hosts.includes(m.slug))
            .map((m) =>
              canChooseHost(props.user, m.id) ? (
                <label class="check">
                  <input
                    type="checkbox"
                    name="hosts"
                    value={m.slug}
                    checked={hosts.includes(m.slug)}
                  />{' '}
                  {m.name}
                </label>
              ) : (
                <label class="check">
                  <input type="checkbox" checked disabled /> {m.name}
                  <input type="hidden" name="hosts" value={m.slug} />
                </label>
              ),
            )}
        </fieldset>
        <fieldset>
          <legend>{t('admin.event.section.when')}</legend>
          <p class="meta">
            {t('admin.event.timesHint')} {event ? t('admin.event.postponeHint') : null}
          </p>
          {field('startsAt', 'admin.event.field.startsAt', {
            type: 'datetime-local',
            required: true,
          })}
          {field('endsAt', 'admin.event.field.endsAt', { type: 'datetime-local', required: true })}
          <Field name="timezone" label={t('admin.event.field.timezone')} errors={errors}>
            <select id={fieldId('timezone')} name="timezone" {...invalidAttrs('timezone', errors)}>
              {timezoneChoices(values.timezone).map((zone) => (
                <option
                  value={zone}
                  selected={
                    zone ===
                    (typeof values.timezone === 'string' && values.timezone
                      ? values.timezone
                      : DEFAULT_TIMEZONE)
                  }
                >
                  {zoneChoice(zone, props.lang)}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('admin.event.section.where')}</legend>
          <VenueFields ctx={props} values={values} errors={errors} venues={props.venues ?? []} />
          {field('onlineUrl', 'admin.event.field.onlineUrl', { type: 'url' })}
        </fieldset>
        <fieldset>
          <legend>{t('admin.event.section.registration')}</legend>
          {field('capacity', 'admin.event.field.capacity', { type: 'number' })}
          <label class="check">
            <input
              id={fieldId('waitlist')}
              type="checkbox"
              name="waitlist"
              checked={values.waitlist === true}
            />{' '}
            {t('admin.event.field.waitlist')}
          </label>
          {field('registrationOpensAt', 'admin.event.field.registrationOpensAt', {
            type: 'datetime-local',
          })}
          {field('registrationClosesAt', 'admin.event.field.registrationClosesAt', {
            type: 'datetime-local',
          })}
        </fieldset>
        <p>
          <button type="submit">{event ? t('admin.event.save') : t('admin.event.create')}</button>
        </p>
      </form>
      {event ? <StatusActions event={event} ctx={props} errors={errors} /> : null}
      {event ? <CopyEvent event={event} ctx={props} errors={errors} /> : null}
    </AdminLayout>
  );
}

export function EventSubnav({
  event,
  ctx,
}: {
  event: Pick<StoredEvent, 'slug' | 'status'>;
  ctx: PageContext;
}) {
  const { t } = ctx;
  const { slug } = event;
  const links: [string, MessageKey][] = [
    [`/admin/events/${slug}`, 'admin.events.edit'],
    [`/admin/events/${slug}/agenda`, 'admin.events.agenda'],
    [`/admin/events/${slug}/questions`, 'question.editor.nav'],
    [`/admin/events/${slug}/registrations`, 'admin.events.registrations'],
    [`/admin/events/${slug}/check-in`, 'admin.events.checkIn'],
    [`/admin/events/${slug}/feedback`, 'feedback.admin.nav'],
    [`/admin/events/${slug}/recordings`, 'admin.events.recordings'],
    [`/admin/events/${slug}/outcomes`, 'admin.events.outcomes'],
    [`/admin/events/${slug}/attachments`, 'documents.admin.open'],
    // A draft is not public yet: its organizers see it as the public will, marked as a preview.
    event.status === 'draft'
      ? [`/admin/events/${slug}/preview`, 'admin.events.preview']
      : [`/events/${slug}`, 'admin.events.view'],
  ];
  const current = ctx.path.split('?')[0];
  return (
    <nav class="subnav" aria-label={t('admin.events.title')}>
      <ul>
        {links.map(([href, label]) => (
          <li>
            <a href={href} aria-current={href === current ? 'page' : undefined}>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** "Copy as a new draft": the next meeting of a series, its agenda kept at the same times. */
function CopyEvent({
  event,
  ctx,
  errors,
}: {
  event: StoredEvent;
  ctx: PageContext;
  errors: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="copy-event" class="card">
      <h2 id="copy-event">{t('admin.event.copy.title')}</h2>
      <p>{t('admin.event.copy.explain')}</p>
      <form method="post" action={`/admin/events/${event.slug}/copy`} class="stack">
        <Field
          name="copyStartsAt"
          label={t('admin.event.copy.startsAt', { zone: zoneLabel(event.timezone, ctx.lang) })}
          errors={errors}
        >
          <input
            id={fieldId('copyStartsAt')}
            name="startsAt"
            type="datetime-local"
            required
            {...invalidAttrs('copyStartsAt', errors)}
          />
        </Field>
        <button type="submit" class="secondary">
          {t('admin.event.copy.submit')}
        </button>
      </form>
    </section>
  );
}

function StatusActions({
  event,
  ctx,
  errors,
}: {
  event: StoredEvent;
  ctx: PageContext;
  errors: FieldErrors;
}) {
  const { t } = ctx;
  const action = `/admin/events/${event.slug}/status`;
  return (
    <section aria-labelledby="status-actions" class="card">
      <h2 id="status-actions">{t('admin.event.actions')}</h2>
      <p>
        {t('admin.events.status')}: <strong>{t(`admin.events.status.${event.status}`)}</strong>
      </p>
      {event.status === 'draft' ? (
        <form method="post" action={action}>
          <input type="hidden" name="status" value="published" />
          <button type="submit">{t('admin.event.publish')}</button>
        </form>
      ) : null}
      {event.status === 'published' ? (
        <>
          <form method="post" action={action} class="stack">
            <input type="hidden" name="status" value="cancelled" />
            <Field name="cancelReason" label={t('admin.event.cancelReason')} errors={errors}>
              <input
                id={fieldId('cancelReason')}
                name="cancelReason"
                type="text"
                required
                {...invalidAttrs('cancelReason', errors)}
              />
            </Field>
            <button type="submit" class="secondary">
              {t('admin.event.cancel')}
            </button>
          </form>
          <form method="post" action={action}>
            <input type="hidden" name="status" value="draft" />
            <button type="submit" class="secondary">
              {t('admin.event.unpublish')}
            </button>
          </form>
        </>
      ) : null}
      {event.status === 'cancelled' ? (
        <form method="post" action={action}>
          <input type="hidden" name="status" value="published" />
          <button type="submit">{t('admin.event.reinstate')}</button>
        </form>
      ) : null}
    </section>
  );
}

/** The summary names each field as its label does. */
function fieldLabels(ctx: PageContext, event: StoredEvent | undefined): Record<string, string> {
  const { t } = ctx;
  const labels: Record<string, string> = {
    cancelReason: t('admin.event.cancelReason'),
  };
  for (const name of [
    'kind',
    'title',
    'summary',
    'description',
    'hosts',
    'startsAt',
    'endsAt',
    'timezone',
    'venueName',
    'venueAddress',
    'venueLat',
    'venueLon',
    'onlineUrl',
    'capacity',
    'waitlist',
    'registrationOpensAt',
    'registrationClosesAt',
  ] as const) {
    labels[name] = t(`admin.event.field.${name}`);
  }
  if (event)
    labels.copyStartsAt = t('admin.event.copy.startsAt', {
      zone: zoneLabel(event.timezone, ctx.lang),
    });
  return labels;
}

function canChooseHost(user: CurrentUser, municipalityId: number): boolean {
  return user.role === 'admin' || user.municipalityIds.includes(municipalityId);
}

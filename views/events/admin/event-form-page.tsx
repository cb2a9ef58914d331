import type { CurrentUser } from '@/platform/auth/auth';
import type { EventFormValues, FieldErrors } from '@/events/forms';
import type { StoredEvent } from '@/events/reads';
import { eventKinds } from '@/events/rules';
import type { MessageKey } from '@/platform/i18n';
import { AdminLayout } from '@views/shell/admin-layout';
import type { PageContext } from '@views/shell/layout';

export type EventFormPageProps = PageContext & {
  user: CurrentUser;
  /** The event being edited; absent for a new one. */
  event?: StoredEvent;
  values: EventFormValues;
  errors: FieldErrors;
  municipalities: { id: number; slug: string; name: string }[];
  saved?: boolean;
  copied?: boolean;
};

function FieldError({ id, errors }: { id: string; errors: FieldErrors }) {
  const messages = errors[id];
  if (!messages?.length) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      {messages.join(' ')}
    </p>
  );
}

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
  const invalid = Boolean(props.errors[props.name]?.length);
  return (
    <div class="field">
      <label for={props.name}>{props.ctx.t(props.label)}</label>
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={typeof value === 'string' ? value : ''}
        required={props.required}
        step={props.step}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? `${props.name}-error` : undefined}
      />
      <FieldError id={props.name} errors={props.errors} />
    </div>
  );
}

export function EventFormPage(props: EventFormPageProps) {
  const { t, values, errors, event } = props;
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
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <AdminLayout {...props} title={title}>
      <h1>{title}</h1>
      {hasErrors ? (
        <div class="error-box" role="alert">
          {t('admin.event.errors')}
        </div>
      ) : null}
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
      {event ? <EventSubnav slug={event.slug} ctx={props} /> : null}
      <form method="post" class="stack" novalidate>
        <div class="field">
          <label for="kind">{t('admin.event.field.kind')}</label>
          <select id="kind" name="kind">
            {eventKinds.map((kind) => (
              <option value={kind} selected={values.kind === kind}>
                {t(`event.kind.${kind}`)}
              </option>
            ))}
          </select>
          <FieldError id="kind" errors={errors} />
        </div>
        {field('title', 'admin.event.field.title', { required: true })}
        {field('summary', 'admin.event.field.summary')}
        <div class="field">
          <label for="description">{t('admin.event.field.description')}</label>
          <textarea id="description" name="description" rows={6}>
            {typeof values.description === 'string' ? values.description : ''}
          </textarea>
          <FieldError id="description" errors={errors} />
        </div>
        <fieldset>
          <legend>{t('admin.event.field.hosts')}</legend>
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
          <FieldError id="hosts" errors={errors} />
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
          {field('timezone', 'admin.event.field.timezone')}
        </fieldset>
        <fieldset>
          <legend>{t('admin.event.section.where')}</legend>
          {field('venueName', 'admin.event.field.venueName')}
          {field('venueAddress', 'admin.event.field.venueAddress')}
          {field('venueLat', 'admin.event.field.venueLat', { type: 'number', step: 'any' })}
          {field('venueLon', 'admin.event.field.venueLon', { type: 'number', step: 'any' })}
          {field('onlineUrl', 'admin.event.field.onlineUrl', { type: 'url' })}
        </fieldset>
        <fieldset>
          <legend>{t('admin.event.section.registration')}</legend>
          {field('capacity', 'admin.event.field.capacity', { type: 'number' })}
          <label class="check">
            <input type="checkbox" name="waitlist" checked={values.waitlist === true} />{' '}
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

export function EventSubnav({ slug, ctx }: { slug: string; ctx: PageContext }) {
  const { t } = ctx;
  const links: [string, MessageKey][] = [
    [`/admin/events/${slug}`, 'admin.events.edit'],
    [`/admin/events/${slug}/agenda`, 'admin.events.agenda'],
    [`/admin/events/${slug}/registrations`, 'admin.events.registrations'],
    [`/admin/events/${slug}/check-in`, 'admin.events.checkIn'],
    [`/admin/events/${slug}/recordings`, 'admin.events.recordings'],
    [`/admin/events/${slug}/outcomes`, 'admin.events.outcomes'],
    [`/events/${slug}`, 'admin.events.view'],
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
        <div class="field">
          <label for="copyStartsAt">
            {t('admin.event.copy.startsAt', { zone: event.timezone })}
          </label>
          <input
            id="copyStartsAt"
            name="startsAt"
            type="datetime-local"
            required
            aria-invalid={errors.copyStartsAt ? 'true' : undefined}
            aria-describedby={errors.copyStartsAt ? 'copyStartsAt-error' : undefined}
          />
          <FieldError id="copyStartsAt" errors={errors} />
        </div>
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
            <div class="field">
              <label for="cancelReason">{t('admin.event.cancelReason')}</label>
              <input id="cancelReason" name="cancelReason" type="text" required />
              <FieldError id="cancelReason" errors={errors} />
            </div>
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

function canChooseHost(user: CurrentUser, municipalityId: number): boolean {
  return user.role === 'admin' || user.municipalityIds.includes(municipalityId);
}

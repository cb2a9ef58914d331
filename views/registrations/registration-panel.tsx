import type { Lang, Translate } from '@/platform/i18n';
import type { Seats, WindowState } from '@/registrations/rules';
import { formatLongDate, formatTime } from '@/platform/time';

export type RegistrationFormValues = {
  name?: string;
  email?: string;
  organization?: string;
  attendance?: string;
  needs?: string;
  followUp?: boolean;
};

export type RegistrationPanelProps = {
  t: Translate;
  lang: Lang;
  event: {
    slug: string;
    timezone: string;
    capacity: number | null;
    waitlist: boolean;
    onlineUrl: string | null;
    registrationOpensAt: Date | null;
    registrationClosesAt: Date | null;
  };
  seats: Seats;
  state: WindowState;
  /** What the person typed, when the form comes back with errors. */
  values?: RegistrationFormValues;
  /** Field name → message, shown next to the field. */
  errors?: Record<string, string>;
};

function when(date: Date, zone: string, lang: Lang): string {
  return `${formatLongDate(date, zone, lang)}, ${formatTime(date, zone, lang)}`;
}

function SeatsLine({ t, seats, event }: Pick<RegistrationPanelProps, 't' | 'seats' | 'event'>) {
  if (seats.capacity === null) return <p class="meta">{t('registration.seatsUnlimited')}</p>;
  if (seats.available !== null && seats.available > 0) {
    return (
      <p class="meta">
        {t('registration.seats', { available: seats.available, capacity: seats.capacity })}
      </p>
    );
  }
  return (
    <p class="notice">
      {event.waitlist ? t('registration.seatsFullWaitlist') : t('registration.seatsFullNoWaitlist')}
    </p>
  );
}

/** A field's error, below it; the input points at it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p class="field-error" id={id}>
      {message}
    </p>
  ) : null;
}

/**
 * The registration section of an event page: seats, the window's state and (when open) the
 * form, which posts to /events/:slug/register and works without JavaScript.
 */
export function RegistrationPanel(props: RegistrationPanelProps) {
  const { t, lang, event, state } = props;
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  const full = props.seats.available === 0;
  const attendance = values.attendance ?? (full && !event.waitlist ? 'online' : 'in_person');
  const described = (name: string) => (errors[name] ? `reg-${name}-error` : undefined);
  return (
    <section class="registration" id="registration" aria-labelledby="registration-title">
      <h2 id="registration-title">{t('registration.title')}</h2>
      <SeatsLine t={t} seats={props.seats} event={event} />
      {state === 'not_yet_open' ? (
        <p class="notice">
          {event.registrationOpensAt
            ? t('registration.state.not_yet_open', {
                date: when(event.registrationOpensAt, event.timezone, lang),
              })
            : t('registration.state.not_yet_open_undated')}
        </p>
      ) : null}
      {state === 'closed' ? <p class="notice">{t('registration.state.closed')}</p> : null}
      {state === 'cancelled' ? <p class="error-box">{t('registration.state.cancelled')}</p> : null}
      {state === 'open' ? (
        <form method="post" action={`/events/${event.slug}/register`} class="registration-form">
          {Object.keys(errors).length > 0 ? (
            <p class="error-box" role="alert">
              {t('registration.invalid')}
            </p>
          ) : null}
          {event.registrationClosesAt ? (
            <p class="meta">
              {t('registration.closesAt', {
                date: when(event.registrationClosesAt, event.timezone, lang),
              })}
            </p>
          ) : null}
          <p>
            <label for="reg-name">{t('registration.name')}</label>
            <input
              id="reg-name"
              name="name"
              required
              maxlength={200}
              autocomplete="name"
              value={values.name ?? ''}
              aria-invalid={errors.name ? 'true' : undefined}
              aria-describedby={described('name')}
            />
            <FieldError id="reg-name-error" message={errors.name} />
          </p>
          <p>
            <label for="reg-email">{t('registration.email')}</label>
            <input
              id="reg-email"
              name="email"
              type="email"
              required
              maxlength={254}
              autocomplete="email"
              value={values.email ?? ''}
              aria-invalid={errors.email ? 'true' : undefined}
              aria-describedby={described('email')}
            />
            <FieldError id="reg-email-error" message={errors.email} />
          </p>
          <p>
            <label for="reg-organization">{t('registration.organization')}</label>
            <input
              id="reg-organization"
              name="organization"
              maxlength={200}
              autocomplete="organization"
              value={values.organization ?? ''}
            />
            <FieldError id="reg-organization-error" message={errors.organization} />
          </p>
          <fieldset aria-describedby={described('attendance')}>
            <legend>{t('registration.attendance')}</legend>
            {(['in_person', 'online'] as const).map((value) => (
              <label class="choice">
                <input
                  type="radio"
                  name="attendance"
                  value={value}
                  checked={attendance === value}
                  required
                />{' '}
                {t(`registration.attendance.${value}`)}
              </label>
            ))}
            <FieldError id="reg-attendance-error" message={errors.attendance} />
          </fieldset>
          <p>
            <label for="reg-needs">{t('registration.needs')}</label>
            <textarea id="reg-needs" name="needs" maxlength={1000} rows={2}>
              {values.needs ?? ''}
            </textarea>
            <FieldError id="reg-needs-error" message={errors.needs} />
          </p>
          <p class="hp" aria-hidden="true">
            <label for="reg-website">{t('registration.honeypot')}</label>
            <input id="reg-website" name="website" tabindex={-1} autocomplete="off" />
          </p>
          <p>
            <label class="choice">
              <input
                type="checkbox"
                name="consent"
                value="yes"
                required
                aria-invalid={errors.consent ? 'true' : undefined}
                aria-describedby={described('consent')}
              />{' '}
              {t('registration.consent')} <a href="/privacy">{t('registration.privacyLink')}</a>
            </label>
            <FieldError id="reg-consent-error" message={errors.consent} />
          </p>
          <p>
            <label class="choice">
              <input type="checkbox" name="followUp" value="yes" checked={values.followUp} />{' '}
              {t('registration.followUp')}
            </label>
          </p>
          <p>
            <button type="submit">{t('registration.submit')}</button>
          </p>
        </form>
      ) : null}
    </section>
  );
}

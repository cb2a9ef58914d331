import type { FormProblems } from '@/platform/http/forms';
import type { Lang, Translate } from '@/platform/i18n';
import type { RegistrationFormValues } from '@/registrations/forms';
import { attendanceValues, type Seats, type WindowState } from '@/registrations/rules';
import { formatDayTime } from '@/platform/time';
import { ErrorSummary, FieldMessages, fieldId, invalidAttrs } from '@views/shell/form';
import { EmailField } from '@views/shell/email-field';
import { AnswerFields, answerField, type LocalizedQuestion } from '@/questions';

export type RegistrationPanelProps = {
  t: Translate;
  /** The organizers' preview of a draft: the form is shown as it will be, but cannot be sent. */
  preview?: boolean | undefined;
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
  /** The event's own questions, in the reader's language. */
  questions?: LocalizedQuestion[];
  /** What the person typed, when the form comes back with errors. */
  values?: RegistrationFormValues;
  /** What to correct, when the form comes back refused. */
  problems?: FormProblems;
};

function when(date: Date, zone: string, lang: Lang): string {
  return formatDayTime(date, zone, lang);
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

/**
 * The registration section of an event page: seats, the window's state and (when open) the
 * form, which posts to /events/:slug/register and works without JavaScript.
 */
export function RegistrationPanel(props: RegistrationPanelProps) {
  const { t, lang, event, state } = props;
  const values = props.values ?? {};
  const errors = props.problems?.errors ?? {};
  const full = props.seats.available === 0;
  const attendance = values.attendance || (full && !event.waitlist ? 'online' : 'in_person');
  const labels = {
    name: t('registration.name'),
    email: t('registration.email'),
    organization: t('registration.organization'),
    attendance: t('registration.attendance'),
    needs: t('registration.needs'),
    consent: t('registration.consentLabel'),
    followUp: t('registration.followUp'),
    ...Object.fromEntries(
      (props.questions ?? []).map((question) => [answerField(question), question.label]),
    ),
  };
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
          <ErrorSummary t={t} errors={errors} general={props.problems?.general} labels={labels} />
          {event.registrationClosesAt ? (
            <p class="meta">
              {t('registration.closesAt', {
                date: when(event.registrationClosesAt, event.timezone, lang),
              })}
            </p>
          ) : null}
          <div class="field">
            <label for={fieldId('name')}>{t('registration.name')}</label>
            <FieldMessages field="name" errors={errors} />
            <input
              id={fieldId('name')}
              name="name"
              required
              maxlength={200}
              autocomplete="name"
              value={values.name ?? ''}
              {...invalidAttrs('name', errors)}
            />
          </div>
          <EmailField label={t('registration.email')} value={values.email} errors={errors} />
          <div class="field">
            <label for={fieldId('organization')}>{t('registration.organization')}</label>
            <FieldMessages field="organization" errors={errors} />
            <input
              id={fieldId('organization')}
              name="organization"
              maxlength={200}
              autocomplete="organization"
              value={values.organization ?? ''}
              {...invalidAttrs('organization', errors)}
            />
          </div>
          <fieldset {...invalidAttrs('attendance', errors)}>
            <legend>{t('registration.attendance')}</legend>
            <FieldMessages field="attendance" errors={errors} />
            {attendanceValues.map((value, index) => (
              <label class="choice">
                <input
                  id={index === 0 ? fieldId('attendance') : undefined}
                  type="radio"
                  name="attendance"
                  value={value}
                  checked={attendance === value}
                  required
                />{' '}
                {t(`registration.attendance.${value}`)}
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for={fieldId('needs')}>{t('registration.needs')}</label>
            <FieldMessages field="needs" errors={errors} />
            <textarea
              id={fieldId('needs')}
              name="needs"
              maxlength={1000}
              rows={2}
              {...invalidAttrs('needs', errors)}
            >
              {values.needs ?? ''}
            </textarea>
          </div>
          <AnswerFields
            t={t}
            lang={lang}
            questions={props.questions ?? []}
            values={values.answers ?? {}}
            errors={errors}
          />
          <p class="hp" aria-hidden="true">
            <label for="reg-website">{t('registration.honeypot')}</label>
            <input id="reg-website" name="website" tabindex={-1} autocomplete="off" />
          </p>
          <div class="consent">
            <FieldMessages field="consent" errors={errors} />
            <label class="choice">
              <input
                id={fieldId('consent')}
                type="checkbox"
                name="consent"
                value="yes"
                required
                {...invalidAttrs('consent', errors)}
              />{' '}
              {t('registration.consent')} <a href="/privacy">{t('registration.privacyLink')}</a>
            </label>
          </div>
          <p>
            <label class="choice">
              <input type="checkbox" name="followUp" value="yes" checked={values.followUp} />{' '}
              {t('registration.followUp')}
            </label>
          </p>
          {props.preview ? <p class="notice">{t('registration.previewNote')}</p> : null}
          <p>
            <button type="submit" disabled={props.preview}>
              {t('registration.submit')}
            </button>
          </p>
        </form>
      ) : null}
    </section>
  );
}

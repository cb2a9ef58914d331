import { Layout, type PageContext } from '@views/shell/layout';
import type { RegistrationEvent, RegistrationRow } from '@/registrations/queries';
import type { Seats, WindowState } from '@/registrations/rules';
import type { FormProblems } from '@/platform/http/forms';
import type { RegistrationFormValues } from '@/registrations/forms';
import { formatRange } from '@/platform/time';
import { ErrorSummary } from '@views/shell/form';
import { RegistrationPanel } from './registration-panel';
import { AddToCalendarLinks } from '@/calendar';
import type { Confirmation } from '@/registrations/confirmation';
import type { LocalizedQuestion } from '@/questions';

/** Pages with a manage token in their address: not indexed, never sent on as a referrer. */
const privateHead = (
  <>
    <meta name="robots" content="noindex, nofollow" />
    <meta name="referrer" content="no-referrer" />
  </>
);

export type RegistrationOutcome = 'confirmed' | 'waitlisted' | 'refused' | 'duplicate' | 'received';

export function RegistrationResultPage(
  props: PageContext & {
    event: Pick<RegistrationEvent, 'slug' | 'title' | 'startsAt' | 'endsAt' | 'timezone'>;
    outcome: RegistrationOutcome;
    position?: number;
  },
) {
  const { t, event } = props;
  const message = {
    confirmed: t('registration.result.confirmed', { title: event.title }),
    waitlisted: t('registration.result.waitlisted', { position: props.position ?? 1 }),
    refused: t('registration.result.refused'),
    duplicate: t('registration.result.duplicate'),
    received: t('registration.result.emailSent'),
  }[props.outcome];
  const ok = props.outcome === 'confirmed' || props.outcome === 'received';
  return (
    <Layout {...props} title={t('registration.title')} head={privateHead}>
      <h1>{event.title}</h1>
      <p class="meta">{formatRange(event.startsAt, event.endsAt, event.timezone, props.lang)}</p>
      <p class={ok ? 'notice' : 'error-box'} role="status" data-outcome={props.outcome}>
        <strong>{message}</strong>
      </p>
      {props.outcome === 'confirmed' || props.outcome === 'waitlisted' ? (
        <p>{t('registration.result.emailSent')}</p>
      ) : null}
      <p>
        <a href={`/events/${event.slug}`}>{t('registration.result.backToEvent')}</a>
      </p>
    </Layout>
  );
}

/**
 * After registering (GET /events/:slug/registered): what, when, where, a seat or a place on the
 * waitlist, calendar links and what happens next. It holds no personal data and no manage
 * token: the manage link is in the email (see src/registrations/confirmation.ts).
 */
export function RegistrationConfirmedPage(
  props: PageContext & {
    event: Pick<
      RegistrationEvent,
      | 'slug'
      | 'title'
      | 'summary'
      | 'status'
      | 'startsAt'
      | 'endsAt'
      | 'timezone'
      | 'venueName'
      | 'venueAddress'
      | 'onlineUrl'
    >;
    confirmation: Confirmation;
  },
) {
  const { t, event, confirmation } = props;
  const headline =
    confirmation.as === 'waitlist'
      ? confirmation.position
        ? t('registration.confirmed.waitlist', { position: confirmation.position })
        : t('registration.confirmed.waitlistUnnumbered')
      : confirmation.as === 'online'
        ? t('registration.confirmed.online')
        : confirmation.as === 'seat'
          ? t('registration.confirmed.seat')
          : t('registration.confirmed.received');
  const place = [event.venueName, event.venueAddress].filter(Boolean).join(', ');
  return (
    <Layout {...props} title={t('registration.confirmed.title')} head={privateHead}>
      <h1>{t('registration.confirmed.title')}</h1>
      <p class="notice" role="status" data-confirmation={confirmation.as ?? 'received'}>
        <strong>{headline}</strong>
      </p>
      <h2>
        <a href={`/events/${event.slug}`}>{event.title}</a>
      </h2>
      <dl class="facts">
        <dt>{t('registration.confirmed.when')}</dt>
        <dd>{formatRange(event.startsAt, event.endsAt, event.timezone, props.lang)}</dd>
        {place ? (
          <>
            <dt>{t('registration.confirmed.where')}</dt>
            <dd>{place}</dd>
          </>
        ) : null}
        {event.onlineUrl ? (
          <>
            <dt>{t('registration.confirmed.onlineLabel')}</dt>
            <dd>{t('registration.confirmed.onlineWhere')}</dd>
          </>
        ) : null}
      </dl>
      {event.status === 'published' ? <AddToCalendarLinks ctx={props} event={event} /> : null}
      <h2>{t('registration.confirmed.next')}</h2>
      <ul>
        <li>{t('registration.confirmed.nextEmail')}</li>
        {confirmation.as === 'waitlist' ? (
          <li>{t('registration.confirmed.nextWaitlist')}</li>
        ) : null}
        <li>{t('registration.confirmed.nextReminder')}</li>
        <li>{t('registration.confirmed.nextNoEmail')}</li>
      </ul>
      <p>
        <a href={`/events/${event.slug}`}>{t('registration.result.backToEvent')}</a>
      </p>
    </Layout>
  );
}

export function RegistrationFormPage(
  props: PageContext & {
    event: RegistrationEvent;
    seats: Seats;
    state: WindowState;
    values: RegistrationFormValues;
    questions: LocalizedQuestion[];
    problems: FormProblems;
  },
) {
  return (
    <Layout {...props} title={props.event.title}>
      <h1>{props.event.title}</h1>
      <p class="meta">
        {formatRange(props.event.startsAt, props.event.endsAt, props.event.timezone, props.lang)}
      </p>
      <RegistrationPanel
        t={props.t}
        lang={props.lang}
        event={props.event}
        seats={props.seats}
        state={props.state}
        values={props.values}
        questions={props.questions}
        problems={props.problems}
      />
    </Layout>
  );
}

export function ManageRegistrationPage(
  props: PageContext & {
    token: string;
    event: RegistrationEvent;
    registration: RegistrationRow;
    waitlistPosition: number | null;
    canChange: boolean;
    notice?: string;
    /** The event's questions, in the reader's language: the person's answers are shown. */
    questions?: LocalizedQuestion[];
    /** A refused change (e.g. the seats are full), said at the top. */
    problems?: FormProblems;
  },
) {
  const { t, event, registration: r, token } = props;
  const other = r.attendance === 'in_person' ? 'online' : 'in_person';
  const status =
    r.status === 'waitlisted'
      ? t('registration.status.waitlisted', { position: props.waitlistPosition ?? 1 })
      : t(`registration.status.${r.status}`);
  return (
    <Layout {...props} title={t('registration.manage.title')} head={privateHead}>
      <h1>{t('registration.manage.title')}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <ErrorSummary t={t} errors={props.problems?.errors} general={props.problems?.general} />
      <h2>
        <a href={`/events/${event.slug}`}>{event.title}</a>
      </h2>
      <p class="meta">{formatRange(event.startsAt, event.endsAt, event.timezone, props.lang)}</p>
      {event.status === 'cancelled' ? (
        <p class="error-box">{t('registration.manage.eventCancelled')}</p>
      ) : null}
      <dl class="facts">
        <dt>{t('registration.manage.status')}</dt>
        <dd data-status={r.status}>{status}</dd>
        <dt>{t('registration.name')}</dt>
        <dd>{r.name}</dd>
        <dt>{t('registration.email')}</dt>
        <dd>{r.email}</dd>
        {r.organization ? (
          <>
            <dt>{t('registration.organization')}</dt>
            <dd>{r.organization}</dd>
          </>
        ) : null}
        <dt>{t('registration.attendance')}</dt>
        <dd>{t(`registration.attendance.${r.attendance}`)}</dd>
        {r.needs ? (
          <>
            <dt>{t('registration.needs')}</dt>
            <dd>{r.needs}</dd>
          </>
        ) : null}
        {(props.questions ?? []).map((question) => {
          const answer = (r.answers as Record<string, unknown> | null)?.[String(question.id)];
          if (answer === undefined || answer === null || answer === '') return null;
          const label = (value: string) =>
            question.options.find((option) => option.value === value)?.label ?? value;
          const shown =
            typeof answer === 'boolean'
              ? t(answer ? 'question.yes' : 'question.no')
              : Array.isArray(answer)
                ? answer.map((value) => label(String(value))).join(', ')
                : question.kind === 'choice'
                  ? label(String(answer))
                  : String(answer);
          const labelLang =
            question.labelLang && question.labelLang !== props.lang
              ? question.labelLang
              : undefined;
          return (
            <>
              <dt lang={labelLang}>{question.label}</dt>
              <dd>{shown}</dd>
            </>
          );
        })}
      </dl>
      {r.status !== 'cancelled' && props.canChange ? (
        <>
          <h2>{t('registration.manage.switch')}</h2>
          <form method="post" action={`/registrations/${token}/attendance`}>
            <input type="hidden" name="attendance" value={other} />
            <button type="submit">
              {t('registration.manage.switchTo', {
                attendance: t(`registration.attendance.${other}`),
              })}
            </button>
          </form>
        </>
      ) : null}
      {r.status !== 'cancelled' ? (
        <>
          <h2>{t('registration.manage.cancel')}</h2>
          <form method="post" action={`/registrations/${token}/cancel`}>
            <button type="submit" class="danger">
              {t('registration.manage.cancel')}
            </button>
          </form>
        </>
      ) : null}
      {r.status !== 'cancelled' ? (
        <>
          <h2>{t('registration.manage.calendar')}</h2>
          <p>{t('registration.manage.calendarHint')}</p>
          <form method="post" action={`/registrations/${token}/feed`}>
            <button type="submit">{t('registration.manage.calendarSend')}</button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}

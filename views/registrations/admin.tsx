import type { CurrentUser } from '@/platform/auth/auth';
import { answerText, type LocalizedQuestion } from '@/questions';
import { formatShortDate, formatTime } from '@/platform/time';
import type {
  RegistrationCounts,
  RegistrationEvent,
  RegistrationRow,
} from '@/registrations/queries';
import type { FormProblems } from '@/platform/http/forms';
import type { MessageFormValues } from '@/registrations/forms';
import {
  attendanceValues,
  registrationStatuses,
  type Attendance,
  type RegistrationStatus,
} from '@/registrations/rules';
import { audiences, type Audience, type SentMessage } from '@/registrations/participant-messages';
import { AdminLayout } from '@views/shell/admin-layout';
import { ErrorSummary, Field, FieldMessages, fieldId, invalidAttrs } from '@views/shell/form';
import type { PageContext } from '@views/shell/layout';

type AdminProps = PageContext & {
  user: CurrentUser;
  event: RegistrationEvent;
  rows: RegistrationRow[];
  counts: RegistrationCounts;
  /** A refused action (confirm, cancel, check in), said at the top. */
  problems?: FormProblems;
};

function Counts({ t, counts }: Pick<AdminProps, 't' | 'counts'>) {
  return (
    <p class="counts" data-counts="">
      {t('registration.admin.counts', {
        confirmed: counts.confirmed,
        inPerson: counts.inPerson,
        online: counts.online,
        waitlisted: counts.waitlisted,
        checkedIn: counts.checkedIn,
      })}
    </p>
  );
}

type Messaging = {
  sizes: Record<Audience, number>;
  sent: SentMessage[];
  values: MessageFormValues;
  problems?: FormProblems;
  notice?: string;
};

/** "Message the participants": the form (no JavaScript) and what was sent before. */
function MessageParticipants(
  props: PageContext & { event: RegistrationEvent; messaging: Messaging },
) {
  const { t, lang, event, messaging } = props;
  const { values } = messaging;
  const errors = messaging.problems?.errors ?? {};
  const chosen = values.audience || 'confirmed';
  return (
    <section id="messages" aria-labelledby="messages-title">
      <h2 id="messages-title">{t('registration.message.title')}</h2>
      {messaging.notice ? (
        <p class="notice" role="status">
          {messaging.notice}
        </p>
      ) : null}
      <p class="meta">{t('registration.message.hint')}</p>
      <ErrorSummary
        t={t}
        errors={errors}
        general={messaging.problems?.general}
        labels={{
          audience: t('registration.message.audience'),
          subject: t('registration.message.subject'),
          body: t('registration.message.body'),
        }}
      />
      <form method="post" action={`/admin/events/${event.slug}/messages`} class="form">
        <fieldset {...invalidAttrs('audience', errors)}>
          <legend>{t('registration.message.audience')}</legend>
          <FieldMessages field="audience" errors={errors} />
          {audiences.map((audience, index) => (
            <label>
              <input
                id={index === 0 ? fieldId('audience') : undefined}
                type="radio"
                name="audience"
                value={audience}
                checked={chosen === audience}
              />{' '}
              {t(`registration.message.audience.${audience}`, {
                count: messaging.sizes[audience],
              })}
            </label>
          ))}
        </fieldset>
        <Field name="subject" label={t('registration.message.subject')} errors={errors}>
          <input
            id={fieldId('subject')}
            name="subject"
            required
            maxlength={200}
            value={values.subject ?? ''}
            {...invalidAttrs('subject', errors)}
          />
        </Field>
        <Field name="body" label={t('registration.message.body')} errors={errors}>
          <textarea
            id={fieldId('body')}
            name="body"
            rows={8}
            required
            maxlength={10000}
            {...invalidAttrs('body', errors)}
          >
            {values.body ?? ''}
          </textarea>
        </Field>
        <button class="button" type="submit">
          {t('registration.message.send')}
        </button>
      </form>
      <h3>{t('registration.message.history')}</h3>
      {messaging.sent.length === 0 ? (
        <p>{t('registration.message.none')}</p>
      ) : (
        <ul class="sent-messages">
          {messaging.sent.map((message) => (
            <li>
              <details>
                <summary>
                  {formatShortDate(message.createdAt, event.timezone, lang)}{' '}
                  {formatTime(message.createdAt, event.timezone, lang)} · {message.subject} ·{' '}
                  {t('registration.message.recipients', { count: message.recipients })}
                </summary>
                <p class="meta">
                  {t(`registration.message.audience.${message.audience}`, {
                    count: message.recipients,
                  })}
                </p>
                <pre class="mail-text">{message.body}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The organizer's list: filters, counts, manual confirm/cancel, CSV, the check-in link and messages. */
export function RegistrationsAdminPage(
  props: AdminProps & {
    filter: { status?: RegistrationStatus; attendance?: Attendance };
    messaging: Messaging;
    questions: LocalizedQuestion[];
  },
) {
  const { t, lang, event, rows, filter } = props;
  const base = `/admin/events/${event.slug}/registrations`;
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.attendance) query.set('attendance', filter.attendance);
  const csvHref = `${base}.csv${query.size ? `?${query}` : ''}`;
  return (
    <AdminLayout {...props} title={t('registration.admin.title', { title: event.title })}>
      <h1>{t('registration.admin.title', { title: event.title })}</h1>
      <ErrorSummary t={t} errors={props.problems?.errors} general={props.problems?.general} />
      <Counts t={t} counts={props.counts} />
      <p>
        <a href={`/admin/events/${event.slug}/check-in`}>{t('registration.admin.checkInLink')}</a>
        {' · '}
        <a href={csvHref}>{t('registration.admin.csv')}</a>
      </p>
      <form method="get" action={base} class="filters">
        <label>
          {t('registration.admin.status')}{' '}
          <select name="status">
            <option value="">{t('registration.admin.all')}</option>
            {registrationStatuses.map((status) => (
              <option value={status} selected={filter.status === status}>
                {t(`registration.admin.status.${status}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('registration.attendance')}{' '}
          <select name="attendance">
            <option value="">{t('registration.admin.all')}</option>
            {attendanceValues.map((value) => (
              <option value={value} selected={filter.attendance === value}>
                {t(`registration.attendance.${value}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">{t('registration.admin.filter')}</button>
      </form>
      {rows.length === 0 ? (
        <p>{t('registration.admin.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('registration.name')}</th>
                <th scope="col">{t('registration.email')}</th>
                <th scope="col">{t('registration.attendance')}</th>
                <th scope="col">{t('registration.admin.status')}</th>
                <th scope="col">{t('registration.needs')}</th>
                {props.questions.map((question) => (
                  <th scope="col">
                    {question.label}
                    {question.sensitive ? (
                      <span class="meta" title={t('question.sensitive')}>
                        {' '}
                        *
                      </span>
                    ) : null}
                  </th>
                ))}
                <th scope="col">{t('registration.admin.registeredAt')}</th>
                <th scope="col">{t('registration.admin.checkedIn')}</th>
                <th scope="col">{t('registration.admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr id={`r${row.id}`} data-status={row.status}>
                  <td>
                    {row.anonymizedAt ? t('registration.admin.anonymized') : row.name}
                    {row.organization ? <div class="meta">{row.organization}</div> : null}
                  </td>
                  <td>{row.email}</td>
                  <td>{t(`registration.attendance.${row.attendance}`)}</td>
                  <td>{t(`registration.admin.status.${row.status}`)}</td>
                  <td>{row.needs}</td>
                  {props.questions.map((question) => (
                    <td>
                      {answerText(question, row.answers[String(question.id)], {
                        yes: t('question.yes'),
                        no: t('question.no'),
                      })}
                    </td>
                  ))}
                  <td>
                    {formatShortDate(row.createdAt, event.timezone, lang)}{' '}
                    {formatTime(row.createdAt, event.timezone, lang)}
                  </td>
                  <td>
                    {row.checkedInAt ? formatTime(row.checkedInAt, event.timezone, lang) : ''}
                  </td>
                  <td>
                    {row.status === 'waitlisted' ? (
                      <form method="post" action={`${base}/${row.id}/promote`} class="inline">
                        <button type="submit">{t('registration.admin.promote')}</button>
                      </form>
                    ) : null}
                    {row.status !== 'cancelled' ? (
                      <form method="post" action={`${base}/${row.id}/cancel`} class="inline">
                        <button type="submit" class="danger">
                          {t('registration.admin.cancel')}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <MessageParticipants {...props} />
    </AdminLayout>
  );
}

/**
 * Check-in on the day: big buttons, search by name, one form per person (no JavaScript).
 * After a tick the page comes back to the same search and scrolls to the person.
 */
export function CheckInPage(props: AdminProps & { q: string }) {
  const { t, lang, event, rows, q } = props;
  const action = (id: number) => `/admin/events/${event.slug}/registrations/${id}/check-in`;
  return (
    <AdminLayout {...props} title={t('registration.checkin.title', { title: event.title })}>
      <h1>{t('registration.checkin.title', { title: event.title })}</h1>
      <ErrorSummary t={t} errors={props.problems?.errors} general={props.problems?.general} />
      <p class="counts" data-counts="">
        {t('registration.checkin.count', {
          checkedIn: props.counts.checkedIn,
          confirmed: props.counts.confirmed,
        })}
      </p>
      <form method="get" action={`/admin/events/${event.slug}/check-in`} class="checkin-search">
        <label for="checkin-q">{t('registration.checkin.search')}</label>
        <input id="checkin-q" name="q" type="search" value={q} autocomplete="off" autofocus />
        <button type="submit">{t('registration.checkin.searchButton')}</button>
      </form>
      <ul class="checkin">
        {rows.map((row) => (
          <li id={`r${row.id}`} class={row.checkedInAt ? 'arrived' : undefined}>
            <span class="who">
              <strong>{row.anonymizedAt ? t('registration.admin.anonymized') : row.name}</strong>
              <span class="meta">
                {' '}
                {t(`registration.attendance.${row.attendance}`)}
                {row.organization ? ` · ${row.organization}` : ''}
                {row.checkedInAt
                  ? ` · ${t('registration.checkin.arrivedAt', { time: formatTime(row.checkedInAt, event.timezone, lang) })}`
                  : ''}
              </span>
            </span>
            <form method="post" action={action(row.id)}>
              <input type="hidden" name="q" value={q} />
              <input type="hidden" name="arrived" value={row.checkedInAt ? 'no' : 'yes'} />
              <button type="submit" class={row.checkedInAt ? 'secondary' : undefined}>
                {row.checkedInAt
                  ? t('registration.checkin.undo')
                  : t('registration.checkin.arrived')}
              </button>
            </form>
          </li>
        ))}
      </ul>
      {rows.length === 0 ? <p>{t('registration.admin.none')}</p> : null}
    </AdminLayout>
  );
}

/** The message as it will be sent, on the page that asks to confirm sending it. */
export function MessagePreview(props: { t: PageContext['t']; subject: string; body: string }) {
  return (
    <blockquote class="message-preview">
      <p>
        <strong>
          {props.t('registration.message.subject')}: {props.subject}
        </strong>
      </p>
      {props.body.split(/\r?\n\s*\r?\n/).map((paragraph) => (
        <p>
          {paragraph.split(/\r?\n/).map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ))}
    </blockquote>
  );
}

import type { CurrentUser } from '@/platform/auth/auth';
import type { ManagedEvent } from '@/events';
import type { Dashboard } from '@/dashboard/load';
import { CLOSING_SOON_DAYS, ENDED_DAYS, UPCOMING_DAYS } from '@/dashboard/rules';
import { formatRange, formatShortDate } from '@/platform/time';
import type { PageContext } from '@views/shell/layout';
import { AdminLayout } from '@views/shell/admin-layout';
import { langOf } from '@views/shell/content';
import { contentLang } from '@/platform/i18n/content';

export type DashboardPageProps = PageContext & Dashboard & { user: CurrentUser };

function StatusBadge(props: PageContext & { status: ManagedEvent['status'] }) {
  const { t, status } = props;
  if (status === 'published') return null;
  return (
    <span class={status === 'cancelled' ? 'badge cancelled' : 'badge'}>
      {t(`admin.events.status.${status}`)}
    </span>
  );
}

function Upcoming(props: DashboardPageProps) {
  const { t, lang } = props;
  if (props.upcoming.length === 0) {
    return <p>{t('dashboard.noUpcoming', { days: UPCOMING_DAYS })}</p>;
  }
  return (
    <ul class="admin-upcoming">
      {props.upcoming.map((event) => {
        const counts = [
          event.capacity === null
            ? t('dashboard.seatsUnlimited', { confirmed: event.confirmedInPerson })
            : t('dashboard.seats', {
                confirmed: event.confirmedInPerson,
                capacity: event.capacity,
              }),
          ...(event.confirmedOnline > 0
            ? [t('dashboard.online', { count: event.confirmedOnline })]
            : []),
          t('dashboard.waitlist', { count: event.waitlisted }),
        ].join(', ');
        return (
          <li>
            <a href={`/admin/events/${event.slug}`}>{event.title}</a>
            <br />
            <span class="meta">
              {formatRange(event.startsAt, event.endsAt, event.timezone, lang)} ·{' '}
              {t(`admin.events.status.${event.status}`)} ·{' '}
              <a href={`/admin/events/${event.slug}/registrations`}>{counts}</a>
            </span>
            {event.warnings.length > 0 ? (
              <>
                <br />
                <span class="visually-hidden">{t('dashboard.warnings')} </span>
                {event.warnings.map((warning) => (
                  <>
                    <span class="badge warning">
                      {t(`dashboard.warning.${warning}`, { days: CLOSING_SOON_DAYS })}
                    </span>{' '}
                  </>
                ))}
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function Awaiting(props: DashboardPageProps) {
  const { t, lang } = props;
  if (props.awaiting.length === 0) return <p>{t('dashboard.noAwaiting')}</p>;
  return (
    <ul class="admin-awaiting">
      {props.awaiting.map((event) => (
        <li>
          <a href={`/admin/events/${event.slug}`}>{event.title}</a>{' '}
          <span class="meta">
            {t('dashboard.ended', {
              when: formatShortDate(event.endsAt, event.timezone, lang),
            })}
          </span>
          {/* Both pages a click away whatever is missing: a recording's chapters and captions
              are then two clicks from the dashboard. */}
          {' · '}
          <a href={`/admin/events/${event.slug}/recordings`}>
            {event.hasRecording ? t('admin.events.recordings') : t('dashboard.noRecording')}
          </a>
          {' · '}
          <a href={`/admin/events/${event.slug}/outcomes`}>
            {event.hasOutcome ? t('admin.events.outcomes') : t('dashboard.noOutcome')}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function DashboardPage(props: DashboardPageProps) {
  const { t, user, lang } = props;
  return (
    <AdminLayout {...props} title={t('dashboard.title')}>
      <h1>{t('dashboard.welcome', { name: user.name })}</h1>
      <p>
        {user.role === 'admin'
          ? t('dashboard.scopeAll')
          : props.municipalities.length > 0
            ? t('dashboard.scope', { municipalities: props.municipalities.join(', ') })
            : t('dashboard.scopeNone')}
      </p>
      {props.failedEmails === null ? null : (
        <p class="admin-outbox">
          {t('dashboard.outbox')}:{' '}
          {props.failedEmails > 0 ? (
            <a href="/admin/outbox?status=failed">
              {t('dashboard.failedEmails', { count: props.failedEmails })}
            </a>
          ) : (
            t('dashboard.noFailedEmails')
          )}
        </p>
      )}
      <h2>{t('dashboard.upcoming', { days: UPCOMING_DAYS })}</h2>
      <Upcoming {...props} />
      <h2>{t('dashboard.awaiting', { days: ENDED_DAYS })}</h2>
      <Awaiting {...props} />
      <h2>{t('dashboard.plans')}</h2>
      {props.plans.length === 0 ? (
        <p>{t('dashboard.noPlans')}</p>
      ) : (
        <ul class="admin-plans">
          {props.plans.map((plan) => {
            const overdue = props.overdue.get(plan.id) ?? 0;
            return (
              <li>
                <a
                  href={`/admin/plans/${plan.id}`}
                  lang={langOf(contentLang(plan.originalLang), lang)}
                >
                  {plan.title}
                </a>{' '}
                <span class="meta">
                  {plan.municipality} · {plan.periodStart.slice(0, 4)}–{plan.periodEnd.slice(0, 4)}{' '}
                  · {t(`dashboard.plan.status.${plan.status}`)}
                </span>
                {plan.status === 'draft' ? null : overdue > 0 ? (
                  <>
                    {' '}
                    <span class="badge warning">{t('dashboard.overdue', { count: overdue })}</span>
                  </>
                ) : (
                  <span class="meta"> · {t('dashboard.noOverdue')}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h2>{t('dashboard.events')}</h2>
      {props.events.length === 0 ? (
        <p>{t('dashboard.noEvents')}</p>
      ) : (
        <ul class="admin-events">
          {props.events.map((event) => (
            <li>
              <a href={`/admin/events/${event.slug}`}>{event.title}</a>{' '}
              <span class="meta">
                {formatRange(event.startsAt, event.endsAt, event.timezone, lang)}
              </span>{' '}
              <StatusBadge {...props} status={event.status} />
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  );
}

import type { CurrentUser } from '../../src/accounts/auth';
import type { DashboardEvent, DashboardPlan } from '../../src/accounts/dashboard';
import { formatRange } from '../../src/lib/time';
import type { PageContext } from '../layout';
import { AdminLayout } from './admin-layout';

export type DashboardPageProps = PageContext & {
  user: CurrentUser;
  municipalities: string[];
  events: DashboardEvent[];
  plans: DashboardPlan[];
};

export function DashboardPage(props: DashboardPageProps) {
  const { t, user, lang } = props;
  return (
    <AdminLayout {...props} title={t('accounts.dashboard.title')}>
      <h1>{t('accounts.dashboard.welcome', { name: user.name })}</h1>
      <p>
        {user.role === 'admin'
          ? t('accounts.dashboard.scopeAll')
          : props.municipalities.length > 0
            ? t('accounts.dashboard.scope', { municipalities: props.municipalities.join(', ') })
            : t('accounts.dashboard.scopeNone')}
      </p>
      <h2>{t('accounts.dashboard.events')}</h2>
      {props.events.length === 0 ? (
        <p>{t('accounts.dashboard.noEvents')}</p>
      ) : (
        <ul class="admin-events">
          {props.events.map((event) => (
            <li>
              <a href={`/events/${event.slug}`}>{event.title}</a>{' '}
              <span class="meta">
                {formatRange(event.startsAt, event.endsAt, event.timezone, lang)}
              </span>{' '}
              {event.status === 'draft' ? (
                <span class="badge">{t('event.status.draft')}</span>
              ) : event.status === 'cancelled' ? (
                <span class="badge cancelled">{t('event.status.cancelled')}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('accounts.dashboard.plans')}</h2>
      {props.plans.length === 0 ? (
        <p>{t('accounts.dashboard.noPlans')}</p>
      ) : (
        <ul class="admin-plans">
          {props.plans.map((plan) => (
            <li>
              <a href={`/plans/${plan.id}`}>{plan.title}</a>{' '}
              <span class="meta">
                {plan.municipality} · {plan.periodStart.slice(0, 4)}–{plan.periodEnd.slice(0, 4)} ·{' '}
                {t(`accounts.plan.status.${plan.status}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  );
}

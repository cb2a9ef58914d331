import type { CurrentUser } from '@/platform/auth/auth';
import type { ManagedEvent } from '@/events/attention';
import { formatRange } from '@/platform/time';
import { AdminLayout } from '@views/shell/admin-layout';
import type { PageContext } from '@views/shell/layout';

export function AdminEventsPage(
  props: PageContext & { user: CurrentUser; events: ManagedEvent[] },
) {
  const { t, lang } = props;
  return (
    <AdminLayout {...props} title={t('admin.events.title')}>
      <h1>{t('admin.events.title')}</h1>
      <p>
        <a class="button" href="/admin/events/new">
          {t('admin.events.new')}
        </a>
      </p>
      {props.events.length === 0 ? (
        <p>{t('admin.events.none')}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.event.field.title')}</th>
              <th scope="col">{t('event.when')}</th>
              <th scope="col">{t('admin.events.status')}</th>
            </tr>
          </thead>
          <tbody>
            {props.events.map((event) => (
              <tr>
                <td>
                  <a href={`/admin/events/${event.slug}`}>{event.title}</a>
                  <div class="meta">
                    <a href={`/admin/events/${event.slug}/agenda`}>{t('admin.events.agenda')}</a> ·{' '}
                    <a href={`/admin/events/${event.slug}/registrations`}>
                      {t('admin.events.registrations')}
                    </a>{' '}
                    ·{' '}
                    <a href={`/admin/events/${event.slug}/recordings`}>
                      {t('admin.events.recordings')}
                    </a>{' '}
                    ·{' '}
                    <a href={`/admin/events/${event.slug}/outcomes`}>
                      {t('admin.events.outcomes')}
                    </a>
                  </div>
                </td>
                <td>{formatRange(event.startsAt, event.endsAt, event.timezone, lang)}</td>
                <td>{t(`admin.events.status.${event.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

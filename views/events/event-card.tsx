import type { EventSummary } from '@/events/queries';
import { formatRange } from '@/platform/time';
import type { PageContext } from '@views/shell/layout';

export function EventCard({ event, ctx }: { event: EventSummary; ctx: PageContext }) {
  const { t, lang } = ctx;
  return (
    <li class="card">
      <p class="meta">
        {t(`event.kind.${event.kind}`)}
        {event.status === 'cancelled' ? (
          <>
            {' '}
            <span class="badge cancelled">{t('event.status.cancelled')}</span>
          </>
        ) : null}
      </p>
      <h3>
        <a href={`/events/${event.slug}`}>{event.title}</a>
      </h3>
      <p class="meta">
        <time datetime={event.startsAt.toISOString()}>
          {formatRange(event.startsAt, event.endsAt, event.timezone, lang)}
        </time>
      </p>
      {event.hosts.length > 0 ? (
        <p class="meta">
          {t('event.hostedBy', { hosts: event.hosts.map((h) => h.name).join(', ') })}
        </p>
      ) : null}
    </li>
  );
}

import type { EventSummary } from '@/events/queries';
import { localizeEvent } from '@/events/content';
import { formatWhen } from '@/platform/time';
import { Icon } from '@views/shell/icons';
import type { PageContext } from '@views/shell/layout';
import { Picture } from '@/documents';
import { DateBadge } from './date-badge';

export function EventCard({
  event: stored,
  ctx,
  now,
}: {
  event: EventSummary;
  ctx: PageContext;
  /** The page's moment: years of this year are left out, past events look past. */
  now?: Date;
}) {
  const { t, lang } = ctx;
  now ??= ctx.now;
  const event = localizeEvent(stored, lang);
  const textLang = event.contentLang !== lang ? event.contentLang : undefined;
  const cancelled = event.status === 'cancelled';
  const past = now ? event.endsAt <= now : false;
  return (
    <li
      class={`card event-card${cancelled ? ' cancelled' : ''}${event.image ? ' with-image' : ''}`}
    >
      {event.image ? (
        <Picture
          image={event.image}
          widths={[320, 640]}
          sizes="(min-width: 40rem) 22rem, 100vw"
          class="event-card-image"
          lazy
        />
      ) : null}
      <DateBadge date={event.startsAt} zone={event.timezone} lang={lang} now={now} past={past} />
      <div class="body">
        <p class="kind">
          <Icon name={event.kind} />
          {t(`event.kind.${event.kind}`)}
          {cancelled ? <span class="badge cancelled">{t('event.status.cancelled')}</span> : null}
        </p>
        <h3 lang={textLang}>
          <a href={`/events/${event.slug}`}>{event.title}</a>
        </h3>
        <p class="meta">
          <time datetime={event.startsAt.toISOString()}>
            {formatWhen(event.startsAt, event.endsAt, event.timezone, lang, { now })}
          </time>
        </p>
        {event.venueName ? <p class="meta">{event.venueName}</p> : null}
        {event.hosts.length > 0 ? (
          <p class="meta">
            {t('event.hostedBy', { hosts: event.hosts.map((h) => h.name).join(', ') })}
          </p>
        ) : null}
      </div>
    </li>
  );
}

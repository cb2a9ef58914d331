import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { scriptSafeJson } from '@/events/json-ld';
import type { AgendaItemRow, StoredEvent } from '@/events/reads';
import { renderMarkdown } from '@/platform/markdown';
import { formatRange, formatTime } from '@/platform/time';
import { Layout, type PageContext } from '@views/shell/layout';

export type EventPageProps = PageContext & {
  event: StoredEvent;
  agenda: AgendaItemRow[];
  jsonLd: unknown;
  /** Sections other features contribute, in page order. */
  registration?: Child;
  media?: Child;
  calendar?: Child;
  outcomes?: Child;
  /** The oEmbed address for the head, and the embed snippets (src/embeds). */
  oembed?: string;
  embed?: Child;
};

export function mapUrl(
  event: Pick<StoredEvent, 'venueLat' | 'venueLon' | 'venueName' | 'venueAddress'>,
) {
  if (event.venueLat !== null && event.venueLon !== null) {
    return `https://www.openstreetmap.org/?mlat=${event.venueLat}&mlon=${event.venueLon}#map=17/${event.venueLat}/${event.venueLon}`;
  }
  const query = [event.venueName, event.venueAddress].filter(Boolean).join(', ');
  return query ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}` : null;
}

function Agenda({ props }: { props: EventPageProps }) {
  const { t, lang, event, agenda } = props;
  if (agenda.length === 0) return <p>{t('event.agendaEmpty')}</p>;
  return (
    <table class="agenda">
      <caption class="visually-hidden">{t('event.agenda')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('event.agenda.time')}</th>
          <th scope="col">{t('event.agenda.item')}</th>
        </tr>
      </thead>
      <tbody>
        {agenda.map((item) => (
          <tr id={`agenda-${item.id}`} class={`agenda-${item.kind}`}>
            <td class="agenda-time">
              <time datetime={item.startsAt.toISOString()}>
                {formatTime(item.startsAt, event.timezone, lang)}
              </time>
              –
              <time datetime={item.endsAt.toISOString()}>
                {formatTime(item.endsAt, event.timezone, lang)}
              </time>
            </td>
            <td>
              <strong>{item.title}</strong>{' '}
              <span class="meta">({t(`event.agenda.kind.${item.kind}`)})</span>
              {item.speakers.length > 0 ? (
                <div class="meta">
                  {t('event.agenda.speakers')}: {item.speakers.join(', ')}
                </div>
              ) : null}
              {item.room ? (
                <div class="meta">
                  {t('event.agenda.room')}: {item.room}
                </div>
              ) : null}
              {item.description ? <div>{raw(renderMarkdown(item.description))}</div> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EventPage(props: EventPageProps) {
  const { t, lang, event } = props;
  const url = `${props.publicUrl}/events/${event.slug}`;
  const map = mapUrl(event);
  const head = (
    <>
      <meta property="og:type" content="website" />
      <meta property="og:title" content={event.title} />
      {event.summary ? <meta property="og:description" content={event.summary} /> : null}
      <meta property="og:url" content={url} />
      <meta property="og:locale" content={lang === 'et' ? 'et_EE' : 'en_GB'} />
      <script type="application/ld+json">{raw(scriptSafeJson(props.jsonLd))}</script>
    </>
  );
  return (
    <Layout
      {...props}
      title={event.title}
      description={event.summary ?? undefined}
      canonicalPath={`/events/${event.slug}`}
      head={head}
    >
      <article class="event">
        <p class="meta">
          {t(`event.kind.${event.kind}`)}
          {event.status === 'cancelled' ? (
            <>
              {' '}
              <span class="badge cancelled">{t('event.status.cancelled')}</span>
            </>
          ) : null}
        </p>
        <h1>{event.title}</h1>
        {event.status === 'cancelled' ? (
          <div class="error-box" role="status">
            <p>
              <strong>{t('event.cancelled')}</strong>
            </p>
            {event.cancelReason ? (
              <p>{t('event.cancelReason', { reason: event.cancelReason })}</p>
            ) : null}
          </div>
        ) : null}
        {event.summary ? <p class="lead">{event.summary}</p> : null}
        <dl class="facts">
          <dt>{t('event.when')}</dt>
          <dd>
            <time datetime={event.startsAt.toISOString()}>
              {formatRange(event.startsAt, event.endsAt, event.timezone, lang)}
            </time>
            <br />
            <span class="meta">{t('event.timezone', { zone: event.timezone })}</span>
          </dd>
          {event.venueName ? (
            <>
              <dt>{t('event.where')}</dt>
              <dd>
                {event.venueName}
                {event.venueAddress ? `, ${event.venueAddress}` : ''}
                {map ? (
                  <>
                    {' '}
                    <a class="no-print" href={map} rel="noopener">
                      {t('event.map')}
                    </a>
                  </>
                ) : null}
              </dd>
            </>
          ) : null}
          {event.onlineUrl ? (
            <>
              <dt>{t('event.online')}</dt>
              <dd>
                <a href={event.onlineUrl} rel="noopener nofollow">
                  {t('event.onlineLink')}
                </a>
              </dd>
            </>
          ) : null}
          <dt>{t('event.hosts')}</dt>
          <dd>
            {event.hosts.map((host, index) => (
              <>
                {index > 0 ? ', ' : ''}
                <a href={`/municipalities/${host.slug}`}>{host.name}</a>
              </>
            ))}
          </dd>
        </dl>
        {/* Printing gives a one-page agenda: the interactive sections stay on screen. */}
        <div class="no-print">
          {props.registration}
          {props.calendar}
        </div>
        <section aria-labelledby="agenda">
          <h2 id="agenda">{t('event.agenda')}</h2>
          <Agenda props={props} />
        </section>
        {event.description ? (
          <section aria-labelledby="about" class="no-print">
            <h2 id="about">{t('event.about')}</h2>
            {raw(renderMarkdown(event.description))}
          </section>
        ) : null}
        <div class="no-print">
          {props.media}
          {props.outcomes}
        </div>
      </article>
      {props.embed}
    </Layout>
  );
}

import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { scriptSafeJson } from '@/events/json-ld';
import type { AgendaItemRow, StoredEvent } from '@/events/reads';
import { renderMarkdown } from '@/platform/markdown';
import type { EventPhase } from '@/events/present';
import { formatClock, formatDayTime, formatWhen, zoneLabel } from '@/platform/time';
import type { Lang } from '@/platform/i18n';
import { Icon } from '@views/shell/icons';
import { Layout, type PageContext } from '@views/shell/layout';
import { DateBadge } from './date-badge';

export type EventPageProps = PageContext & {
  event: StoredEvent;
  /** The language of the event's texts as shown: the reader's, or the original's. */
  contentLang?: Lang;
  /** Said when the texts are the original, not the reader's language ("оригинал на эстонском"). */
  originalNote?: string;
  /** Each text's own language when it differs per field (a page translated only in part). */
  textLangs?: Partial<Record<'summary' | 'description' | 'venueName', Lang>>;
  /** The agenda in time order (`titleLang`: the shown title's language, if not the original's). */
  agenda: (AgendaItemRow & { titleLang?: Lang })[];
  /** Where the event stands: the page leads with what matters in that phase. */
  phase: EventPhase;
  jsonLd: unknown;
  /** An organizer's preview of the page (a draft too): marked as such and not indexed. */
  preview?: boolean;
  /** The agenda item on now, while the event is live. */
  currentItemId?: number | null;
  /** The start before the event was postponed, while it is still ahead. */
  previousStartsAt?: Date | null;
  /** Seats in person, shown before the event (none: not shown). */
  seats?: { capacity: number | null; available: number | null };
  /** The Register action leads to the form (only while registration is open). */
  registrationOpen?: boolean;
  /** Sections other features contribute. */
  registration?: Child;
  media?: Child;
  calendar?: Child;
  outcomes?: Child;
  /** The event's published documents ("Materjalid", src/documents), after the agenda. */
  materials?: Child;
  /** Its picture (its first published photo, src/documents), below the head and its actions. */
  picture?: Child;
  /** Following the event's series by email (src/follows), last on the page. */
  follow?: Child;
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

/** `lang` for a text in `textLang`, when that is not the page's language (else none). */
function otherLang(textLang: string | undefined, pageLang: Lang): string | undefined {
  return textLang && textLang !== pageLang ? textLang : undefined;
}

/** A field's language: its own when known, else the title's. */
function fieldLang(props: EventPageProps, field: 'summary' | 'description' | 'venueName') {
  return otherLang(props.textLangs?.[field] ?? props.contentLang, props.lang);
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
          <tr
            id={`agenda-${item.id}`}
            class={`agenda-${item.kind}${item.id === props.currentItemId ? ' current' : ''}`}
            aria-current={item.id === props.currentItemId ? 'time' : undefined}
          >
            <td class="agenda-time">
              <time datetime={item.startsAt.toISOString()}>
                {formatClock(item.startsAt, event.timezone, lang)}
              </time>
              –
              <time datetime={item.endsAt.toISOString()}>
                {formatClock(item.endsAt, event.timezone, lang)}
              </time>
            </td>
            <td>
              <strong lang={otherLang(item.titleLang ?? item.originalLang, lang)}>
                {item.title}
              </strong>{' '}
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
              {item.description ? (
                <div lang={otherLang(item.originalLang, lang)}>
                  {raw(renderMarkdown(item.description))}
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SeatsLeft({ props }: { props: EventPageProps }) {
  const { t, seats, event } = props;
  if (!seats || seats.capacity === null || seats.available === null) return null;
  const text =
    seats.available > 1
      ? t('event.seatsLeft', { count: seats.available })
      : seats.available === 1
        ? t('event.seatsLeftOne')
        : event.waitlist
          ? t('event.seatsFullWaitlist')
          : t('event.seatsFull');
  return (
    <span class="seats-left">
      <Icon name="seat" /> {text}
    </span>
  );
}

function AgendaSection({ props }: { props: EventPageProps }) {
  const { t } = props;
  return (
    <section aria-labelledby="agenda" class="phase-section">
      <h2 id="agenda">{t('event.agenda')}</h2>
      <Agenda props={props} />
      {props.materials}
    </section>
  );
}

function About({ props }: { props: EventPageProps }) {
  const { t, event } = props;
  if (!event.description) return null;
  return (
    <section aria-labelledby="about" class="no-print phase-section">
      <h2 id="about">{t('event.about')}</h2>
      <div lang={fieldLang(props, 'description')}>{raw(renderMarkdown(event.description))}</div>
    </section>
  );
}

/**
 * The event page follows the event's phase: before it, the date, place, seats and one Register
 * action and one calendar menu; while it runs, the player and the item on now; after it, what
 * came of it, then the recording, then the agenda; cancelled, a banner and nothing to act on.
 */
export function EventPage(props: EventPageProps) {
  const { t, lang, event, phase } = props;
  const url = `${props.publicUrl}/events/${event.slug}`;
  const map = phase === 'cancelled' ? null : mapUrl(event);
  const originalNote = <p class="meta original-note">{props.originalNote}</p>;
  const current = props.agenda.find((item) => item.id === props.currentItemId) ?? null;
  const head = (
    <>
      <meta property="og:type" content="website" />
      <meta property="og:title" content={event.title} />
      {event.summary ? <meta property="og:description" content={event.summary} /> : null}
      <meta property="og:url" content={url} />
      <meta property="og:locale" content={{ et: 'et_EE', ru: 'ru_RU', en: 'en_GB' }[lang]} />
      {props.preview ? (
        <meta name="robots" content="noindex, nofollow" />
      ) : (
        <script type="application/ld+json">{raw(scriptSafeJson(props.jsonLd))}</script>
      )}
    </>
  );
  const joinLink =
    event.onlineUrl && (phase === 'before' || phase === 'live') ? (
      <a href={event.onlineUrl} rel="noopener nofollow">
        {t('event.onlineLink')}
      </a>
    ) : null;
  return (
    <Layout
      {...props}
      title={event.title}
      description={event.summary ?? undefined}
      canonicalPath={`/events/${event.slug}`}
      head={head}
    >
      {props.preview ? (
        <div class="banner warn preview-banner" role="status">
          <p class="banner-title">{t('event.preview.title')}</p>
          <p>
            {t(event.status === 'draft' ? 'event.preview.draft' : 'event.preview.published')}{' '}
            <a href={`/admin/events/${event.slug}`}>{t('event.preview.back')}</a>
          </p>
        </div>
      ) : null}
      <article class={`event phase-${phase}`} data-phase={phase}>
        {/* A cancelled or moved event says so before anything else. */}
        {phase === 'cancelled' ? (
          <div class="banner danger" role="status">
            <p class="banner-title">{t('event.cancelled')}</p>
            {event.cancelReason ? (
              <p>{t('event.cancelReason', { reason: event.cancelReason })}</p>
            ) : null}
            <p>{t('event.cancelledNote')}</p>
          </div>
        ) : null}
        {props.previousStartsAt ? (
          <div class="banner warn" role="status">
            <p class="banner-title">{t('event.postponed')}</p>
            <p>
              {t('event.postponedFrom', {
                when: formatDayTime(props.previousStartsAt, event.timezone, lang, {
                  now: props.now,
                }),
              })}
            </p>
          </div>
        ) : null}

        <header class="event-head">
          <DateBadge
            date={event.startsAt}
            zone={event.timezone}
            lang={lang}
            now={props.now}
            past={phase === 'after'}
            large
          />
          <div>
            <p class="kind">
              <Icon name={event.kind} />
              {t(`event.kind.${event.kind}`)}
              {phase === 'cancelled' ? (
                <span class="badge cancelled">{t('event.status.cancelled')}</span>
              ) : null}
              {phase === 'live' ? <span class="badge live">{t('event.liveNow')}</span> : null}
            </p>
            <h1 lang={props.contentLang !== lang ? props.contentLang : undefined}>{event.title}</h1>
          </div>
          <p class="where-when">
            <span>
              <Icon name="clock" />{' '}
              <time datetime={event.startsAt.toISOString()}>
                {formatWhen(event.startsAt, event.endsAt, event.timezone, lang, {
                  now: props.now,
                })}
              </time>{' '}
              <span class="meta">({zoneLabel(event.timezone, lang)})</span>
            </span>
            {event.venueName ? (
              <span>
                <Icon name="place" />{' '}
                <span lang={fieldLang(props, 'venueName')}>{event.venueName}</span>
                {event.venueAddress ? `, ${event.venueAddress}` : ''}
                {map ? (
                  <span class="no-print">
                    {' · '}
                    <a href={map} rel="noopener">
                      {t('event.map')}
                    </a>
                  </span>
                ) : null}
              </span>
            ) : null}
            {phase === 'before' ? <SeatsLeft props={props} /> : null}
          </p>
        </header>

        {phase === 'before' && (props.registrationOpen || props.calendar) ? (
          <div class="event-actions no-print">
            {props.registrationOpen ? (
              <a class="button large" href="#registration">
                {t('event.register')}
              </a>
            ) : null}
            {props.calendar}
          </div>
        ) : null}

        {/* Below the actions: on a phone the Register button stays in the first screen. */}
        {phase !== 'live' ? props.picture : null}

        {/* Below the actions and the player: on a phone they stay in the first screen. */}
        {props.originalNote && phase !== 'live' ? originalNote : null}
        {event.summary && phase !== 'live' ? (
          <p class="lead" lang={fieldLang(props, 'summary')}>
            {event.summary}
          </p>
        ) : null}

        {phase === 'live' ? (
          <>
            {/* On a wide screen the item on now sits beside the player, in the first screen. */}
            <div class={current ? 'live-now' : undefined}>
              <div class="no-print">{props.media}</div>
              {current ? (
                <section class="now-on" aria-labelledby="now-on">
                  <h2 id="now-on">{t('event.nowOn')}</h2>
                  <p>
                    <span class="agenda-time">
                      {formatClock(current.startsAt, event.timezone, lang)}–
                      {formatClock(current.endsAt, event.timezone, lang)}
                    </span>{' '}
                    <a
                      href={`#agenda-${current.id}`}
                      lang={otherLang(current.titleLang ?? current.originalLang, lang)}
                    >
                      {current.title}
                    </a>
                  </p>
                </section>
              ) : null}
            </div>
            {props.originalNote ? originalNote : null}
            {event.summary ? (
              <p class="lead" lang={fieldLang(props, 'summary')}>
                {event.summary}
              </p>
            ) : null}
            <AgendaSection props={props} />
            <About props={props} />
          </>
        ) : null}

        {phase === 'after' ? (
          <>
            <div class="no-print">
              {props.outcomes ?? (
                <section aria-labelledby="event-came-of-it" class="phase-section">
                  <h2 id="event-came-of-it">{t('event.cameOfIt')}</h2>
                  <p>{t('outcomes.none')}</p>
                </section>
              )}
              {props.media}
            </div>
            <AgendaSection props={props} />
            <About props={props} />
          </>
        ) : null}

        {phase === 'before' || phase === 'cancelled' ? (
          <>
            <AgendaSection props={props} />
            <About props={props} />
          </>
        ) : null}

        <dl class="facts">
          {joinLink ? (
            <>
              <dt>{t('event.online')}</dt>
              <dd>{joinLink}</dd>
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

        {phase === 'before' ? (
          <div class="no-print">
            {props.registration}
            {props.media}
          </div>
        ) : null}
        {props.follow ? <div class="no-print">{props.follow}</div> : null}
      </article>
      {props.embed}
    </Layout>
  );
}

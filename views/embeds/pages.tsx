import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { EventSummary, StoredEvent } from '@/events';
import type { Lang, Translate } from '@/platform/i18n';
import { localize, type Translations } from '@/platform/i18n/content';
import { langOf as shownLang } from '@views/shell/content';
import { formatDate, formatDuration, formatWhen } from '@/platform/time';

/** What every embed page knows: its language, Koda's address, the look the host asked for. */
export type EmbedContext = {
  lang: Lang;
  t: Translate;
  publicUrl: string;
  now: Date;
  /** The stylesheet's query (`?theme=dark&accent=…`), already validated. */
  styleQuery: string;
};

/** An event's texts as the reader sees them (src/events localizeEvent). */
type Shown<E> = E & { contentLang?: string; fallback?: boolean };

/** The language of an event's shown texts when it is not the page's (the original, untranslated). */
function langOf(event: Shown<unknown>, lang: string): string | undefined {
  return event.contentLang && event.contentLang !== lang ? event.contentLang : undefined;
}

/** A link to Koda that opens in a new tab, and says so to screen readers. */
function KodaLink(props: { ctx: EmbedContext; path: string; class?: string; children: Child }) {
  const url = new URL(props.ctx.publicUrl + props.path);
  url.searchParams.set('lang', props.ctx.lang);
  return (
    <a href={url.href} target="_blank" rel="noopener" class={props.class}>
      {props.children}
      <span class="visually-hidden"> {props.ctx.t('embeds.newTab')}</span>
    </a>
  );
}

/** The framed document: no site chrome, the embeds' stylesheet and the height reporter. */
function EmbedDocument(props: { ctx: EmbedContext; title: string; children: Child }) {
  const { ctx } = props;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={ctx.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${props.title} · ${ctx.t('site.name')}`}</title>
          <link rel="stylesheet" href={`/embed/style.css${ctx.styleQuery}`} />
          <script src="/embed/frame.js" defer></script>
        </head>
        <body>
          <main>{props.children}</main>
        </body>
      </html>
    </>
  );
}

export function EventsEmbed(props: {
  ctx: EmbedContext;
  /** In the reader's language where they have it (`contentLang`: the title's language). */
  events: Shown<EventSummary>[];
  /** Where "all events" leads: /events with the same filters. */
  morePath: string;
  /** Municipalities the host's snippet names that Koda does not have (a typo, say). */
  unknownMunicipalities?: string[];
}) {
  const { ctx, events } = props;
  const { t, lang } = ctx;
  const unknown = props.unknownMunicipalities ?? [];
  return (
    <EmbedDocument ctx={ctx} title={t('embeds.events.title')}>
      <h1>{t('embeds.events.title')}</h1>
      {unknown.map((name) => (
        <p class="notice" role="alert">
          {t('embeds.events.unknownMunicipality', { name })}
        </p>
      ))}
      {unknown.length > 0 && events.length === 0 ? null : events.length === 0 ? (
        <p>{t('embeds.events.none')}</p>
      ) : (
        <ul class="events">
          {events.map((event) => (
            <li>
              <h2>
                <KodaLink ctx={ctx} path={`/events/${event.slug}`}>
                  <span lang={langOf(event, lang)}>{event.title}</span>
                </KodaLink>
              </h2>
              <p class="meta">
                {t(`event.kind.${event.kind}`)}
                {event.status === 'cancelled' ? (
                  <>
                    {' '}
                    <span class="badge">{t('event.status.cancelled')}</span>
                  </>
                ) : null}
                {' · '}
                <time datetime={event.startsAt.toISOString()}>
                  {formatWhen(event.startsAt, event.endsAt, event.timezone, lang, { now: ctx.now })}
                </time>
              </p>
              {event.venueName ? <p class="meta">{event.venueName}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <KodaLink ctx={ctx} path={props.morePath}>
          {t('embeds.events.all')}
        </KodaLink>
      </p>
    </EmbedDocument>
  );
}

export function EventEmbed(props: {
  ctx: EmbedContext;
  event: Shown<StoredEvent>;
  /** Seats left in person (null: unlimited), or undefined when seats do not matter any more. */
  seatsLeft: number | null | undefined;
  registrationOpen: boolean;
}) {
  const full = props.seatsLeft !== undefined && props.seatsLeft !== null && props.seatsLeft <= 0;
  const { ctx, event } = props;
  const { t, lang } = ctx;
  const past = event.endsAt <= ctx.now;
  const cancelled = event.status === 'cancelled';
  return (
    <EmbedDocument ctx={ctx} title={event.title}>
      <article class="card">
        <p class="meta">{t(`event.kind.${event.kind}`)}</p>
        <h1 lang={langOf(event, lang)}>{event.title}</h1>
        <p>
          <time datetime={event.startsAt.toISOString()}>
            {formatWhen(event.startsAt, event.endsAt, event.timezone, lang, { now: ctx.now })}
          </time>
        </p>
        {event.venueName ? <p class="meta">{event.venueName}</p> : null}
        {event.hosts.length > 0 ? (
          <p class="meta">
            {t('event.hostedBy', { hosts: event.hosts.map((host) => host.name).join(', ') })}
          </p>
        ) : null}
        {event.summary ? <p lang={langOf(event, lang)}>{event.summary}</p> : null}
        {cancelled ? (
          <p>{t('embeds.event.cancelled')}</p>
        ) : past ? (
          <p>{t('embeds.event.past')}</p>
        ) : null}
        {!cancelled && !past && props.seatsLeft !== undefined && props.seatsLeft !== null ? (
          <p class="meta">
            {!full
              ? t('embeds.event.seatsLeft', { count: props.seatsLeft })
              : event.waitlist
                ? t('embeds.event.fullWaitlist')
                : t('embeds.event.full')}
          </p>
        ) : null}
        <p class="actions">
          {/* Full: the waitlist when there is one, else nothing to register for in person. */}
          {props.registrationOpen && !(full && !event.waitlist) ? (
            <KodaLink ctx={ctx} path={`/events/${event.slug}#registration`} class="button">
              {full ? t('embeds.event.joinWaitlist') : t('embeds.event.register')}
            </KodaLink>
          ) : null}
          <KodaLink ctx={ctx} path={`/events/${event.slug}`}>
            {t('embeds.event.details')}
          </KodaLink>
        </p>
      </article>
    </EmbedDocument>
  );
}

/** A text's language and its translations (issue 18), to show it in the reader's language. */
type Translatable = { originalLang: string; translations: Translations };

type PlanItemView = Translatable & { id: number; title: string; status: string; progress: number };

export function PlanEmbed(props: {
  ctx: EmbedContext;
  plan: Translatable & {
    id: number;
    title: string;
    periodStart: string;
    periodEnd: string;
    municipality: { name: string };
  };
  summary: {
    total: number;
    done: number;
    donePercent: number;
    averageProgress: number;
    overdue: number;
  };
  items: PlanItemView[];
}) {
  const { ctx, plan, summary } = props;
  const { t, lang } = ctx;
  const progressText = t('plan.progress', { done: summary.done, total: summary.total });
  // In the reader's language where translated, else the original, marked with its language.
  const title = localize(plan, 'title', plan.title, lang);
  return (
    <EmbedDocument ctx={ctx} title={title.text}>
      <article class="card">
        <p class="meta">{plan.municipality.name}</p>
        <h1 lang={shownLang(title.lang, lang)}>{title.text}</h1>
        <p class="meta">
          {t('embeds.plan.period', {
            from: plan.periodStart.slice(0, 4),
            to: plan.periodEnd.slice(0, 4),
          })}
        </p>
        <p class="numbers">
          <strong>{progressText}</strong>
          <span>{t('plans.summary.average', { percent: summary.averageProgress })}</span>
          {summary.overdue > 0 ? (
            <span>{t('plans.summary.overdue', { count: summary.overdue })}</span>
          ) : null}
        </p>
        <progress max={100} value={summary.donePercent} aria-label={t('embeds.plan.doneShare')}>
          {`${summary.donePercent}%`}
        </progress>
        <h2>{t('embeds.plan.items')}</h2>
        <ul class="items">
          {props.items.map((item) => {
            const shown = localize(item, 'title', item.title, lang);
            return (
              <li>
                <span lang={shownLang(shown.lang, lang)}>{shown.text}</span>
                <span class="meta">
                  {t(`plans.status.${item.status as 'planned'}`)} · {item.progress}%
                </span>
              </li>
            );
          })}
        </ul>
        <p class="actions">
          <KodaLink ctx={ctx} path={`/plans/${plan.id}`}>
            {t('embeds.plan.open')}
          </KodaLink>
        </p>
      </article>
    </EmbedDocument>
  );
}

export function RecordingEmbed(props: {
  ctx: EmbedContext;
  recording: { id: number; title: string; durationSeconds: number | null };
  event: { title: string; startsAt: Date; timezone: string };
}) {
  const { ctx, recording, event } = props;
  const { t, lang } = ctx;
  return (
    <EmbedDocument ctx={ctx} title={`${event.title}: ${recording.title}`}>
      <article class="card">
        <p class="meta">{t('embeds.recording.of', { event: event.title })}</p>
        <h1>{recording.title}</h1>
        <p class="meta">
          <time datetime={event.startsAt.toISOString()}>
            {formatDate(event.startsAt, event.timezone, lang)}
          </time>
          {recording.durationSeconds ? ` · ${formatDuration(recording.durationSeconds, lang)}` : ''}
        </p>
        <p class="actions">
          <KodaLink ctx={ctx} path={`/recordings/${recording.id}`} class="button">
            {t('embeds.recording.watch')}
          </KodaLink>
        </p>
      </article>
    </EmbedDocument>
  );
}

/** What a frame shows for a missing or non-public page: a short note, no site header or menu. */
export function EmbedNotFound(props: { ctx: EmbedContext }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <EmbedDocument ctx={ctx} title={t('embeds.notFound.title')}>
      <article class="card">
        <h1>{t('embeds.notFound.title')}</h1>
        <p>{t('embeds.notFound.body')}</p>
        <p class="actions">
          <KodaLink ctx={ctx} path="/">
            {t('embeds.notFound.home')}
          </KodaLink>
        </p>
      </article>
    </EmbedDocument>
  );
}

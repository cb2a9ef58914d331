import {
  googleCalendarUrl,
  outlookCalendarUrl,
  webcalUrl,
  type CalendarLinkEvent,
} from '@/calendar/rules';
import type { PageContext } from '@views/shell/layout';

export type FeedLinksProps = {
  ctx: PageContext;
  /** The feed's path on this site, e.g. `/calendar.ics` or `/municipalities/keila/calendar.ics`. */
  feedPath: string;
  /** An id for the address field, unique on the page (default `calendar-feed-url`). */
  id?: string;
};

/** "Subscribe" (webcal://), the https address to copy, a download link and what the difference is. */
export function FeedLinks({ ctx, feedPath, id = 'calendar-feed-url' }: FeedLinksProps) {
  const { t } = ctx;
  const httpsUrl = ctx.publicUrl + feedPath;
  return (
    <section class="calendar-feed" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('calendar.subscribeTitle')}</h2>
      <p>
        <a class="button" href={webcalUrl(httpsUrl)}>
          {t('calendar.subscribe')}
        </a>{' '}
        <a class="button secondary" href={feedPath} download>
          {t('calendar.download')}
        </a>
      </p>
      <p>
        <label for={id}>{t('calendar.copyLabel')}</label>
        <br />
        <input id={id} type="url" readonly value={httpsUrl} size={60} />
      </p>
      <p class="meta">{t('calendar.explain')}</p>
    </section>
  );
}

export type AddToCalendarLinksProps = {
  ctx: PageContext;
  /** Any event row with these fields (EventSummary fits; venueAddress is optional). */
  event: CalendarLinkEvent;
};

/** For one event: Google Calendar, Outlook and the event's own .ics (Apple Calendar and others). */
export function AddToCalendarLinks({ ctx, event }: AddToCalendarLinksProps) {
  const { t } = ctx;
  const icsPath = `/events/${encodeURIComponent(event.slug)}/calendar.ics`;
  return (
    <nav class="add-to-calendar" aria-label={t('calendar.addTitle')}>
      <p>
        <strong>{t('calendar.addTitle')}:</strong>{' '}
        <a href={googleCalendarUrl(event, ctx.publicUrl)} rel="noopener" target="_blank">
          {t('calendar.google')}
        </a>{' '}
        ·{' '}
        <a href={outlookCalendarUrl(event, ctx.publicUrl)} rel="noopener" target="_blank">
          {t('calendar.outlook')}
        </a>{' '}
        · <a href={icsPath}>{t('calendar.ics')}</a> ·{' '}
        <a href={webcalUrl(ctx.publicUrl + icsPath)}>{t('calendar.subscribe')}</a>
      </p>
    </nav>
  );
}

/**
 * The event page's one calendar menu (a `<details>`, no JavaScript): Google Calendar, Outlook,
 * the event's .ics (Apple Calendar and others) and a subscription that follows changes.
 */
export function CalendarMenu({ ctx, event }: AddToCalendarLinksProps) {
  const { t } = ctx;
  const icsPath = `/events/${encodeURIComponent(event.slug)}/calendar.ics`;
  return (
    <details class="calendar-menu">
      <summary class="button secondary">{t('calendar.addTitle')}</summary>
      <div class="menu">
        <ul>
          <li>
            <a href={googleCalendarUrl(event, ctx.publicUrl)} rel="noopener" target="_blank">
              {t('calendar.google')}
            </a>
          </li>
          <li>
            <a href={outlookCalendarUrl(event, ctx.publicUrl)} rel="noopener" target="_blank">
              {t('calendar.outlook')}
            </a>
          </li>
          <li>
            <a href={icsPath}>{t('calendar.ics')}</a>
          </li>
          <li>
            <a href={webcalUrl(ctx.publicUrl + icsPath)}>{t('calendar.subscribe')}</a>
          </li>
        </ul>
      </div>
    </details>
  );
}

import { localize } from '@/platform/i18n/content';
import { DateTime } from 'luxon';
import type { Lang, Translate } from '@/platform/i18n';
import { formatOffset, formatShortDate } from '@/platform/time';
import type { ItemSource } from '@/plans/reads';
import {
  PLAN_ZONE,
  numericDate,
  type DueDateMove,
  type ItemStatus,
  type ProgressSummary,
} from '@/plans/rules';

/** A plan date ('YYYY-MM-DD') in the reader's language: "2. okt 2014" / "2 Oct 2014". */
export function planDate(date: string, lang: Lang): string {
  return formatShortDate(DateTime.fromISO(date, { zone: PLAN_ZONE }).toJSDate(), PLAN_ZONE, lang);
}

/** "Due date moved from 30.06.2026 to 31.12.2026", "… set to …" or "… removed (was …)". */
export function dueDateMoveText(move: DueDateMove, t: Translate): string {
  const to = move.to === null ? null : numericDate(move.to);
  const from = move.from === null ? null : numericDate(move.from);
  if (to === null)
    return from ? t('plans.item.dueRemoved', { from }) : t('plans.item.dueRemovedOnly');
  return from ? t('plans.item.dueMoved', { from, to }) : t('plans.item.dueSet', { to });
}

/** "Due date moved 2 times": slipping promises show at a glance. */
export function dueDateMovesText(count: number, t: Translate): string {
  return count === 1 ? t('plans.item.dueMovedOnce') : t('plans.item.dueMovedTimes', { count });
}

export function StatusBadge({ status, t }: { status: ItemStatus; t: Translate }) {
  return <span class={`badge status-${status}`}>{t(`plans.status.${status}`)}</span>;
}

/**
 * A progress bar whose fill is drawn by a width class (`p-0` … `p-100` in the stylesheet): the
 * site's CSP forbids inline styles, so a `style="width: …"` would be ignored and draw nothing.
 */
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  const value = Math.round(Math.max(0, Math.min(100, percent)));
  return (
    <div
      class="progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-label={label}
    >
      <span class={`p-${value}`}></span>
    </div>
  );
}

export function SummaryLine({ summary, t }: { summary: ProgressSummary; t: Translate }) {
  return (
    <p class="plan-summary">
      <span>{t('plan.progress', { done: summary.done, total: summary.total })}</span>
      {' · '}
      <span>{t('plans.summary.done', { percent: summary.donePercent })}</span>
      {' · '}
      <span>{t('plans.summary.average', { percent: summary.averageProgress })}</span>
      {summary.overdue > 0 ? (
        <>
          {' · '}
          <strong class="overdue">{t('plans.summary.overdue', { count: summary.overdue })}</strong>
        </>
      ) : null}
    </p>
  );
}

/** "proposed at Mõttekoda Keilas, 2 Oct 2014 — watch at 42:10": the chain back to the minute. */
export function SourceLine({ source, t, lang }: { source: ItemSource; t: Translate; lang: Lang }) {
  const date = formatShortDate(source.event.startsAt, source.event.timezone, lang);
  // The note's and the event's titles in the reader's language, else the original (issue 18).
  const title = localize(source, 'title', source.title, lang);
  const event = localize(source.event, 'title', source.event.title, lang);
  return (
    <li class="source">
      <span class="meta">{t(`outcomes.kind.${source.kind as 'proposal'}`)}:</span>{' '}
      <span lang={title.lang === lang ? undefined : title.lang}>{title.text}</span> —{' '}
      {t('plans.source.at')}{' '}
      <a href={`/events/${source.event.slug}`} lang={event.lang === lang ? undefined : event.lang}>
        {event.text}
      </a>
      , {date}
      {source.recordingId !== null ? (
        <>
          {' — '}
          <a
            href={`/recordings/${source.recordingId}${source.offsetSeconds !== null ? `?t=${source.offsetSeconds}` : ''}`}
          >
            {source.offsetSeconds !== null
              ? t('outcomes.watchAt', { offset: formatOffset(source.offsetSeconds) })
              : t('outcomes.watch')}
          </a>
        </>
      ) : null}
    </li>
  );
}

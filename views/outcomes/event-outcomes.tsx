import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { DateTime } from 'luxon';
import { renderMarkdown } from '@/platform/markdown';
import { formatDate, formatOffset } from '@/platform/time';
import { OUTCOME_TEXT_FIELDS, type OutcomeRow } from '@/outcomes/rules';
import { localize, localizeFields } from '@/platform/i18n/content';
import { OriginalNote, inSentence, langOf } from '@views/shell/content';
import type { EventActionItem } from '@/outcomes/service';
import { Icon } from '@views/shell/icons';
import type { PageContext } from '@views/shell/layout';
import type { Lang } from '@/platform/i18n';
import { ProgressBar, StatusBadge } from '@/plans';

const PLAN_DATE_ZONE = 'Europe/Tallinn';

/** A plan's calendar date ('YYYY-MM-DD') in the reader's language. */
function day(date: string, lang: PageContext['lang']): string {
  return formatDate(
    DateTime.fromISO(date, { zone: PLAN_DATE_ZONE }).toJSDate(),
    PLAN_DATE_ZONE,
    lang,
  );
}

const unfinished = (item: EventActionItem) => item.status !== 'done' && item.status !== 'dropped';

/**
 * "What came of it" (the event page's `outcomes` slot, first on a past event's page): each
 * published outcome with the action items it led to, their real progress, last update and due
 * date; the next due date of all of them; and each plan's Atom feed to follow.
 */
export function EventOutcomes(props: {
  ctx: PageContext;
  outcomes: OutcomeRow[];
  actionItems: EventActionItem[];
  /** An outcome note's published documents (src/documents), below its text. */
  materialsOf?: (outcomeId: number) => Child;
}) {
  const { t, lang } = props.ctx;
  if (props.outcomes.length === 0 && props.actionItems.length === 0) return null;
  // In the reader's language where translated, else the original, marked (issue 18).
  // Each field is marked by its own language: a note's title may be translated, its body not.
  const outcomes = props.outcomes.map((outcome) => ({
    ...localizeFields(outcome, OUTCOME_TEXT_FIELDS, lang),
    titleLang: localize(outcome, 'title', outcome.title, lang).lang,
    bodyLang: localize(outcome, 'body', outcome.body, lang).lang,
  }));
  const actionItems = props.actionItems.map((item) => {
    const title = localize(item, 'title', item.title, lang);
    const planTitle = localize(item.plan, 'title', item.planTitle, lang);
    return {
      ...item,
      title: title.text,
      titleLang: title.lang,
      planTitle: planTitle.text,
      planTitleLang: planTitle.lang,
    };
  });
  const itemsOf = (outcomeId: number) =>
    actionItems.filter((item) => item.outcomeIds.includes(outcomeId));
  const next = actionItems
    .filter((item) => item.dueDate !== null && unfinished(item))
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''))[0];
  const today = DateTime.fromJSDate(props.ctx.now ?? new Date())
    .setZone(PLAN_DATE_ZONE)
    .toISODate() as string;
  const plans = [...new Map(actionItems.map((item) => [item.planId, item])).values()];
  const nextDate = next?.dueDate ? day(next.dueDate, lang) : '';
  return (
    <section aria-labelledby="event-came-of-it" class="came-of-it phase-section">
      <h2 id="event-came-of-it">{t('event.cameOfIt')}</h2>
      {next?.dueDate ? (
        next.dueDate < today ? (
          <p class="banner warn">
            {inSentence(
              (title) => t('event.overdue', { date: nextDate, title }),
              { text: next.title, lang: next.titleLang },
              lang,
            )}
          </p>
        ) : (
          <p class="banner">
            {inSentence(
              (title) => t('event.nextDue', { date: nextDate, title }),
              { text: next.title, lang: next.titleLang },
              lang,
            )}
          </p>
        )
      ) : null}
      {props.outcomes.length === 0 ? <p>{t('outcomes.none')}</p> : null}
      <ul class="came-of-it-list">
        {outcomes.map((outcome) => {
          const items = itemsOf(outcome.id);
          return (
            <li id={`outcome-${outcome.id}`} class={`outcome outcome-${outcome.kind}`}>
              <p class="meta">
                <span class="badge">{t(`outcomes.kind.${outcome.kind}`)}</span>
                {outcome.recordingId !== null ? (
                  <>
                    {' '}
                    <a
                      href={`/recordings/${outcome.recordingId}${outcome.offsetSeconds !== null ? `?t=${outcome.offsetSeconds}` : ''}`}
                    >
                      {outcome.offsetSeconds !== null
                        ? t('outcomes.watchAt', { offset: formatOffset(outcome.offsetSeconds) })
                        : t('outcomes.watch')}
                    </a>
                  </>
                ) : null}
              </p>
              <h3 lang={langOf(outcome.titleLang, lang)}>{outcome.title}</h3>
              {outcome.fallback ? (
                <OriginalNote ctx={props.ctx} original={outcome.contentLang} />
              ) : null}
              {outcome.quote && outcome.recordingId !== null && outcome.offsetSeconds !== null ? (
                <blockquote
                  class="cited-cue"
                  lang={
                    outcome.quoteLang && outcome.quoteLang !== lang ? outcome.quoteLang : undefined
                  }
                >
                  <p>
                    <a href={`/recordings/${outcome.recordingId}?t=${outcome.offsetSeconds}`}>
                      {outcome.quote}
                    </a>
                  </p>
                </blockquote>
              ) : null}
              <div lang={langOf(outcome.bodyLang, lang)}>{raw(renderMarkdown(outcome.body))}</div>
              {props.materialsOf?.(outcome.id)}
              {items.length > 0 ? <ActionItems ctx={props.ctx} items={items} /> : null}
            </li>
          );
        })}
      </ul>
      {plans.length > 0 ? (
        <ul class="follow" aria-label={t('event.ledTo')}>
          {plans.map((plan) => (
            <li>
              <a
                class="button secondary"
                href={`/plans/${plan.planId}/feed.xml`}
                type="application/atom+xml"
              >
                <Icon name="feed" />
                {inSentence(
                  (title) => t('event.followPlan', { plan: title }),
                  { text: plan.planTitle, lang: plan.planTitleLang },
                  lang,
                )}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

type ShownActionItem = EventActionItem & { titleLang: Lang; planTitleLang: Lang };

function ActionItems({ ctx, items }: { ctx: PageContext; items: ShownActionItem[] }) {
  const { t, lang } = ctx;
  return (
    <div class="led-to">
      <h4 class="meta">{t('event.ledTo')}</h4>
      <ul class="came-of-it-items">
        {items.map((item) => (
          <li>
            <p>
              <a
                class="item-title"
                href={`/plans/${item.planId}#item-${item.id}`}
                lang={langOf(item.titleLang, lang)}
              >
                {item.title}
              </a>{' '}
              <StatusBadge status={item.status} t={t} />
            </p>
            <div class="progress-line">
              <ProgressBar percent={item.progress} label={item.title} />
              <span class="value">{t('event.progress', { percent: item.progress })}</span>
            </div>
            <p class="meta">
              <span lang={langOf(item.planTitleLang, lang)}>{item.planTitle}</span>,{' '}
              {item.municipalityName} ·{' '}
              {item.lastUpdate
                ? t('event.lastUpdate', { date: day(item.lastUpdate, lang) })
                : t('event.noUpdate')}
              {item.dueDate ? ` · ${t('event.due', { date: day(item.dueDate, lang) })}` : ''}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

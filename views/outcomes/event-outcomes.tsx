import { raw } from 'hono/html';
import { renderMarkdown } from '@/platform/markdown';
import { formatOffset } from '@/platform/time';
import type { OutcomeRow } from '@/outcomes/rules';
import type { EventActionItem } from '@/outcomes/service';
import type { PageContext } from '@views/shell/layout';
import { StatusBadge } from '@/plans';

/** The event page's outcomes and "what came of it" (its `outcomes` slot). */
export function EventOutcomes(props: {
  ctx: PageContext;
  outcomes: OutcomeRow[];
  actionItems: EventActionItem[];
}) {
  const { t } = props.ctx;
  if (props.outcomes.length === 0 && props.actionItems.length === 0) return null;
  return (
    <>
      <section aria-labelledby="event-outcomes" class="event-outcomes">
        <h2 id="event-outcomes">{t('outcomes.title')}</h2>
        {props.outcomes.length === 0 ? (
          <p>{t('outcomes.none')}</p>
        ) : (
          <ul class="outcomes">
            {props.outcomes.map((outcome) => (
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
                <h3>{outcome.title}</h3>
                <div>{raw(renderMarkdown(outcome.body))}</div>
              </li>
            ))}
          </ul>
        )}
      </section>
      {props.actionItems.length > 0 ? (
        <section aria-labelledby="event-came-of-it" class="came-of-it">
          <h2 id="event-came-of-it">{t('outcomes.cameOf')}</h2>
          <p>{t('outcomes.cameOfIntro')}</p>
          <ul>
            {props.actionItems.map((item) => (
              <li>
                <a href={`/plans/${item.planId}#item-${item.id}`}>{item.title}</a>{' '}
                <StatusBadge status={item.status} t={t} /> {item.progress}%{' '}
                <span class="meta">
                  ({item.planTitle}, {item.municipalityName})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

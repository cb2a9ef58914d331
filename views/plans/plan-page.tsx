import { webcalUrl } from '@/calendar';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { renderMarkdown } from '@/platform/markdown';
import {
  ITEM_TEXT_FIELDS,
  PLAN_TEXT_FIELDS,
  isOverdue,
  itemStatuses,
  type ItemStatus,
  type ProgressSummary,
} from '@/plans/rules';
import { localizeFields } from '@/platform/i18n/content';
import { OriginalNote, langOf } from '@views/shell/content';
import type { ItemDetail, PlanWithMunicipality } from '@/plans/reads';
import { Layout, type PageContext } from '@views/shell/layout';
import {
  dueDateMovesText,
  dueDateMoveText,
  planDate,
  ProgressBar,
  SourceLine,
  StatusBadge,
  SummaryLine,
} from './parts';

export type PlanPageProps = PageContext & {
  plan: PlanWithMunicipality;
  items: ItemDetail[];
  summary: ProgressSummary;
  today: string;
  filter: ItemStatus[];
  canManage: boolean;
  /** The plan's published documents ("Materjalid", src/documents). */
  materials?: Child;
  /** An item's published documents (src/documents), at the end of the item. */
  itemMaterialsOf?: (itemId: number) => Child;
  /** Following the plan or one item by email (src/follows). */
  follow?: Child;
  /** The oEmbed address for the head, and the embed snippets (src/embeds). */
  oembed?: string;
  embed?: Child;
};

export function PlanPage(props: PlanPageProps) {
  const { t, lang, summary } = props;
  // The plan and its items in the reader's language, else the original, marked (issue 18).
  const plan = localizeFields(props.plan, PLAN_TEXT_FIELDS, lang);
  const items = props.items.map((item) => localizeFields(item, ITEM_TEXT_FIELDS, lang));
  const shown =
    props.filter.length > 0 ? items.filter((item) => props.filter.includes(item.status)) : items;
  return (
    <Layout
      {...props}
      title={plan.title}
      description={plan.summary ?? undefined}
      canonicalPath={`/plans/${plan.id}`}
      head={
        <link
          rel="alternate"
          type="application/atom+xml"
          title={t('plans.feed.title', { plan: plan.title })}
          href={`/plans/${plan.id}/feed.xml`}
        />
      }
    >
      <article class="plan">
        <p class="meta">
          <a href={`/municipalities/${plan.municipality.slug}`}>{plan.municipality.name}</a>
          {' · '}
          {t(`plans.planStatus.${plan.status}`)}
          {' · '}
          {t('plans.period', {
            start: planDate(plan.periodStart, lang),
            end: planDate(plan.periodEnd, lang),
          })}
        </p>
        <h1 lang={langOf(plan.contentLang, lang)}>{plan.title}</h1>
        {plan.fallback ? <OriginalNote ctx={props} original={plan.contentLang} /> : null}
        {/* How far the plan is comes first: it is what a reader comes to see. */}
        <section aria-labelledby="plan-progress">
          <h2 id="plan-progress">{t('plans.progressTitle')}</h2>
          <ProgressBar
            percent={summary.donePercent}
            label={t('plans.summary.done', { percent: summary.donePercent })}
          />
          <SummaryLine summary={summary} t={t} />
        </section>
        {plan.summary ? (
          <div lang={langOf(plan.contentLang, lang)}>{raw(renderMarkdown(plan.summary))}</div>
        ) : null}
        {plan.documentUrl ? (
          <p>
            <a href={plan.documentUrl} rel="nofollow noopener">
              {t('plans.document')}
            </a>
          </p>
        ) : null}
        <p class="no-print">
          <a href={`/plans/${plan.id}/feed.xml`} type="application/atom+xml">
            {t('plans.feed.follow')}
          </a>
          {' · '}
          <a href={webcalUrl(`${props.publicUrl}/plans/${plan.id}/calendar.ics`)}>
            {t('plans.calendar.subscribe')}
          </a>
        </p>
        {props.canManage ? (
          <p>
            <a href={`/admin/plans/${plan.id}`}>{t('plans.admin.edit')}</a>
          </p>
        ) : null}
        <section aria-labelledby="plan-items">
          <h2 id="plan-items">{t('plans.items')}</h2>
          <form method="get" action={`/plans/${plan.id}`} class="filters">
            <fieldset>
              <legend>{t('plans.filter.label')}</legend>
              {itemStatuses.map((status) => (
                <label>
                  <input
                    type="checkbox"
                    name="status"
                    value={status}
                    checked={props.filter.includes(status)}
                  />{' '}
                  {t(`plans.status.${status}`)} ({summary.byStatus[status]})
                </label>
              ))}
            </fieldset>
            <button type="submit" class="button secondary">
              {t('plans.filter.apply')}
            </button>{' '}
            {props.filter.length > 0 ? (
              <a href={`/plans/${plan.id}`}>{t('plans.filter.all')}</a>
            ) : null}
          </form>
          {props.items.length === 0 ? (
            <p>{t('plans.item.noItems')}</p>
          ) : shown.length === 0 ? (
            <p>{t('plans.item.noMatch')}</p>
          ) : (
            <ol class="plan-items">
              {shown.map((item) => {
                const overdue = isOverdue(item, props.today);
                return (
                  <li id={`item-${item.id}`} class={overdue ? 'plan-item overdue' : 'plan-item'}>
                    <h3 lang={langOf(item.contentLang, lang)}>{item.title}</h3>
                    {item.fallback && !plan.fallback ? (
                      <OriginalNote ctx={props} original={item.contentLang} />
                    ) : null}
                    <p class="meta">
                      <StatusBadge status={item.status} t={t} />
                      {overdue ? (
                        <>
                          {' '}
                          <strong class="badge overdue">{t('plans.item.overdue')}</strong>
                        </>
                      ) : null}
                      {item.responsible
                        ? ` · ${t('plans.item.responsible')}: ${item.responsible}`
                        : ''}
                      {item.dueDate
                        ? ` · ${t('plans.item.due')}: ${planDate(item.dueDate, lang)}`
                        : ''}
                      {item.dueDateMoves > 0 ? (
                        <>
                          {' · '}
                          <strong class="badge due-moved">
                            {dueDateMovesText(item.dueDateMoves, t)}
                          </strong>
                        </>
                      ) : null}
                    </p>
                    <ProgressBar
                      percent={item.progress}
                      label={t('plans.item.progress', { percent: item.progress })}
                    />
                    <p class="meta">{t('plans.item.progress', { percent: item.progress })}</p>
                    {item.description ? (
                      <div lang={langOf(item.contentLang, lang)}>
                        {raw(renderMarkdown(item.description))}
                      </div>
                    ) : null}
                    {item.sources.length > 0 ? (
                      <>
                        <h4>{t('plans.item.sources')}</h4>
                        <ul class="sources">
                          {item.sources.map((source) => (
                            <SourceLine source={source} t={t} lang={lang} />
                          ))}
                        </ul>
                      </>
                    ) : null}
                    {item.updates.length > 0 ? (
                      <>
                        <h4>{t('plans.item.timeline')}</h4>
                        <ol class="timeline">
                          {item.updates.map((update) => (
                            <li>
                              <time datetime={update.date}>{planDate(update.date, lang)}</time>
                              {update.status ? (
                                <>
                                  {' '}
                                  <StatusBadge status={update.status} t={t} />
                                </>
                              ) : null}
                              {update.progress !== null ? ` ${update.progress}%` : ''}
                              {update.dueDateMove ? (
                                <>
                                  {' — '}
                                  <strong class="due-move">
                                    {dueDateMoveText(update.dueDateMove, t)}
                                  </strong>
                                </>
                              ) : null}{' '}
                              — {update.note}
                            </li>
                          ))}
                        </ol>
                      </>
                    ) : null}
                    {props.itemMaterialsOf?.(item.id)}
                  </li>
                );
              })}
            </ol>
          )}
          <p>
            <a href={`/plans/${plan.id}/items.csv`}>{t('plans.csv')}</a>
          </p>
        </section>
        {props.materials}
      </article>
      {props.follow}
      {props.embed}
    </Layout>
  );
}

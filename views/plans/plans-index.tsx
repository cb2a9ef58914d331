import { localize } from '@/platform/i18n/content';
import { langOf } from '@views/shell/content';
import type { Translate } from '@/platform/i18n';
import { planStatuses, type PlanListFilter, type PlanStatus } from '@/plans/rules';
import type { PlanListEntry } from '@/plans/reads';
import { Layout, type PageContext } from '@views/shell/layout';
import { planDate, ProgressBar, SummaryLine } from './parts';

export type PlansIndexProps = PageContext & {
  /** The plans to show, already filtered, in municipality order. */
  plans: PlanListEntry[];
  /** Municipalities that have a plan this reader may see: the filter's choices. */
  municipalities: { slug: string; name: string }[];
  query: PlanListFilter;
};

/** The plans grouped under their municipality, keeping the order they came in. */
function byMunicipality(plans: PlanListEntry[]) {
  const groups = new Map<string, { slug: string; name: string; plans: PlanListEntry[] }>();
  for (const plan of plans) {
    const group = groups.get(plan.municipality.slug) ?? { ...plan.municipality, plans: [] };
    group.plans.push(plan);
    groups.set(plan.municipality.slug, group);
  }
  return [...groups.values()];
}

function dueMovedText(count: number, t: Translate): string {
  return count === 1
    ? t('plans.summary.dueMovedItemsOne')
    : t('plans.summary.dueMovedItems', { count });
}

/** /plans: every plan a journalist may follow, with its promises kept in numbers. */
export function PlansIndexPage(props: PlansIndexProps) {
  const { t, lang, query } = props;
  const filtered = query.municipality !== undefined || query.status !== undefined;
  const statuses: PlanStatus[] = planStatuses.filter((status) => status !== 'draft');
  return (
    <Layout
      {...props}
      title={t('plans.index.title')}
      description={t('plans.index.intro')}
      canonicalPath="/plans"
    >
      <h1>{t('plans.index.title')}</h1>
      <p>{t('plans.index.intro')}</p>
      <form
        class="filters no-print"
        method="get"
        action="/plans"
        aria-label={t('plans.index.filters')}
      >
        <label>
          {t('plans.index.municipality')}
          <select name="municipality">
            <option value="">{t('plans.index.any')}</option>
            {props.municipalities.map((m) => (
              <option value={m.slug} selected={query.municipality === m.slug}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('plans.index.status')}
          <select name="status">
            <option value="">{t('plans.index.any')}</option>
            {statuses.map((status) => (
              <option value={status} selected={query.status === status}>
                {t(`plans.planStatus.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="button secondary">
          {t('plans.index.apply')}
        </button>
      </form>
      <p class="meta">
        {t('plans.index.count', { count: props.plans.length })}
        {filtered ? (
          <>
            {' · '}
            <a href="/plans">{t('plans.index.showAll')}</a>
          </>
        ) : null}
      </p>
      {props.plans.length === 0 ? <p>{t('plans.index.none')}</p> : null}
      {byMunicipality(props.plans).map((group) => (
        <section aria-labelledby={`plans-${group.slug}`} class="plans-municipality">
          <h2 id={`plans-${group.slug}`}>{group.name}</h2>
          <p class="meta">
            <a href={`/municipalities/${group.slug}`}>{t('plans.index.municipalityPage')}</a>
          </p>
          <ul class="cards">
            {group.plans.map((plan) => (
              <li class="card plan-card">
                <h3>
                  <a href={`/plans/${plan.id}`}>
                    <span
                      lang={langOf(
                        localize(plan, 'title', plan.title, props.lang).lang,
                        props.lang,
                      )}
                    >
                      {localize(plan, 'title', plan.title, props.lang).text}
                    </span>
                  </a>
                </h3>
                <p class="meta">
                  <span class={`badge plan-status-${plan.status}`}>
                    {t(`plans.planStatus.${plan.status}`)}
                  </span>{' '}
                  {t('plans.period', {
                    start: planDate(plan.periodStart, lang),
                    end: planDate(plan.periodEnd, lang),
                  })}
                </p>
                <ProgressBar
                  percent={plan.progress.donePercent}
                  label={t('plans.summary.done', { percent: plan.progress.donePercent })}
                />
                <SummaryLine summary={plan.progress} t={t} />
                {plan.itemsWithDueDateMoved > 0 ? (
                  <p class="meta due-moved">{dueMovedText(plan.itemsWithDueDateMoved, t)}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

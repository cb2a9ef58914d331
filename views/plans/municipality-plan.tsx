import type { Lang, Translate } from '@/platform/i18n';
import { localize, type Translations as Stored } from '@/platform/i18n/content';
import type { ProgressSummary } from '@/plans/rules';
import type { PlanRow } from '@/plans/reads';
import type { PageContext } from '@views/shell/layout';
import { planDate, ProgressBar, SummaryLine } from './parts';

/** A plan's title in the reader's language, else the original with its `lang` (issue 18). */
function TitleLink({ plan, lang }: { plan: PlanRow; lang: Lang }) {
  const title = localize(plan, 'title', plan.title, lang);
  return (
    <a href={`/plans/${plan.id}`}>
      <span lang={title.lang === lang ? undefined : title.lang}>{title.text}</span>
    </a>
  );
}

/** A home card's plan title in the reader's language, else the original with its `lang`. */
function PlanTitle({ plan, lang }: { plan: HomePlan; lang: Lang }) {
  const title = localize(
    { originalLang: plan.originalLang ?? 'et', translations: plan.translations ?? {} },
    'title',
    plan.title,
    lang,
  );
  return <span lang={title.lang === lang ? undefined : title.lang}>{title.text}</span>;
}

/** The municipality page's action plan section (its `plan` slot). */
export function MunicipalityPlan(props: {
  ctx: PageContext;
  plan: PlanRow | null;
  summary: ProgressSummary | null;
}) {
  const { t, lang } = props.ctx;
  return (
    <section aria-labelledby="municipality-plan" class="municipality-plan">
      <h2 id="municipality-plan">{t('plans.municipality.title')}</h2>
      {props.plan && props.summary ? (
        <>
          <p>
            <TitleLink plan={props.plan} lang={lang} />{' '}
            <span class="meta">
              ({planDate(props.plan.periodStart, lang)} – {planDate(props.plan.periodEnd, lang)})
            </span>
          </p>
          <PlanProgress summary={props.summary} t={t} />
        </>
      ) : (
        <p>{t('plans.municipality.none')}</p>
      )}
    </section>
  );
}

function PlanProgress({ summary, t }: { summary: ProgressSummary; t: Translate }) {
  return (
    <>
      <ProgressBar
        percent={summary.donePercent}
        label={t('plans.summary.done', { percent: summary.donePercent })}
      />
      <SummaryLine summary={summary} t={t} />
    </>
  );
}

export type HomePlan = {
  id: number;
  title: string;
  /** The title's language and translations (issue 18). */
  originalLang?: string;
  translations?: Stored;
  municipalityName: string;
  municipalitySlug: string;
  summary: ProgressSummary;
};

/** The home page's "action plan progress" section. */
export function HomePlans(props: { ctx: PageContext; plans: HomePlan[] }) {
  const { t } = props.ctx;
  return (
    <section aria-labelledby="home-plans" class="home-plans">
      <h2 id="home-plans">{t('home.plans')}</h2>
      {props.plans.length === 0 ? (
        <p>{t('plans.home.none')}</p>
      ) : (
        <ul class="cards">
          {props.plans.map((plan) => (
            <li class="card">
              <h3>
                <a href={`/plans/${plan.id}`}>{plan.municipalityName}</a>
              </h3>
              <p class="meta">
                <PlanTitle plan={plan} lang={props.ctx.lang} />
              </p>
              <PlanProgress summary={plan.summary} t={t} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import type { CurrentUser } from '@/platform/auth/auth';
import type { ErrorDetail } from '@/platform/http/errors';
import { CSV_COLUMNS, itemStatuses, planStatuses } from '@/plans/rules';
import type { ItemDetail, PlanWithMunicipality } from '@/plans/service';
import { AdminLayout } from '@views/shell/admin-layout';
import type { PageContext } from '@views/shell/layout';
import { StatusBadge } from './parts';

type Base = PageContext & { user: CurrentUser; errors?: ErrorDetail[]; notice?: string };

export function Errors({ errors, title }: { errors?: ErrorDetail[]; title: string }) {
  if (!errors || errors.length === 0) return null;
  return (
    <div class="error-box" role="alert">
      <p>{title}</p>
      <ul>
        {errors.map((error) => (
          <li>
            <code>{error.path}</code>: {error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export type PlanListRow = {
  id: number;
  title: string;
  status: (typeof planStatuses)[number];
  periodStart: string;
  periodEnd: string;
  municipalityName: string;
};

export function AdminPlansPage(
  props: Base & { plans: PlanListRow[]; municipalities: { slug: string; name: string }[] },
) {
  const { t } = props;
  return (
    <AdminLayout {...props} title={t('plans.admin.title')}>
      <h1>{t('plans.admin.title')}</h1>
      {props.plans.length === 0 ? (
        <p>{t('plans.admin.none')}</p>
      ) : (
        <ul>
          {props.plans.map((plan) => (
            <li>
              <a href={`/admin/plans/${plan.id}`}>{plan.title}</a>{' '}
              <span class="meta">
                {plan.municipalityName} · {t(`plans.planStatus.${plan.status}`)} ·{' '}
                {plan.periodStart}–{plan.periodEnd}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('plans.admin.new')}</h2>
      <Errors errors={props.errors} title={t('plans.admin.errors')} />
      <form method="post" action="/admin/plans" class="form">
        <label>
          {t('plans.admin.municipality')}
          <select name="municipality" required>
            {props.municipalities.map((m) => (
              <option value={m.slug}>{m.name}</option>
            ))}
          </select>
        </label>
        <PlanFields t={t} />
        <button class="button" type="submit">
          {t('plans.admin.create')}
        </button>
      </form>
    </AdminLayout>
  );
}

function PlanFields({ t, plan }: { t: PageContext['t']; plan?: PlanWithMunicipality }) {
  return (
    <>
      <label>
        {t('plans.field.title')}
        <input name="title" required value={plan?.title} />
      </label>
      <label>
        {t('plans.field.periodStart')}
        <input type="date" name="periodStart" required value={plan?.periodStart} />
      </label>
      <label>
        {t('plans.field.periodEnd')}
        <input type="date" name="periodEnd" required value={plan?.periodEnd} />
      </label>
      <label>
        {t('plans.field.status')}
        <select name="status">
          {planStatuses
            // An adopted plan cannot go back to draft (the server refuses it too).
            .filter((status) => !plan || plan.status === 'draft' || status !== 'draft')
            .map((status) => (
              <option value={status} selected={plan?.status === status}>
                {t(`plans.planStatus.${status}`)}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t('plans.field.summary')}
        <textarea name="summary" rows={4}>
          {plan?.summary ?? ''}
        </textarea>
      </label>
      <label>
        {t('plans.field.documentUrl')}
        <input type="url" name="documentUrl" value={plan?.documentUrl ?? ''} />
      </label>
    </>
  );
}

export type CitableOutcome = { id: number; kind: string; title: string; eventTitle: string };

/** What the item edit form shows: the item's values, or what was sent when it was refused. */
export type ItemFormValues = {
  title?: string;
  description?: string;
  responsible?: string;
  dueDate?: string;
  sourceOutcomeIds: number[];
};

/** A refused item edit: its errors are shown beside that item's form, which stays open. */
export type ItemEditState = { itemId: number; errors: ErrorDetail[]; values: ItemFormValues };

function valuesOf(item: ItemDetail): ItemFormValues {
  return {
    title: item.title,
    description: item.description ?? undefined,
    responsible: item.responsible ?? undefined,
    dueDate: item.dueDate ?? undefined,
    sourceOutcomeIds: item.sources.map((source) => source.outcomeId),
  };
}

/** The outcomes to offer for an item: the citable ones, plus any it already cites. */
function offeredSources(citable: CitableOutcome[], item: ItemDetail): CitableOutcome[] {
  const extra = item.sources
    .filter((source) => !citable.some((outcome) => outcome.id === source.outcomeId))
    .map((source) => ({
      id: source.outcomeId,
      kind: source.kind,
      title: source.title,
      eventTitle: source.event.title,
    }));
  return [...citable, ...extra];
}

function SourceChoices({
  t,
  outcomes,
  checked = [],
}: {
  t: PageContext['t'];
  outcomes: CitableOutcome[];
  checked?: number[];
}) {
  if (outcomes.length === 0) return null;
  return (
    <fieldset>
      <legend>{t('plans.field.sources')}</legend>
      {/* Tells the server the list was offered, so unticking every box clears it. */}
      <input type="hidden" name="sourcesOffered" value="1" />
      {outcomes.map((outcome) => (
        <label>
          <input
            type="checkbox"
            name="sourceOutcomeIds"
            value={String(outcome.id)}
            checked={checked.includes(outcome.id)}
          />{' '}
          {t(`outcomes.kind.${outcome.kind as 'proposal'}`)}: {outcome.title} ({outcome.eventTitle})
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The fields that describe an item: the same in the add form and in each edit form. An adopted
 * plan's item shows its due date without a field: it moves with a progress report.
 */
function ItemFields({
  t,
  values,
  lockedDueDate,
}: {
  t: PageContext['t'];
  values?: ItemFormValues;
  lockedDueDate?: { date: string | null };
}) {
  return (
    <>
      <label>
        {t('plans.field.title')}
        <input name="title" required value={values?.title} />
      </label>
      <label>
        {t('plans.field.description')}
        <textarea name="description" rows={3}>
          {values?.description ?? ''}
        </textarea>
      </label>
      <label>
        {t('plans.field.responsible')}
        <input name="responsible" value={values?.responsible} />
      </label>
      {lockedDueDate ? (
        <p>
          {t('plans.field.dueDate')}: {lockedDueDate.date ?? t('plans.admin.noDueDate')}
          <br />
          <span class="meta">{t('plans.admin.dueDateLocked')}</span>
        </p>
      ) : (
        <label>
          {t('plans.field.dueDate')}
          <input type="date" name="dueDate" value={values?.dueDate} />
        </label>
      )}
    </>
  );
}

function ItemEditForm({
  t,
  item,
  citable,
  edit,
  draft,
}: {
  t: PageContext['t'];
  item: ItemDetail;
  citable: CitableOutcome[];
  edit?: ItemEditState;
  draft: boolean;
}) {
  const values = edit?.values ?? valuesOf(item);
  return (
    <details open={edit !== undefined}>
      <summary>{t('plans.admin.editItem')}</summary>
      <Errors errors={edit?.errors} title={t('plans.admin.errors')} />
      <form method="post" action={`/admin/plan-items/${item.id}`} class="form">
        <ItemFields
          t={t}
          values={values}
          lockedDueDate={draft ? undefined : { date: item.dueDate }}
        />
        <SourceChoices
          t={t}
          outcomes={offeredSources(citable, item)}
          checked={values.sourceOutcomeIds}
        />
        <p class="meta">{t('plans.admin.editItemHint')}</p>
        <button class="button" type="submit">
          {t('plans.admin.saveItem')}
        </button>
      </form>
    </details>
  );
}

export function AdminPlanPage(
  props: Base & {
    plan: PlanWithMunicipality;
    items: ItemDetail[];
    citable: CitableOutcome[];
    itemEdit?: ItemEditState;
  },
) {
  const { t, plan } = props;
  const draft = plan.status === 'draft';
  return (
    <AdminLayout {...props} title={plan.title}>
      <h1>{plan.title}</h1>
      <p>
        <a href={`/plans/${plan.id}`}>{t('plans.admin.view')}</a> ·{' '}
        <a href={`/plans/${plan.id}/items.csv`}>{t('plans.csv')}</a>
      </p>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <Errors errors={props.errors} title={t('plans.admin.errors')} />
      <details>
        <summary>{t('plans.admin.edit')}</summary>
        <form method="post" action={`/admin/plans/${plan.id}`} class="form">
          <PlanFields t={t} plan={plan} />
          <button class="button" type="submit">
            {t('plans.admin.save')}
          </button>
        </form>
      </details>
      <p class="meta">{t('plans.admin.deleteHint')}</p>
      {draft ? (
        <form method="post" action={`/admin/plans/${plan.id}/delete`}>
          <button class="button danger" type="submit">
            {t('plans.admin.deletePlan')}
          </button>
        </form>
      ) : null}
      <h2>{t('plans.items')}</h2>
      <ol>
        {props.items.map((item) => (
          <li id={`item-${item.id}`}>
            <strong>{item.title}</strong> <StatusBadge status={item.status} t={t} /> {item.progress}
            %
            <ItemEditForm
              t={t}
              item={item}
              citable={props.citable}
              edit={props.itemEdit?.itemId === item.id ? props.itemEdit : undefined}
              draft={draft}
            />
            {draft ? (
              <form method="post" action={`/admin/plan-items/${item.id}/delete`}>
                <button class="button danger" type="submit">
                  {t('plans.admin.deleteItem')}
                </button>
              </form>
            ) : null}
            <form method="post" action={`/admin/plan-items/${item.id}/updates`} class="form">
              <fieldset>
                <legend>{t('plans.admin.addUpdate')}</legend>
                <label>
                  {t('plans.field.date')}
                  <input type="date" name="date" />
                </label>
                <label>
                  {t('plans.field.status')}
                  <select name="status">
                    <option value="">{t('plans.admin.keep')}</option>
                    {itemStatuses.map((status) => (
                      <option value={status}>{t(`plans.status.${status}`)}</option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('plans.field.progress')}
                  <input type="number" name="progress" min="0" max="100" />
                </label>
                {draft ? null : (
                  <>
                    <label>
                      {t('plans.field.newDueDate')}
                      <input type="date" name="dueDate" />
                    </label>
                    <label>
                      <input type="checkbox" name="removeDueDate" value="1" />{' '}
                      {t('plans.field.removeDueDate')}
                    </label>
                    <p class="meta">{t('plans.admin.moveDueHint')}</p>
                  </>
                )}
                <label>
                  {t('plans.field.note')}
                  <input name="note" required />
                </label>
                <button class="button secondary" type="submit">
                  {t('plans.admin.addUpdate')}
                </button>
              </fieldset>
            </form>
          </li>
        ))}
      </ol>
      <h2>{t('plans.admin.addItem')}</h2>
      <form method="post" action={`/admin/plans/${plan.id}/items`} class="form">
        <ItemFields t={t} />
        <label>
          {t('plans.field.status')}
          <select name="status">
            {itemStatuses.map((status) => (
              <option value={status}>{t(`plans.status.${status}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('plans.field.progress')}
          <input type="number" name="progress" min="0" max="100" value="0" />
        </label>
        <SourceChoices t={t} outcomes={props.citable} />
        <button class="button" type="submit">
          {t('plans.admin.addItem')}
        </button>
      </form>
      <h2>{t('plans.admin.import')}</h2>
      <p>{t('plans.admin.importHint', { columns: CSV_COLUMNS.join(', ') })}</p>
      <form
        method="post"
        action={`/admin/plans/${plan.id}/import`}
        enctype="multipart/form-data"
        class="form"
      >
        <label>
          {t('plans.admin.file')}
          <input type="file" name="file" accept=".csv,text/csv" required />
        </label>
        <button class="button secondary" type="submit">
          {t('plans.admin.import')}
        </button>
      </form>
    </AdminLayout>
  );
}

import type { CurrentUser } from '@/platform/auth/auth';
import { text, texts } from '@/platform/http/forms';
import type { PlanFormState } from '@/plans/admin-routes';
import { CSV_COLUMNS, itemStatuses, planStatuses } from '@/plans/rules';
import type { ItemDetail, PlanWithMunicipality } from '@/plans/reads';
import { AdminLayout } from '@views/shell/admin-layout';
import { Field, fieldId, invalidAttrs } from '@views/shell/form';
import {
  Choice,
  Translations,
  originalOf,
  formView,
  key,
  shown,
  Summary,
  TextArea,
  TextField,
  type FormView,
} from './admin-fields';
import type { PageContext } from '@views/shell/layout';
import type { Lang } from '@/platform/i18n';
import { StatusBadge } from './parts';
import { langOf } from '@views/shell/content';
import { contentLang } from '@/platform/i18n/content';

type T = PageContext['t'];
type Base = PageContext & { user: CurrentUser; failed?: PlanFormState; notice?: string };

export type PlanListRow = {
  id: number;
  title: string;
  originalLang: string;
  status: (typeof planStatuses)[number];
  periodStart: string;
  periodEnd: string;
  municipalityName: string;
};

function planLabels(t: T): Record<string, string> {
  return {
    municipality: t('plans.admin.municipality'),
    title: t('plans.field.title'),
    periodStart: t('plans.field.periodStart'),
    periodEnd: t('plans.field.periodEnd'),
    status: t('plans.field.status'),
    summary: t('plans.field.summary'),
    documentUrl: t('plans.field.documentUrl'),
  };
}

export function AdminPlansPage(
  props: Base & { plans: PlanListRow[]; municipalities: { slug: string; name: string }[] },
) {
  const { t, lang } = props;
  const form = formView(props.failed, 'new-plan');
  return (
    <AdminLayout {...props} title={t('plans.admin.title')}>
      <h1>{t('plans.admin.title')}</h1>
      {props.plans.length === 0 ? (
        <p>{t('plans.admin.none')}</p>
      ) : (
        <ul>
          {props.plans.map((plan) => (
            <li>
              <a
                href={`/admin/plans/${plan.id}`}
                lang={langOf(contentLang(plan.originalLang), lang)}
              >
                {plan.title}
              </a>{' '}
              <span class="meta">
                {plan.municipalityName} · {t(`plans.planStatus.${plan.status}`)} ·{' '}
                {plan.periodStart}–{plan.periodEnd}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('plans.admin.new')}</h2>
      <Summary t={t} form={form} labels={planLabels(t)} />
      <form method="post" action="/admin/plans" class="form">
        <Choice
          form={form}
          field="municipality"
          label={t('plans.admin.municipality')}
          options={props.municipalities.map((m) => ({ value: m.slug, label: m.name }))}
          selected={shown(form, 'municipality')}
          required
        />
        <PlanFields t={t} lang={props.lang} form={form} />
        <button class="button" type="submit">
          {t('plans.admin.create')}
        </button>
      </form>
    </AdminLayout>
  );
}

function PlanFields({
  t,
  lang,
  form,
  plan,
}: {
  t: T;
  lang: Lang;
  form: FormView;
  plan?: PlanWithMunicipality;
}) {
  return (
    <>
      <input type="hidden" name="originalLang" value={originalOf(form, plan)} />
      <TextField
        form={form}
        field="title"
        label={t('plans.field.title')}
        value={shown(form, 'title', plan?.title)}
        required
      />
      <Translations
        t={t}
        lang={lang}
        form={form}
        field="title"
        label={t('plans.field.title')}
        row={plan}
      />
      <TextField
        form={form}
        field="periodStart"
        type="date"
        label={t('plans.field.periodStart')}
        value={shown(form, 'periodStart', plan?.periodStart)}
        required
      />
      <TextField
        form={form}
        field="periodEnd"
        type="date"
        label={t('plans.field.periodEnd')}
        value={shown(form, 'periodEnd', plan?.periodEnd)}
        required
      />
      <Choice
        form={form}
        field="status"
        label={t('plans.field.status')}
        options={planStatuses
          // An adopted plan cannot go back to draft (the server refuses it too).
          .filter((status) => !plan || plan.status === 'draft' || status !== 'draft')
          .map((status) => ({ value: status, label: t(`plans.planStatus.${status}`) }))}
        selected={shown(form, 'status', plan?.status)}
      />
      <TextArea
        form={form}
        field="summary"
        rows={4}
        label={t('plans.field.summary')}
        value={shown(form, 'summary', plan?.summary)}
      />
      <Translations
        t={t}
        lang={lang}
        form={form}
        field="summary"
        label={t('plans.field.summary')}
        row={plan}
        multiline
      />
      <TextField
        form={form}
        field="documentUrl"
        type="url"
        label={t('plans.field.documentUrl')}
        value={shown(form, 'documentUrl', plan?.documentUrl)}
      />
    </>
  );
}

export type CitableOutcome = { id: number; kind: string; title: string; eventTitle: string };

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
  form,
  outcomes,
  checked = [],
}: {
  t: T;
  form: FormView;
  outcomes: CitableOutcome[];
  checked?: number[];
}) {
  if (outcomes.length === 0) return null;
  const id = key(form, 'sourceOutcomeIds');
  const ticked = form.sent ? texts(form.sent, 'sourceOutcomeIds') : checked.map(String);
  const messages = form.errors?.[id];
  return (
    <fieldset id={fieldId(id)} class={messages ? 'has-error' : undefined}>
      <legend>{t('plans.field.sources')}</legend>
      {messages ? <p class="field-error">{messages.join(' ')}</p> : null}
      {/* Tells the server the list was offered, so unticking every box clears it. */}
      <input type="hidden" name="sourcesOffered" value="1" />
      {outcomes.map((outcome) => (
        <label>
          <input
            type="checkbox"
            name="sourceOutcomeIds"
            value={String(outcome.id)}
            checked={ticked.includes(String(outcome.id))}
          />{' '}
          {t(`outcomes.kind.${outcome.kind as 'proposal'}`)}: {outcome.title} ({outcome.eventTitle})
        </label>
      ))}
    </fieldset>
  );
}

function itemLabels(t: T): Record<string, string> {
  return {
    title: t('plans.field.title'),
    description: t('plans.field.description'),
    responsible: t('plans.field.responsible'),
    dueDate: t('plans.field.dueDate'),
    status: t('plans.field.status'),
    progress: t('plans.field.progress'),
    sourceOutcomeIds: t('plans.field.sources'),
  };
}

/**
 * The fields that describe an item: the same in the add form and in each edit form. An adopted
 * plan's item shows its due date without a field: it moves with a progress report.
 */
function ItemFields({
  t,
  lang,
  form,
  item,
  lockedDueDate,
}: {
  t: T;
  lang: Lang;
  form: FormView;
  item?: ItemDetail;
  lockedDueDate?: { date: string | null };
}) {
  return (
    <>
      <TextField
        form={form}
        field="title"
        label={t('plans.field.title')}
        value={shown(form, 'title', item?.title)}
        required
      />
      <input type="hidden" name="originalLang" value={originalOf(form, item)} />
      <Translations
        t={t}
        lang={lang}
        form={form}
        field="title"
        label={t('plans.field.title')}
        row={item}
      />
      <TextArea
        form={form}
        field="description"
        rows={3}
        label={t('plans.field.description')}
        value={shown(form, 'description', item?.description)}
      />
      <Translations
        t={t}
        lang={lang}
        form={form}
        field="description"
        label={t('plans.field.description')}
        row={item}
        multiline
      />
      <TextField
        form={form}
        field="responsible"
        label={t('plans.field.responsible')}
        value={shown(form, 'responsible', item?.responsible)}
      />
      {lockedDueDate ? (
        <p>
          {t('plans.field.dueDate')}: {lockedDueDate.date ?? t('plans.admin.noDueDate')}
          <br />
          <span class="meta">{t('plans.admin.dueDateLocked')}</span>
        </p>
      ) : (
        <TextField
          form={form}
          field="dueDate"
          type="date"
          label={t('plans.field.dueDate')}
          value={shown(form, 'dueDate', item?.dueDate)}
        />
      )}
    </>
  );
}

function ItemEditForm({
  t,
  lang,
  item,
  citable,
  form,
  draft,
}: {
  t: T;
  lang: Lang;
  item: ItemDetail;
  citable: CitableOutcome[];
  form: FormView;
  draft: boolean;
}) {
  return (
    <details open={form.sent !== undefined}>
      <summary>{t('plans.admin.editItem')}</summary>
      <Summary t={t} form={form} labels={itemLabels(t)} />
      <form method="post" action={`/admin/plan-items/${item.id}`} class="form">
        <ItemFields
          t={t}
          lang={lang}
          form={form}
          item={item}
          lockedDueDate={draft ? undefined : { date: item.dueDate }}
        />
        <SourceChoices
          t={t}
          form={form}
          outcomes={offeredSources(citable, item)}
          checked={item.sources.map((source) => source.outcomeId)}
        />
        <p class="meta">{t('plans.admin.editItemHint')}</p>
        <button class="button" type="submit">
          {t('plans.admin.saveItem')}
        </button>
      </form>
      <p>
        <a href={`/admin/plan-items/${item.id}/attachments`}>{t('documents.admin.open')}</a>
      </p>
    </details>
  );
}

function ReportForm({
  t,
  item,
  form,
  draft,
}: {
  t: T;
  item: ItemDetail;
  form: FormView;
  draft: boolean;
}) {
  const removeId = key(form, 'removeDueDate');
  return (
    <>
      <Summary
        t={t}
        form={form}
        labels={{
          date: t('plans.field.date'),
          status: t('plans.field.status'),
          progress: t('plans.field.progress'),
          dueDate: t('plans.field.newDueDate'),
          note: t('plans.field.note'),
        }}
      />
      <form method="post" action={`/admin/plan-items/${item.id}/updates`} class="form">
        <fieldset>
          <legend>{t('plans.admin.addUpdate')}</legend>
          <TextField
            form={form}
            field="date"
            type="date"
            label={t('plans.field.date')}
            value={shown(form, 'date')}
          />
          <Choice
            form={form}
            field="status"
            label={t('plans.field.status')}
            options={[
              { value: '', label: t('plans.admin.keep') },
              ...itemStatuses.map((status) => ({
                value: status,
                label: t(`plans.status.${status}`),
              })),
            ]}
            selected={shown(form, 'status')}
          />
          <TextField
            form={form}
            field="progress"
            type="number"
            min="0"
            max="100"
            label={t('plans.field.progress')}
            value={shown(form, 'progress')}
          />
          {draft ? null : (
            <>
              <TextField
                form={form}
                field="dueDate"
                type="date"
                label={t('plans.field.newDueDate')}
                value={shown(form, 'dueDate')}
              />
              <label for={fieldId(removeId)}>
                <input
                  type="checkbox"
                  name="removeDueDate"
                  id={fieldId(removeId)}
                  value="1"
                  checked={form.sent ? text(form.sent, 'removeDueDate') !== '' : false}
                />{' '}
                {t('plans.field.removeDueDate')}
              </label>
              <p class="meta">{t('plans.admin.moveDueHint')}</p>
            </>
          )}
          <TextField
            form={form}
            field="note"
            label={t('plans.field.note')}
            value={shown(form, 'note')}
            required
          />
          <button class="button secondary" type="submit">
            {t('plans.admin.addUpdate')}
          </button>
        </fieldset>
      </form>
    </>
  );
}

export function AdminPlanPage(
  props: Base & {
    plan: PlanWithMunicipality;
    items: ItemDetail[];
    citable: CitableOutcome[];
  },
) {
  const { t, lang, plan } = props;
  const draft = plan.status === 'draft';
  const planForm = formView(props.failed, 'plan');
  const newItem = formView(props.failed, 'new-item');
  const importForm = formView(props.failed, 'import');
  return (
    <AdminLayout {...props} title={plan.title}>
      <h1 lang={langOf(contentLang(plan.originalLang), lang)}>{plan.title}</h1>
      <p>
        <a href={`/plans/${plan.id}`}>{t('plans.admin.view')}</a> ·{' '}
        <a href={`/plans/${plan.id}/items.csv`}>{t('plans.csv')}</a> ·{' '}
        <a href={`/admin/plans/${plan.id}/attachments`}>{t('documents.admin.open')}</a>
      </p>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <details open={planForm.sent !== undefined}>
        <summary>{t('plans.admin.edit')}</summary>
        <Summary t={t} form={planForm} labels={planLabels(t)} />
        <form method="post" action={`/admin/plans/${plan.id}`} class="form">
          <PlanFields t={t} lang={props.lang} form={planForm} plan={plan} />
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
        {props.items.map((item) => {
          const itemForm = formView(props.failed, `item-${item.id}`);
          const reportForm = formView(props.failed, `report-${item.id}`);
          // One item's forms at a time: each item is folded, the one whose form was refused open.
          const refused = itemForm.sent !== undefined || reportForm.sent !== undefined;
          return (
            <li id={`item-${item.id}`} data-plan-item={String(item.id)}>
              <details open={refused}>
                <summary>
                  <strong lang={langOf(contentLang(item.originalLang), lang)}>{item.title}</strong>{' '}
                  <StatusBadge status={item.status} t={t} /> {item.progress}%
                </summary>
                <ItemEditForm
                  t={t}
                  lang={props.lang}
                  item={item}
                  citable={props.citable}
                  form={itemForm}
                  draft={draft}
                />
                {draft ? (
                  <form method="post" action={`/admin/plan-items/${item.id}/delete`}>
                    <button class="button danger" type="submit">
                      {t('plans.admin.deleteItem')}
                    </button>
                  </form>
                ) : null}
                <ReportForm t={t} item={item} form={reportForm} draft={draft} />
              </details>
            </li>
          );
        })}
      </ol>
      <h2>{t('plans.admin.addItem')}</h2>
      <Summary t={t} form={newItem} labels={itemLabels(t)} />
      <form method="post" action={`/admin/plans/${plan.id}/items`} class="form">
        <ItemFields t={t} lang={props.lang} form={newItem} />
        <Choice
          form={newItem}
          field="status"
          label={t('plans.field.status')}
          options={itemStatuses.map((status) => ({
            value: status,
            label: t(`plans.status.${status}`),
          }))}
          selected={shown(newItem, 'status')}
        />
        <TextField
          form={newItem}
          field="progress"
          type="number"
          min="0"
          max="100"
          label={t('plans.field.progress')}
          value={shown(newItem, 'progress', '0')}
        />
        <SourceChoices t={t} form={newItem} outcomes={props.citable} />
        <button class="button" type="submit">
          {t('plans.admin.addItem')}
        </button>
      </form>
      <h2>{t('plans.admin.import')}</h2>
      <p>{t('plans.admin.importHint', { columns: CSV_COLUMNS.join(', ') })}</p>
      <Summary t={t} form={importForm} labels={{ file: t('plans.admin.file') }} />
      <form
        method="post"
        action={`/admin/plans/${plan.id}/import`}
        enctype="multipart/form-data"
        class="form"
      >
        <Field
          name={key(importForm, 'file')}
          label={t('plans.admin.file')}
          errors={importForm.errors}
        >
          <input
            type="file"
            name="file"
            id={fieldId(key(importForm, 'file'))}
            accept=".csv,text/csv"
            required
            {...invalidAttrs(key(importForm, 'file'), importForm.errors)}
          />
        </Field>
        <button class="button secondary" type="submit">
          {t('plans.admin.import')}
        </button>
      </form>
    </AdminLayout>
  );
}

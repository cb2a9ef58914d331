import type { CurrentUser } from '@/platform/auth/auth';
import type { AgendaItemRow, StoredEvent } from '@/events';
import { text } from '@/platform/http/forms';
import { formatOffset } from '@/platform/time';
import { outcomeKinds, type OutcomeRow } from '@/outcomes/rules';
import { AdminLayout } from '@views/shell/admin-layout';
import type { PageContext } from '@views/shell/layout';
import { ErrorSummary, Field, fieldId, invalidAttrs } from '@views/shell/form';
import type { OutcomeFormState } from '@/outcomes/admin-routes';

export type AdminOutcomesProps = PageContext & {
  user: CurrentUser;
  event: StoredEvent;
  agenda: AgendaItemRow[];
  recordings: { id: number; title: string }[];
  outcomes: OutcomeRow[];
  /** The new-outcome form as it was refused: its problems and what was sent. */
  failed?: OutcomeFormState;
  notice?: string;
};

/** A compact page for writing notes during or right after a session. */
export function AdminOutcomesPage(props: AdminOutcomesProps) {
  const { t, event } = props;
  const title = t('outcomes.admin.title', { event: event.title });
  const errors = props.failed?.problems.errors;
  const value = (name: string) => (props.failed ? text(props.failed.values, name) : undefined);
  const labels = {
    kind: t('outcomes.field.kind'),
    title: t('outcomes.field.title'),
    body: t('outcomes.field.body'),
    agendaItemId: t('outcomes.field.agendaItem'),
    recordingId: t('outcomes.field.recording'),
    offsetSeconds: t('outcomes.field.offset'),
  };
  return (
    <AdminLayout {...props} title={title}>
      <h1>{title}</h1>
      <p>
        <a href={`/events/${event.slug}`}>{t('outcomes.admin.eventPage')}</a>
      </p>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <h2>{t('outcomes.admin.new')}</h2>
      <ErrorSummary
        t={t}
        errors={errors}
        general={props.failed?.problems.general}
        labels={labels}
      />
      <form method="post" action={`/admin/events/${event.slug}/outcomes`} class="form">
        <Field name="kind" label={labels.kind} errors={errors}>
          <select name="kind" id={fieldId('kind')} {...invalidAttrs('kind', errors)}>
            {outcomeKinds.map((kind) => (
              <option value={kind} selected={value('kind') === kind}>
                {t(`outcomes.kind.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field name="title" label={labels.title} errors={errors}>
          <input
            name="title"
            id={fieldId('title')}
            required
            value={value('title')}
            {...invalidAttrs('title', errors)}
          />
        </Field>
        <Field name="body" label={labels.body} errors={errors}>
          <textarea name="body" id={fieldId('body')} rows={5} {...invalidAttrs('body', errors)}>
            {value('body')}
          </textarea>
        </Field>
        <Field name="agendaItemId" label={labels.agendaItemId} errors={errors}>
          <select
            name="agendaItemId"
            id={fieldId('agendaItemId')}
            {...invalidAttrs('agendaItemId', errors)}
          >
            <option value="">{t('outcomes.field.none')}</option>
            {props.agenda.map((item) => (
              <option value={String(item.id)} selected={value('agendaItemId') === String(item.id)}>
                {item.title}
              </option>
            ))}
          </select>
        </Field>
        <Field name="recordingId" label={labels.recordingId} errors={errors}>
          <select
            name="recordingId"
            id={fieldId('recordingId')}
            {...invalidAttrs('recordingId', errors)}
          >
            <option value="">{t('outcomes.field.none')}</option>
            {props.recordings.map((recording) => (
              <option
                value={String(recording.id)}
                selected={value('recordingId') === String(recording.id)}
              >
                {recording.title}
              </option>
            ))}
          </select>
        </Field>
        <Field name="offsetSeconds" label={labels.offsetSeconds} errors={errors}>
          <input
            type="number"
            name="offsetSeconds"
            id={fieldId('offsetSeconds')}
            min="0"
            value={value('offsetSeconds')}
            {...invalidAttrs('offsetSeconds', errors)}
          />
        </Field>
        <fieldset>
          <label>
            <input
              type="checkbox"
              name="published"
              value="1"
              checked={value('published') === '1'}
            />{' '}
            {t('outcomes.field.published')}
          </label>
        </fieldset>
        <button class="button" type="submit">
          {t('outcomes.admin.save')}
        </button>
      </form>
      <h2>{t('outcomes.admin.list')}</h2>
      {props.outcomes.length === 0 ? (
        <p>{t('outcomes.none')}</p>
      ) : (
        <table class="table">
          <tbody>
            {props.outcomes.map((outcome) => (
              <tr>
                <td>{t(`outcomes.kind.${outcome.kind}`)}</td>
                <td>
                  {outcome.title}
                  {outcome.offsetSeconds !== null
                    ? ` (${formatOffset(outcome.offsetSeconds)})`
                    : ''}
                </td>
                <td>
                  {outcome.published ? t('outcomes.admin.published') : t('outcomes.admin.draft')}
                </td>
                <td>
                  <form method="post" action={`/admin/outcomes/${outcome.id}/publish`}>
                    <input type="hidden" name="published" value={outcome.published ? '0' : '1'} />
                    <button class="link-button" type="submit">
                      {outcome.published
                        ? t('outcomes.admin.unpublish')
                        : t('outcomes.admin.publish')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

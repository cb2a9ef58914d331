import type { CurrentUser } from '@/platform/auth/auth';
import type { AgendaItemRow, StoredEvent } from '@/events';
import type { ErrorDetail } from '@/platform/http/errors';
import { formatOffset } from '@/platform/time';
import { outcomeKinds, type OutcomeRow } from '@/outcomes/service';
import { AdminLayout } from '@views/shell/admin-layout';
import type { PageContext } from '@views/shell/layout';
import { Errors } from '@/plans';

export type AdminOutcomesProps = PageContext & {
  user: CurrentUser;
  event: StoredEvent;
  agenda: AgendaItemRow[];
  recordings: { id: number; title: string }[];
  outcomes: OutcomeRow[];
  errors?: ErrorDetail[];
  notice?: string;
};

/** A compact page for writing notes during or right after a session. */
export function AdminOutcomesPage(props: AdminOutcomesProps) {
  const { t, event } = props;
  const title = t('outcomes.admin.title', { event: event.title });
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
      <Errors errors={props.errors} title={t('outcomes.admin.errors')} />
      <form method="post" action={`/admin/events/${event.slug}/outcomes`} class="form">
        <label>
          {t('outcomes.field.kind')}
          <select name="kind">
            {outcomeKinds.map((kind) => (
              <option value={kind}>{t(`outcomes.kind.${kind}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('outcomes.field.title')}
          <input name="title" required />
        </label>
        <label>
          {t('outcomes.field.body')}
          <textarea name="body" rows={5}></textarea>
        </label>
        <label>
          {t('outcomes.field.agendaItem')}
          <select name="agendaItemId">
            <option value="">{t('outcomes.field.none')}</option>
            {props.agenda.map((item) => (
              <option value={String(item.id)}>{item.title}</option>
            ))}
          </select>
        </label>
        <label>
          {t('outcomes.field.recording')}
          <select name="recordingId">
            <option value="">{t('outcomes.field.none')}</option>
            {props.recordings.map((recording) => (
              <option value={String(recording.id)}>{recording.title}</option>
            ))}
          </select>
        </label>
        <label>
          {t('outcomes.field.offset')}
          <input type="number" name="offsetSeconds" min="0" />
        </label>
        <fieldset>
          <label>
            <input type="checkbox" name="published" value="1" /> {t('outcomes.field.published')}
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

import type { CurrentUser } from '@/platform/auth/auth';
import type { AgendaRow, FieldErrors } from '@/events/forms';
import { agendaKinds } from '@/events/rules';
import type { StoredEvent } from '@/events/reads';
import { AdminLayout } from '@views/shell/admin-layout';
import type { PageContext } from '@views/shell/layout';
import { EventSubnav } from './event-form-page';

export type AgendaEditorPageProps = PageContext & {
  user: CurrentUser;
  event: StoredEvent;
  rows: AgendaRow[];
  /** Keyed by `N.field`, N the row on screen. */
  errors: FieldErrors;
  saved?: boolean;
};

/** The agenda as rows of fields: works without JavaScript (numbers reorder, a checkbox removes). */
export function AgendaEditorPage(props: AgendaEditorPageProps) {
  const { t, event, rows, errors } = props;
  const title = t('admin.agenda.title', { title: event.title });
  const rowErrors = (index: number) =>
    Object.entries(errors)
      .filter(([key]) => key.startsWith(`${index}.`))
      .flatMap(([, messages]) => messages);
  const input = (index: number, name: keyof AgendaRow, type = 'text') => {
    const id = `items.${index}.${name}`;
    const invalid = Boolean(errors[`${index}.${name}`]?.length);
    return (
      <input
        id={id}
        name={id}
        type={type}
        value={String(rows[index]?.[name] ?? '')}
        aria-invalid={invalid ? 'true' : undefined}
      />
    );
  };
  return (
    <AdminLayout {...props} title={title}>
      <h1>{title}</h1>
      <EventSubnav slug={event.slug} ctx={props} />
      {Object.keys(errors).length > 0 ? (
        <div class="error-box" role="alert">
          {t('admin.event.errors')}
        </div>
      ) : null}
      {props.saved ? (
        <p class="notice" role="status">
          {t('admin.agenda.saved')}
        </p>
      ) : null}
      <p class="meta">
        {t('admin.agenda.hint')} {t('admin.event.timesHint')} ({event.timezone})
      </p>
      <form method="post" novalidate>
        {rows.map((row, index) => (
          <fieldset class="agenda-row">
            <legend>{t('admin.agenda.row', { n: index + 1 })}</legend>
            {rowErrors(index).length > 0 ? (
              <p class="field-error" role="alert">
                {rowErrors(index).join(' ')}
              </p>
            ) : null}
            <div class="row-fields">
              <div class="field narrow">
                <label for={`items.${index}.position`}>{t('admin.agenda.position')}</label>
                {input(index, 'position', 'number')}
              </div>
              <div class="field">
                <label for={`items.${index}.startsAt`}>{t('admin.event.field.startsAt')}</label>
                {input(index, 'startsAt', 'datetime-local')}
              </div>
              <div class="field">
                <label for={`items.${index}.endsAt`}>{t('admin.event.field.endsAt')}</label>
                {input(index, 'endsAt', 'datetime-local')}
              </div>
              <div class="field wide">
                <label for={`items.${index}.title`}>{t('admin.event.field.title')}</label>
                {input(index, 'title')}
              </div>
              <div class="field">
                <label for={`items.${index}.kind`}>{t('admin.event.field.kind')}</label>
                <select id={`items.${index}.kind`} name={`items.${index}.kind`}>
                  {agendaKinds.map((kind) => (
                    <option value={kind} selected={row.kind === kind}>
                      {t(`event.agenda.kind.${kind}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for={`items.${index}.speakers`}>{t('admin.agenda.speakers')}</label>
                {input(index, 'speakers')}
              </div>
              <div class="field">
                <label for={`items.${index}.room`}>{t('event.agenda.room')}</label>
                {input(index, 'room')}
              </div>
              <div class="field wide">
                <label for={`items.${index}.description`}>
                  {t('admin.event.field.description')}
                </label>
                <textarea
                  id={`items.${index}.description`}
                  name={`items.${index}.description`}
                  rows={2}
                >
                  {row.description}
                </textarea>
              </div>
              <label class="check">
                <input type="checkbox" name={`items.${index}.remove`} checked={row.remove} />{' '}
                {t('admin.agenda.remove')}
              </label>
            </div>
          </fieldset>
        ))}
        <p>
          <button type="submit">{t('admin.agenda.save')}</button>
        </p>
      </form>
    </AdminLayout>
  );
}

import type { CurrentUser } from '@/platform/auth/auth';
import type { AgendaRow } from '@/events/forms';
import { agendaKinds } from '@/events/rules';
import type { StoredEvent } from '@/events/reads';
import type { FormProblems } from '@/platform/http/forms';
import type { MessageKey } from '@/platform/i18n';
import { AdminLayout } from '@views/shell/admin-layout';
import { ErrorSummary, FieldMessages, fieldId, invalidAttrs } from '@views/shell/form';
import type { PageContext } from '@views/shell/layout';
import { EventSubnav } from './event-form-page';

export type AgendaEditorPageProps = PageContext & {
  user: CurrentUser;
  event: StoredEvent;
  rows: AgendaRow[];
  /** Field errors keyed by `items.N.field`, N the row on screen. */
  problems?: FormProblems;
  saved?: boolean;
};

const fieldLabels: Record<keyof AgendaRow, MessageKey> = {
  position: 'admin.agenda.position',
  startsAt: 'admin.event.field.startsAt',
  endsAt: 'admin.event.field.endsAt',
  title: 'admin.event.field.title',
  kind: 'admin.event.field.kind',
  speakers: 'admin.agenda.speakers',
  room: 'event.agenda.room',
  description: 'admin.event.field.description',
  remove: 'admin.agenda.remove',
};

/** The agenda as rows of fields: works without JavaScript (numbers reorder, a checkbox removes). */
export function AgendaEditorPage(props: AgendaEditorPageProps) {
  const { t, event, rows } = props;
  const errors = props.problems?.errors ?? {};
  const title = t('admin.agenda.title', { title: event.title });
  const name = (index: number, field: keyof AgendaRow) => `items.${index}.${field}`;
  const labelFor = (index: number, field: keyof AgendaRow) => (
    <label for={fieldId(name(index, field))}>{t(fieldLabels[field])}</label>
  );
  const input = (index: number, field: keyof AgendaRow, type = 'text') => (
    <>
      <FieldMessages field={name(index, field)} errors={errors} />
      <input
        id={fieldId(name(index, field))}
        name={name(index, field)}
        type={type}
        value={String(rows[index]?.[field] ?? '')}
        {...invalidAttrs(name(index, field), errors)}
      />
    </>
  );
  // The summary names the row and the field: "Row 3, Start: …".
  const labels = Object.fromEntries(
    Object.keys(errors).map((key) => {
      const [, index, field] = key.split('.');
      const label = fieldLabels[field as keyof AgendaRow];
      return [
        key,
        `${t('admin.agenda.row', { n: Number(index) + 1 })}${label ? `, ${t(label)}` : ''}`,
      ];
    }),
  );
  return (
    <AdminLayout {...props} title={title}>
      <h1>{title}</h1>
      <EventSubnav event={event} ctx={props} />
      <ErrorSummary t={t} errors={errors} general={props.problems?.general} labels={labels} />
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
            <div class="row-fields">
              <div class="field narrow">
                {labelFor(index, 'position')}
                {input(index, 'position', 'number')}
              </div>
              <div class="field">
                {labelFor(index, 'startsAt')}
                {input(index, 'startsAt', 'datetime-local')}
              </div>
              <div class="field">
                {labelFor(index, 'endsAt')}
                {input(index, 'endsAt', 'datetime-local')}
              </div>
              <div class="field wide">
                {labelFor(index, 'title')}
                {input(index, 'title')}
              </div>
              <div class="field">
                {labelFor(index, 'kind')}
                <FieldMessages field={name(index, 'kind')} errors={errors} />
                <select
                  id={fieldId(name(index, 'kind'))}
                  name={name(index, 'kind')}
                  {...invalidAttrs(name(index, 'kind'), errors)}
                >
                  {agendaKinds.map((kind) => (
                    <option value={kind} selected={row.kind === kind}>
                      {t(`event.agenda.kind.${kind}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                {labelFor(index, 'speakers')}
                {input(index, 'speakers')}
              </div>
              <div class="field">
                {labelFor(index, 'room')}
                {input(index, 'room')}
              </div>
              <div class="field wide">
                {labelFor(index, 'description')}
                <FieldMessages field={name(index, 'description')} errors={errors} />
                <textarea
                  id={fieldId(name(index, 'description'))}
                  name={name(index, 'description')}
                  rows={2}
                  {...invalidAttrs(name(index, 'description'), errors)}
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

import type { CurrentUser } from '@/platform/auth/auth';
import { blankAgendaRow, type AgendaRow } from '@/events/forms';
import { agendaKinds } from '@/events/rules';
import type { StoredEvent } from '@/events/reads';
import type { FieldErrors } from '@/platform/http/validation';
import type { FormProblems } from '@/platform/http/forms';
import { isLang, type MessageKey } from '@/platform/i18n';
import { formatDay, zoneLabel } from '@/platform/time';
import { AdminLayout } from '@views/shell/admin-layout';
import {
  ErrorSummary,
  FieldMessages,
  TranslationFields,
  fieldId,
  invalidAttrs,
} from '@views/shell/form';
import type { PageContext } from '@views/shell/layout';
import { EventSubnav } from './event-form-page';

export type AgendaEditorPageProps = PageContext & {
  user: CurrentUser;
  event: StoredEvent;
  /** The event's days (yyyy-mm-dd in its zone): a row chooses one only when there are several. */
  days: string[];
  rows: AgendaRow[];
  /** Field errors keyed by `items.N.field`, N the row on screen. */
  problems?: FormProblems;
  saved?: boolean;
};

const fieldLabels: Record<keyof AgendaRow, MessageKey> = {
  day: 'admin.agenda.day',
  startsAt: 'admin.event.field.startsAt',
  endsAt: 'admin.event.field.endsAt',
  title: 'admin.event.field.title',
  kind: 'admin.event.field.kind',
  speakers: 'admin.agenda.speakers',
  room: 'event.agenda.room',
  description: 'admin.event.field.description',
  remove: 'admin.agenda.remove',
  titles: 'admin.event.field.title',
};

/** The placeholder /assets/forms.js replaces with a new row's number in the row template. */
const NEW_ROW = '__row__';

function AgendaRowFields(props: {
  ctx: AgendaEditorPageProps;
  row: AgendaRow;
  /** The row's index in field names, or NEW_ROW in the template. */
  index: number | typeof NEW_ROW;
  errors: FieldErrors;
}) {
  const { ctx, row, index, errors } = props;
  const { t, lang, days } = ctx;
  const name = (field: keyof AgendaRow) => `items.${index}.${field}`;
  const label = (field: keyof AgendaRow) => (
    <label for={fieldId(name(field))}>{t(fieldLabels[field])}</label>
  );
  const input = (field: keyof AgendaRow, type = 'text') => (
    <>
      <FieldMessages field={name(field)} errors={errors} />
      <input
        id={fieldId(name(field))}
        name={name(field)}
        type={type}
        value={String(row[field])}
        {...invalidAttrs(name(field), errors)}
      />
    </>
  );
  // A day the event no longer spans (it was moved) stays choosable until the row is changed.
  const dayChoices = days.includes(row.day) || !row.day ? days : [...days, row.day];
  return (
    <fieldset class="agenda-row">
      <legend>
        {index === NEW_ROW ? t('admin.agenda.newRow') : t('admin.agenda.row', { n: index + 1 })}
      </legend>
      <div class="row-fields">
        {dayChoices.length > 1 ? (
          <div class="field">
            {label('day')}
            <FieldMessages field={name('day')} errors={errors} />
            <select id={fieldId(name('day'))} name={name('day')}>
              {dayChoices.map((day) => (
                <option value={day} selected={row.day === day}>
                  {formatDay(new Date(`${day}T12:00:00Z`), 'UTC', lang, { now: ctx.now })}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div class="field narrow">
          {label('startsAt')}
          {input('startsAt', 'time')}
        </div>
        <div class="field narrow">
          {label('endsAt')}
          {input('endsAt', 'time')}
        </div>
        <div class="field wide">
          {label('title')}
          {input('title')}
          <TranslationFields
            ctx={ctx}
            name={name('title')}
            label={t('admin.event.field.title')}
            original={isLang(ctx.event.originalLang) ? ctx.event.originalLang : 'et'}
            values={Object.fromEntries(
              Object.entries(row.titles).map(([lang, text]) => [`${name('title')}.${lang}`, text]),
            )}
            errors={errors}
          />
        </div>
        <div class="field">
          {label('kind')}
          <FieldMessages field={name('kind')} errors={errors} />
          <select
            id={fieldId(name('kind'))}
            name={name('kind')}
            {...invalidAttrs(name('kind'), errors)}
          >
            {agendaKinds.map((kind) => (
              <option value={kind} selected={row.kind === kind}>
                {t(`event.agenda.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          {label('speakers')}
          {input('speakers')}
        </div>
        <div class="field">
          {label('room')}
          {input('room')}
        </div>
        <div class="field wide">
          {label('description')}
          <FieldMessages field={name('description')} errors={errors} />
          <textarea
            id={fieldId(name('description'))}
            name={name('description')}
            rows={2}
            {...invalidAttrs(name('description'), errors)}
          >
            {row.description}
          </textarea>
        </div>
        <label class="check" data-remove-row>
          <input type="checkbox" name={name('remove')} checked={row.remove} />{' '}
          {t('admin.agenda.remove')}
        </label>
      </div>
    </fieldset>
  );
}

/**
 * The agenda as rows of fields, saved in time order. Works without JavaScript ("Add a row"
 * posts the rows back with one more, a checkbox removes one); /assets/forms.js adds and removes
 * rows in place.
 */
export function AgendaEditorPage(props: AgendaEditorPageProps) {
  const { t, event, rows } = props;
  const errors = props.problems?.errors ?? {};
  const title = t('admin.agenda.title', { title: event.title });
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
  const days = props.days;
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
        {t('admin.agenda.hint')}{' '}
        {t(days.length > 1 ? 'admin.agenda.zoneHintDays' : 'admin.agenda.zoneHintDay', {
          day: formatDay(new Date(`${days[0] ?? ''}T12:00:00Z`), 'UTC', props.lang, {
            now: props.now,
          }),
          zone: zoneLabel(event.timezone, props.lang),
        })}
      </p>
      <form method="post" novalidate data-row-editor>
        <div data-rows>
          {rows.map((row, index) => (
            <AgendaRowFields ctx={props} row={row} index={index} errors={errors} />
          ))}
        </div>
        <template data-row-template>
          <AgendaRowFields
            ctx={props}
            row={blankAgendaRow(days[0] ?? '')}
            index={NEW_ROW}
            errors={{}}
          />
        </template>
        {/* Save comes first: Enter in a field submits the form's first button. */}
        <p class="actions">
          <button type="submit">{t('admin.agenda.save')}</button>{' '}
          <button type="submit" name="addRow" value="1" class="secondary" data-add-row>
            {t('admin.agenda.addRow')}
          </button>
        </p>
      </form>
    </AdminLayout>
  );
}

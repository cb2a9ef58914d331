import type { CurrentUser } from '@/platform/auth/auth';
import type { AgendaItemRow, StoredEvent } from '@/events';
import { text, type Form } from '@/platform/http/forms';
import type { FieldErrors } from '@/platform/http/validation';
import { formatOffset } from '@/platform/time';
import { OUTCOME_TEXT_FIELDS, outcomeKinds, type OutcomeRow } from '@/outcomes/rules';
import { isLang, languages, type Lang } from '@/platform/i18n';
import { AdminLayout } from '@views/shell/admin-layout';
import type { PageContext } from '@views/shell/layout';
import {
  ErrorSummary,
  Field,
  TranslationFields,
  fieldId,
  invalidAttrs,
  translationValues,
} from '@views/shell/form';
import type { OutcomeFormState } from '@/outcomes/admin-routes';
import { NotePlayer, offsetInputAttrs } from './note-player';

export type AdminOutcomesProps = PageContext & {
  user: CurrentUser;
  event: StoredEvent;
  agenda: AgendaItemRow[];
  recordings: { id: number; title: string }[];
  /** The event's recordings with their sources: the first that reports its time plays here. */
  playable?: { id: number; title: string; sourceUrl: string }[];
  outcomes: OutcomeRow[];
  /** A form as it was refused (the new note's, or one note's edit or delete): its problems and what was sent. */
  failed?: OutcomeFormState;
  notice?: string;
};

type Values = (name: string) => string | undefined;

/** A note's values as its edit form shows them ("said at" as h:mm:ss). */
function valuesOf(outcome: OutcomeRow): Form {
  return {
    kind: outcome.kind,
    title: outcome.title,
    body: outcome.body,
    agendaItemId: outcome.agendaItemId === null ? '' : String(outcome.agendaItemId),
    recordingId: outcome.recordingId === null ? '' : String(outcome.recordingId),
    offsetSeconds: outcome.offsetSeconds === null ? '' : formatOffset(outcome.offsetSeconds),
    published: outcome.published ? '1' : '',
    originalLang: outcome.originalLang,
    ...translationValues(outcome, OUTCOME_TEXT_FIELDS),
  };
}

/**
 * The fields of a note, for the new form and each edit form: the inputs keep their names, the
 * ids and messages are the form's own (`prefix`), so several forms live on one page.
 */
function OutcomeFields(
  props: AdminOutcomesProps & {
    prefix: string;
    value: Values;
    errors: FieldErrors | undefined;
    labels: Record<string, string>;
    publishLabel: string;
  },
) {
  const { t, prefix, value, errors, labels } = props;
  const key = (name: string) => `${prefix}${name}`;
  const id = (name: string) => fieldId(key(name));
  const invalid = (name: string) => invalidAttrs(key(name), errors);
  // The texts in other languages (issue 18): the original's language kept in a hidden field.
  const original = isLang(value('originalLang')) ? (value('originalLang') as Lang) : 'et';
  const translationValuesShown = Object.fromEntries(
    OUTCOME_TEXT_FIELDS.flatMap((field) =>
      languages.map((lang) => [`${field}.${lang}`, value(`${field}.${lang}`) ?? '']),
    ),
  );
  const translations = (name: string, label: string, multiline = false) => (
    <TranslationFields
      ctx={props}
      name={name}
      label={label}
      original={original}
      values={translationValuesShown}
      errors={errors}
      prefix={prefix}
      multiline={multiline}
    />
  );
  return (
    <>
      <input type="hidden" name="originalLang" value={original} />
      <Field name={key('kind')} label={labels.kind ?? ''} errors={errors}>
        <select name="kind" id={id('kind')} {...invalid('kind')}>
          {outcomeKinds.map((kind) => (
            <option value={kind} selected={value('kind') === kind}>
              {t(`outcomes.kind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field name={key('title')} label={labels.title ?? ''} errors={errors}>
        <input
          name="title"
          id={id('title')}
          required
          value={value('title')}
          {...invalid('title')}
        />
      </Field>
      {translations('title', labels.title ?? '')}
      <Field name={key('body')} label={labels.body ?? ''} errors={errors}>
        <textarea name="body" id={id('body')} rows={5} {...invalid('body')}>
          {value('body')}
        </textarea>
      </Field>
      {translations('body', labels.body ?? '', true)}
      <Field name={key('agendaItemId')} label={labels.agendaItemId ?? ''} errors={errors}>
        <select name="agendaItemId" id={id('agendaItemId')} {...invalid('agendaItemId')}>
          <option value="">{t('outcomes.field.none')}</option>
          {props.agenda.map((item) => (
            <option value={String(item.id)} selected={value('agendaItemId') === String(item.id)}>
              {item.title}
            </option>
          ))}
        </select>
      </Field>
      <Field name={key('recordingId')} label={labels.recordingId ?? ''} errors={errors}>
        <select name="recordingId" id={id('recordingId')} {...invalid('recordingId')}>
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
      <Field
        name={key('offsetSeconds')}
        label={labels.offsetSeconds ?? ''}
        hint={t('outcomes.field.offsetHint')}
        errors={errors}
      >
        <input
          name="offsetSeconds"
          id={id('offsetSeconds')}
          inputmode="numeric"
          autocomplete="off"
          maxlength={12}
          pattern="\d{1,7}|\d{1,5}:[0-5]\d|\d{1,4}:[0-5]\d:[0-5]\d"
          value={value('offsetSeconds')}
          {...invalid('offsetSeconds')}
          {...offsetInputAttrs(t)}
        />
      </Field>
      <fieldset>
        <label>
          <input type="checkbox" name="published" value="1" checked={value('published') === '1'} />{' '}
          {props.publishLabel}
        </label>
      </fieldset>
    </>
  );
}

/** A compact page for writing notes during or right after a session, and changing them later. */
export function AdminOutcomesPage(props: AdminOutcomesProps) {
  const { t, event } = props;
  const title = t('outcomes.admin.title', { event: event.title });
  const base = `/admin/events/${event.slug}/outcomes`;
  const failed = props.failed;
  const newFailed = failed && failed.outcomeId === undefined ? failed : undefined;
  const labelsFor = (prefix: string) => ({
    [`${prefix}kind`]: t('outcomes.field.kind'),
    [`${prefix}title`]: t('outcomes.field.title'),
    [`${prefix}body`]: t('outcomes.field.body'),
    [`${prefix}agendaItemId`]: t('outcomes.field.agendaItem'),
    [`${prefix}recordingId`]: t('outcomes.field.recording'),
    [`${prefix}offsetSeconds`]: t('outcomes.field.offset'),
  });
  const labels = {
    kind: t('outcomes.field.kind'),
    title: t('outcomes.field.title'),
    body: t('outcomes.field.body'),
    agendaItemId: t('outcomes.field.agendaItem'),
    recordingId: t('outcomes.field.recording'),
    offsetSeconds: t('outcomes.field.offset'),
  };
  /** The problems of a note's form, keyed by its prefixed field names. */
  const prefixed = (prefix: string, errors: FieldErrors | undefined): FieldErrors =>
    Object.fromEntries(Object.entries(errors ?? {}).map(([name, list]) => [prefix + name, list]));
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
      <NotePlayer t={t} lang={props.lang} recordings={props.playable ?? []} />
      <h2>{t('outcomes.admin.list')}</h2>
      {props.outcomes.length === 0 ? (
        <p>{t('outcomes.none')}</p>
      ) : (
        <ul class="fold-list">
          {props.outcomes.map((outcome) => {
            const prefix = `o${outcome.id}-`;
            const mine = failed?.outcomeId === outcome.id ? failed : undefined;
            const errors = mine ? prefixed(prefix, mine.problems.errors) : undefined;
            const sent = mine && Object.keys(mine.values).length > 0 ? mine.values : undefined;
            const shown = sent ?? valuesOf(outcome);
            return (
              <li id={`outcome-${outcome.id}`} data-outcome={String(outcome.id)}>
                <details open={mine !== undefined}>
                  <summary>
                    {t(`outcomes.kind.${outcome.kind}`)}: {outcome.title}
                    {outcome.offsetSeconds !== null
                      ? ` (${formatOffset(outcome.offsetSeconds)})`
                      : ''}
                    {' · '}
                    {outcome.published ? t('outcomes.admin.published') : t('outcomes.admin.draft')}
                  </summary>
                  <ErrorSummary
                    t={t}
                    errors={errors}
                    general={mine?.problems.general}
                    labels={labelsFor(prefix)}
                  />
                  <form method="post" action={`${base}/${outcome.id}`} class="form">
                    <OutcomeFields
                      {...props}
                      prefix={prefix}
                      value={(name) => text(shown, name)}
                      errors={errors}
                      labels={labels}
                      publishLabel={t('outcomes.field.publishedEdit')}
                    />
                    <button class="button" type="submit">
                      {t('outcomes.admin.save')}
                    </button>
                  </form>
                  <form method="post" action={`${base}/${outcome.id}/delete`}>
                    <button class="danger" type="submit">
                      {t('outcomes.admin.delete')}
                    </button>
                  </form>
                </details>
                <form method="post" action={`/admin/outcomes/${outcome.id}/publish`}>
                  <input type="hidden" name="published" value={outcome.published ? '0' : '1'} />
                  <button class="link-button" type="submit">
                    {outcome.published
                      ? t('outcomes.admin.unpublish')
                      : t('outcomes.admin.publish')}
                  </button>
                </form>
                <a href={`/admin/outcomes/${outcome.id}/attachments`}>
                  {t('documents.admin.open')}
                </a>
                {props.recordings.length > 0 ? (
                  <>
                    {' · '}
                    <a href={`${base}/${outcome.id}/quote`}>{t('captions.quote.link')}</a>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <h2>{t('outcomes.admin.new')}</h2>
      <ErrorSummary
        t={t}
        errors={newFailed?.problems.errors}
        general={newFailed?.problems.general}
        labels={labels}
      />
      <form method="post" action={base} class="form">
        <OutcomeFields
          {...props}
          prefix=""
          value={(name) => (newFailed ? text(newFailed.values, name) : undefined)}
          errors={newFailed?.problems.errors}
          labels={labels}
          publishLabel={t('outcomes.field.published')}
        />
        <button class="button" type="submit">
          {t('outcomes.admin.save')}
        </button>
      </form>
    </AdminLayout>
  );
}

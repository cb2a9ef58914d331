import { MediaPlayer } from './player';
import type { CurrentUser } from '@/platform/auth/auth';
import type { FormProblems } from '@/platform/http/forms';
import type { FieldErrors } from '@/platform/http/validation';
import { formatOffset, formatTime } from '@/platform/time';
import type { RecordingFormValues } from '@/recordings/forms';
import { providerOf } from '@/recordings/providers';
import type { AgendaEntry, ManagedEvent, RecordingView } from '@/recordings/queries';
import { AdminLayout } from '@views/shell/admin-layout';
import { ErrorSummary, Field, TranslationFields, fieldId, invalidAttrs } from '@views/shell/form';
import type { PageContext } from '@views/shell/layout';

type Common = PageContext & { user: CurrentUser; event: ManagedEvent; agenda: AgendaEntry[] };

/** The summary names each field as its label does. */
function Summary(props: { t: PageContext['t']; problems: FormProblems | undefined }) {
  const { t } = props;
  return (
    <ErrorSummary
      t={t}
      errors={props.problems?.errors}
      general={props.problems?.general}
      labels={{
        url: t('recordings.field.url'),
        title: t('recordings.field.title'),
        kind: t('recordings.field.kind'),
        agendaItemId: t('recordings.field.agendaItem'),
        language: t('recordings.field.language'),
        duration: t('recordings.field.duration'),
        captionsUrl: t('recordings.field.captionsUrl'),
        chapters: t('recordings.field.chapters'),
        published: t('recordings.field.published'),
        startsAt: t('recordings.admin.recordingStart'),
      }}
    />
  );
}

function RecordingForm(
  props: Common & { action: string; values: RecordingFormValues; errors: FieldErrors },
) {
  const { t, lang, values, errors } = props;
  const zone = props.event.timezone;
  const input = (name: keyof RecordingFormValues, extra: Record<string, unknown> = {}) => (
    <input
      id={fieldId(name)}
      name={name}
      value={String(values[name])}
      {...extra}
      {...invalidAttrs(name, errors)}
    />
  );
  return (
    <form method="post" action={props.action} class="form">
      <Field name="url" label={t('recordings.field.url')} errors={errors}>
        {input('url', { type: 'url', required: true })}
      </Field>
      <Field
        name="title"
        label={t('recordings.field.title')}
        hint={t('recordings.field.titleHint')}
        errors={errors}
      >
        {input('title', { maxlength: 300 })}
      </Field>
      <input type="hidden" name="originalLang" value={values.originalLang} />
      <TranslationFields
        ctx={props}
        name="title"
        label={t('recordings.field.title')}
        original={values.originalLang}
        values={values.titles}
        errors={errors}
      />
      <Field name="kind" label={t('recordings.field.kind')} errors={errors}>
        <select id={fieldId('kind')} name="kind" {...invalidAttrs('kind', errors)}>
          <option value="recording" selected={values.kind === 'recording'}>
            {t('recordings.kind.recording')}
          </option>
          <option value="live" selected={values.kind === 'live'}>
            {t('recordings.kind.live')}
          </option>
        </select>
      </Field>
      <Field name="agendaItemId" label={t('recordings.field.agendaItem')} errors={errors}>
        <select
          id={fieldId('agendaItemId')}
          name="agendaItemId"
          {...invalidAttrs('agendaItemId', errors)}
        >
          <option value="">{t('recordings.field.agendaNone')}</option>
          {props.agenda.map((item) => (
            <option value={String(item.id)} selected={values.agendaItemId === String(item.id)}>
              {formatTime(item.startsAt, zone, lang)} {item.title}
            </option>
          ))}
        </select>
      </Field>
      <Field name="language" label={t('recordings.field.language')} errors={errors}>
        {input('language', { maxlength: 20 })}
      </Field>
      <Field name="duration" label={t('recordings.field.duration')} errors={errors}>
        {input('duration', { maxlength: 20 })}
      </Field>
      <Field name="captionsUrl" label={t('recordings.field.captionsUrl')} errors={errors}>
        {input('captionsUrl', { type: 'url' })}
      </Field>
      <Field name="chapters" label={t('recordings.field.chapters')} errors={errors}>
        <textarea
          id={fieldId('chapters')}
          name="chapters"
          rows={8}
          data-offset-input={t('recordings.admin.playerTime')}
          {...invalidAttrs('chapters', errors)}
        >
          {values.chapters}
        </textarea>
      </Field>
      <fieldset>
        <label>
          <input
            id={fieldId('published')}
            type="checkbox"
            name="published"
            value="on"
            checked={values.published}
          />{' '}
          {t('recordings.field.published')}
        </label>
      </fieldset>
      <p>
        <button type="submit">{t('recordings.admin.save')}</button>
      </p>
    </form>
  );
}

/** /admin/events/:slug/recordings: the list (order, edit, remove) and the form to add one. */
export function AdminRecordingsPage(
  props: Common & {
    recordings: RecordingView[];
    values: RecordingFormValues;
    problems?: FormProblems;
  },
) {
  const { t } = props;
  const base = `/admin/events/${props.event.slug}/recordings`;
  const title = t('recordings.admin.title', { event: props.event.title });
  return (
    <AdminLayout {...props} title={title}>
      <h1>{title}</h1>
      <Summary t={t} problems={props.problems} />
      <p>{t('recordings.admin.intro')}</p>
      {props.recordings.length === 0 ? (
        <p>{t('recordings.admin.none')}</p>
      ) : (
        <table class="admin-table">
          <tbody>
            {props.recordings.map((recording, index) => (
              <tr>
                <td>
                  <a href={`${base}/${recording.id}`}>{recording.title}</a>
                  <div class="meta">
                    {t(`recordings.kind.${recording.kind}`)} ·{' '}
                    {t(`recordings.provider.${providerOf(recording.sourceUrl) ?? 'link'}`)}
                    {recording.durationSeconds
                      ? ` · ${formatOffset(recording.durationSeconds)}`
                      : ''}
                    {' · '}
                    {t('recordings.admin.chapterCount', { count: recording.chapters.length })}
                    {recording.published ? '' : ` · ${t('recordings.admin.unpublished')}`}
                  </div>
                </td>
                <td>
                  {index > 0 ? (
                    <form method="post" action={`${base}/${recording.id}/move`}>
                      <input type="hidden" name="direction" value="up" />
                      <button type="submit">{t('recordings.admin.moveUp')}</button>
                    </form>
                  ) : null}
                  {index < props.recordings.length - 1 ? (
                    <form method="post" action={`${base}/${recording.id}/move`}>
                      <input type="hidden" name="direction" value="down" />
                      <button type="submit">{t('recordings.admin.moveDown')}</button>
                    </form>
                  ) : null}
                </td>
                <td>
                  <a href={`${base}/${recording.id}`}>{t('recordings.admin.edit')}</a>
                  {/* Captions one click from the list (issue 14: every action near the dashboard). */}
                  <br />
                  <a href={`${base}/${recording.id}/captions`}>{t('captions.admin.link')}</a>
                  <form method="post" action={`${base}/${recording.id}/delete`}>
                    <button type="submit">{t('recordings.admin.delete')}</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('recordings.admin.add')}</h2>
      <RecordingForm {...props} action={base} errors={props.problems?.errors ?? {}} />
    </AdminLayout>
  );
}

/** /admin/events/:slug/recordings/:id: edit one, or set its chapters from the agenda. */
export function AdminRecordingEditPage(
  props: Common & {
    recording: RecordingView;
    values: RecordingFormValues;
    problems?: FormProblems;
    recordingStart: string;
  },
) {
  const { t } = props;
  const base = `/admin/events/${props.event.slug}/recordings`;
  const title = t('recordings.admin.editTitle', { title: props.recording.title });
  return (
    <AdminLayout {...props} title={title}>
      <p>
        <a href={base}>{t('recordings.admin.back')}</a>
        {props.recording.published && props.event.status !== 'draft' ? (
          <>
            {' · '}
            <a href={`/recordings/${props.recording.id}`}>{t('recordings.admin.view')}</a>
          </>
        ) : null}
        {' · '}
        <a href={`${base}/${props.recording.id}/captions`}>{t('captions.admin.link')}</a>
      </p>
      <h1>{title}</h1>
      <Summary t={t} problems={props.problems} />
      {/* The recording itself: chapters can take the time it is at (/assets/forms.js). */}
      <MediaPlayer
        t={t}
        lang={props.lang}
        title={props.recording.title}
        sourceUrl={props.recording.sourceUrl}
        id="player"
      />
      <RecordingForm
        {...props}
        action={`${base}/${props.recording.id}`}
        errors={props.problems?.errors ?? {}}
      />
      {props.agenda.length > 0 ? (
        <section>
          <h2>{t('recordings.admin.chaptersFromAgenda')}</h2>
          <p>{t('recordings.admin.chaptersFromAgendaHint')}</p>
          <form
            method="post"
            action={`${base}/${props.recording.id}/chapters-from-agenda`}
            class="form"
          >
            <Field
              name="startsAt"
              label={t('recordings.admin.recordingStart')}
              errors={props.problems?.errors}
            >
              <input
                id={fieldId('startsAt')}
                name="startsAt"
                type="datetime-local"
                value={props.recordingStart}
                {...invalidAttrs('startsAt', props.problems?.errors)}
              />
            </Field>
            <p>
              <button type="submit">{t('recordings.admin.chaptersFromAgenda')}</button>
            </p>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}

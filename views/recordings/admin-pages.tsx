import type { CurrentUser } from '@/platform/auth/auth';
import type { ErrorDetail } from '@/platform/http/errors';
import { formatOffset, formatTime } from '@/platform/time';
import { providerOf } from '@/recordings/providers';
import type { AgendaEntry, ManagedEvent, RecordingView } from '@/recordings/queries';
import { AdminLayout } from '@views/shell/admin-layout';
import type { PageContext } from '@views/shell/layout';

/** What the form shows: the values as typed, so a rejected form comes back filled in. */
export type RecordingFormValues = {
  url: string;
  title: string;
  kind: 'live' | 'recording';
  agendaItemId: string;
  language: string;
  duration: string;
  captionsUrl: string;
  chapters: string;
  published: boolean;
};

export const emptyRecordingForm: RecordingFormValues = {
  url: '',
  title: '',
  kind: 'recording',
  agendaItemId: '',
  language: '',
  duration: '',
  captionsUrl: '',
  chapters: '',
  published: true,
};

type Common = PageContext & { user: CurrentUser; event: ManagedEvent; agenda: AgendaEntry[] };

function Errors({ errors, t }: { errors: ErrorDetail[]; t: PageContext['t'] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-box" role="alert">
      <p>{t('recordings.admin.errors')}</p>
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

function fieldError(errors: ErrorDetail[], name: string) {
  const found = errors.filter((e) => e.path === name || e.path.startsWith(`${name}.`));
  return found.length > 0 ? (
    <p class="field-error" id={`${name}-error`}>
      {found.map((e) => e.message).join('; ')}
    </p>
  ) : null;
}

function RecordingForm(
  props: Common & { action: string; values: RecordingFormValues; errors: ErrorDetail[] },
) {
  const { t, lang, values, errors } = props;
  const zone = props.event.timezone;
  const invalid = (name: string) =>
    errors.some((e) => e.path === name || e.path.startsWith(`${name}.`)) ? 'true' : undefined;
  return (
    <form method="post" action={props.action} class="form">
      <div class="field">
        <label for="rec-url">{t('recordings.field.url')}</label>
        <input
          id="rec-url"
          name="url"
          type="url"
          required
          value={values.url}
          aria-invalid={invalid('url')}
        />
        {fieldError(errors, 'url')}
      </div>
      <div class="field">
        <label for="rec-title">{t('recordings.field.title')}</label>
        <input id="rec-title" name="title" value={values.title} maxlength={300} />
        <span class="meta">{t('recordings.field.titleHint')}</span>
        {fieldError(errors, 'title')}
      </div>
      <div class="field">
        <label for="rec-kind">{t('recordings.field.kind')}</label>
        <select id="rec-kind" name="kind">
          <option value="recording" selected={values.kind === 'recording'}>
            {t('recordings.kind.recording')}
          </option>
          <option value="live" selected={values.kind === 'live'}>
            {t('recordings.kind.live')}
          </option>
        </select>
      </div>
      <div class="field">
        <label for="rec-agenda">{t('recordings.field.agendaItem')}</label>
        <select id="rec-agenda" name="agendaItemId" aria-invalid={invalid('agendaItemId')}>
          <option value="">{t('recordings.field.agendaNone')}</option>
          {props.agenda.map((item) => (
            <option value={String(item.id)} selected={values.agendaItemId === String(item.id)}>
              {formatTime(item.startsAt, zone, lang)} {item.title}
            </option>
          ))}
        </select>
        {fieldError(errors, 'agendaItemId')}
      </div>
      <div class="field">
        <label for="rec-language">{t('recordings.field.language')}</label>
        <input
          id="rec-language"
          name="language"
          value={values.language}
          maxlength={20}
          aria-invalid={invalid('language')}
        />
        {fieldError(errors, 'language')}
      </div>
      <div class="field">
        <label for="rec-duration">{t('recordings.field.duration')}</label>
        <input
          id="rec-duration"
          name="duration"
          value={values.duration}
          maxlength={20}
          aria-invalid={invalid('durationSeconds')}
        />
        {fieldError(errors, 'durationSeconds')}
      </div>
      <div class="field">
        <label for="rec-captions">{t('recordings.field.captionsUrl')}</label>
        <input
          id="rec-captions"
          name="captionsUrl"
          type="url"
          value={values.captionsUrl}
          aria-invalid={invalid('captionsUrl')}
        />
        {fieldError(errors, 'captionsUrl')}
      </div>
      <div class="field">
        <label for="rec-chapters">{t('recordings.field.chapters')}</label>
        <textarea id="rec-chapters" name="chapters" rows={8} aria-invalid={invalid('chapters')}>
          {values.chapters}
        </textarea>
        {fieldError(errors, 'chapters')}
      </div>
      <fieldset>
        <label>
          <input type="checkbox" name="published" value="on" checked={values.published} />{' '}
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
    errors: ErrorDetail[];
  },
) {
  const { t } = props;
  const base = `/admin/events/${props.event.slug}/recordings`;
  const title = t('recordings.admin.title', { event: props.event.title });
  return (
    <AdminLayout {...props} title={title}>
      <h1>{title}</h1>
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
      <Errors errors={props.errors} t={t} />
      <RecordingForm {...props} action={base} />
    </AdminLayout>
  );
}

/** /admin/events/:slug/recordings/:id: edit one, or set its chapters from the agenda. */
export function AdminRecordingEditPage(
  props: Common & {
    recording: RecordingView;
    values: RecordingFormValues;
    errors: ErrorDetail[];
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
      </p>
      <h1>{title}</h1>
      <Errors errors={props.errors} t={t} />
      <RecordingForm {...props} action={`${base}/${props.recording.id}`} />
      {props.agenda.length > 0 ? (
        <section>
          <h2>{t('recordings.admin.chaptersFromAgenda')}</h2>
          <p>{t('recordings.admin.chaptersFromAgendaHint')}</p>
          <form
            method="post"
            action={`${base}/${props.recording.id}/chapters-from-agenda`}
            class="form"
          >
            <div class="field">
              <label for="rec-start">{t('recordings.admin.recordingStart')}</label>
              <input
                id="rec-start"
                name="startsAt"
                type="datetime-local"
                value={props.recordingStart}
              />
            </div>
            <p>
              <button type="submit">{t('recordings.admin.chaptersFromAgenda')}</button>
            </p>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}

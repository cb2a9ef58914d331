import { CAPTIONS_MAX_BYTES, MAX_CUES } from '@/captions/limits';
import { formatSize } from '@/platform/i18n/size';
import type { CurrentUser } from '@/platform/auth/auth';
import type { FormProblems } from '@/platform/http/forms';
import { formatDayTime } from '@/platform/time';
import { AdminLayout } from '@views/shell/admin-layout';
import { ErrorSummary, Field, fieldId, invalidAttrs } from '@views/shell/form';
import type { PageContext } from '@views/shell/layout';
import { languageName } from '@/platform/i18n/language-name';

/** The languages captions are uploaded in here (the API takes any language code). */
const UPLOAD_LANGUAGES = ['et', 'ru', 'en'] as const;

export type AdminCaptionsPageProps = PageContext & {
  user: CurrentUser;
  event: { slug: string; title: string; status: string; timezone: string };
  recording: { id: number; title: string; published: boolean; language: string | null };
  captions: { language: string; cues: number; updatedAt: Date }[];
  problems?: FormProblems | undefined;
  language: string;
  done: 'saved' | 'removed' | null;
};

/** /admin/events/:slug/recordings/:id/captions: upload a captions file per language, or remove one. */
export function AdminCaptionsPage(props: AdminCaptionsPageProps) {
  const { t, lang } = props;
  const chosenLanguage = [props.language, props.recording.language, lang].find((code) =>
    UPLOAD_LANGUAGES.some((known) => known === code),
  );
  const base = `/admin/events/${props.event.slug}/recordings/${props.recording.id}`;
  const title = t('captions.admin.title', { title: props.recording.title });
  const errors = props.problems?.errors;
  const isPublic = props.recording.published && props.event.status !== 'draft';
  return (
    <AdminLayout {...props} title={title}>
      <p>
        <a href={base}>{t('captions.admin.back')}</a>
      </p>
      <h1>{title}</h1>
      {props.done ? (
        <p class="notice" role="status">
          {t(props.done === 'saved' ? 'captions.admin.saved' : 'captions.admin.removed')}
        </p>
      ) : null}
      <p>{t('captions.admin.intro')}</p>
      {props.captions.length === 0 ? (
        <p>{t('captions.admin.none')}</p>
      ) : (
        <ul class="captions-list">
          {props.captions.map((caption) => (
            <li>
              <strong>{languageName(caption.language, lang)}</strong> ({caption.language}) ·{' '}
              {t('captions.admin.cues', { count: caption.cues })} ·{' '}
              <time datetime={caption.updatedAt.toISOString()}>
                {formatDayTime(caption.updatedAt, props.event.timezone, lang)}
              </time>
              {isPublic ? (
                <>
                  {' · '}
                  <a
                    href={`/recordings/${props.recording.id}/transcript?captions=${caption.language}`}
                  >
                    {t('captions.transcript.link')}
                  </a>
                </>
              ) : null}{' '}
              <form
                method="post"
                action={`${base}/captions/${caption.language}/delete`}
                class="inline"
              >
                <button type="submit" class="danger">
                  {t('captions.admin.remove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('captions.admin.uploadTitle')}</h2>
      <ErrorSummary
        t={t}
        errors={errors}
        general={props.problems?.general}
        labels={{ language: t('captions.field.language'), file: t('captions.field.file') }}
      />
      <form method="post" action={`${base}/captions`} enctype="multipart/form-data" class="form">
        <Field name="language" label={t('captions.field.language')} errors={errors}>
          <select id={fieldId('language')} name="language" {...invalidAttrs('language', errors)}>
            {UPLOAD_LANGUAGES.map((code) => (
              <option value={code} selected={code === chosenLanguage}>
                {languageName(code, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="file"
          label={t('captions.field.file')}
          hint={t('captions.field.fileHint', {
            size: formatSize(CAPTIONS_MAX_BYTES, lang),
            max: new Intl.NumberFormat(lang).format(MAX_CUES),
          })}
          errors={errors}
        >
          <input
            id={fieldId('file')}
            name="file"
            type="file"
            required
            accept=".vtt,.srt,text/vtt,application/x-subrip"
            {...invalidAttrs('file', errors)}
          />
        </Field>
        <p>
          <button type="submit">{t('captions.admin.upload')}</button>
        </p>
      </form>
    </AdminLayout>
  );
}

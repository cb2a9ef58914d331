import type { CurrentUser } from '@/platform/auth/auth';
import type { FieldErrors } from '@/platform/http/validation';
import { AdminLayout } from '@views/shell/admin-layout';
import type { PageContext } from '@views/shell/layout';
import { ErrorSummary, Field, TranslationFields, fieldId, invalidAttrs } from '@views/shell/form';
import { attachmentKinds, DEFAULT_TITLE_LANG, downloadPath } from '@/documents/rules';
import { formatSize } from '@/platform/i18n/size';
import type { AttachmentRow } from '@/documents/service';
import type { Owner } from '@/documents/owners';
import { ownerLabelKey } from '@/documents/owners';
import { isLang, languages } from '@/platform/i18n';
import { inLanguage } from '@/platform/time';

export type AdminDocumentsProps = PageContext & {
  user: CurrentUser;
  owner: Owner;
  items: AttachmentRow[];
  maxUploadBytes: number;
  /** The new material's form as it was refused. */
  failed?: { errors: FieldErrors; general: string[]; values: Record<string, string> };
  notice?: string;
};

/** An owner's materials for its organizers: the list (order, publication, delete) and the upload form. */
export function AdminDocumentsPage(props: AdminDocumentsProps) {
  const { t, owner, items, failed, lang } = props;
  const ownerName = t(ownerLabelKey[owner.type], { title: owner.title });
  const title = t('documents.admin.title', { owner: ownerName });
  const value = (name: string) => failed?.values[name];
  const errors = failed?.errors;
  const labels = {
    title: t('documents.admin.field.title'),
    kind: t('documents.admin.field.kind'),
    file: t('documents.admin.field.file'),
    url: t('documents.admin.field.url'),
    originalLang: t('documents.admin.field.originalLang'),
  };
  const sentLang = value('originalLang');
  const original = isLang(sentLang) ? sentLang : DEFAULT_TITLE_LANG;
  return (
    <AdminLayout {...props} title={title}>
      <p>
        <a href={owner.backPath}>← {t('documents.admin.back')}</a>
      </p>
      <h1>{title}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p>{t('documents.admin.empty')}</p>
      ) : (
        <ol class="attachment-list">
          {items.map((item, index) => (
            <li>
              <a
                href={
                  item.storageKey && item.filename
                    ? downloadPath(item.id, item.filename)
                    : (item.externalUrl ?? '#')
                }
              >
                {item.title}
              </a>{' '}
              <span class="muted">
                {t(`documents.kind.${item.kind}`)}
                {item.size !== null
                  ? ` · ${formatSize(item.size, lang)}`
                  : ` · ${t('documents.external')}`}
                {item.published ? '' : ` · ${t('documents.unpublished')}`}
              </span>
              <form method="post" action={`/admin/attachments/${item.id}`} class="inline-actions">
                {index > 0 ? (
                  <button type="submit" name="move" value="up">
                    {t('documents.admin.up')}
                  </button>
                ) : null}
                {index < items.length - 1 ? (
                  <button type="submit" name="move" value="down">
                    {t('documents.admin.down')}
                  </button>
                ) : null}
                <button type="submit" name="published" value={item.published ? 'false' : 'true'}>
                  {item.published ? t('documents.admin.unpublish') : t('documents.admin.publish')}
                </button>
              </form>
              <a href={`/admin/attachments/${item.id}/edit`} class="inline-actions">
                {t('documents.admin.edit')}
              </a>
              <form
                method="post"
                action={`/admin/attachments/${item.id}/delete`}
                class="inline-actions"
              >
                <button type="submit" class="danger">
                  {t('documents.admin.delete')}
                </button>
              </form>
            </li>
          ))}
        </ol>
      )}
      <h2>{t('documents.admin.add')}</h2>
      <ErrorSummary t={t} errors={errors} labels={labels} general={failed?.general} />
      <form method="post" action={owner.adminPath} enctype="multipart/form-data">
        <Field name="title" label={labels.title} errors={errors}>
          <input
            name="title"
            id={fieldId('title')}
            required
            maxlength={200}
            value={value('title')}
            {...invalidAttrs('title', errors)}
          />
        </Field>
        <Field name="originalLang" label={labels.originalLang} errors={errors}>
          <select
            name="originalLang"
            id={fieldId('originalLang')}
            {...invalidAttrs('originalLang', errors)}
          >
            {languages.map((language) => (
              <option value={language} selected={language === original}>
                {inLanguage(language, lang)}
              </option>
            ))}
          </select>
        </Field>
        <TranslationFields
          ctx={props}
          name="title"
          label={labels.title}
          original={original}
          values={failed?.values ?? {}}
          errors={errors}
          originalChosenInForm
        />
        <Field name="kind" label={labels.kind} errors={errors}>
          <select name="kind" id={fieldId('kind')} {...invalidAttrs('kind', errors)}>
            {attachmentKinds.map((kind) => (
              <option value={kind} selected={(value('kind') ?? 'document') === kind}>
                {t(`documents.kind.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="file"
          label={labels.file}
          hint={t('documents.admin.field.fileHint', {
            max: formatSize(props.maxUploadBytes, lang),
          })}
          errors={errors}
        >
          <input type="file" name="file" id={fieldId('file')} {...invalidAttrs('file', errors)} />
        </Field>
        <Field name="url" label={labels.url} errors={errors}>
          <input
            type="url"
            name="url"
            id={fieldId('url')}
            value={value('url')}
            {...invalidAttrs('url', errors)}
          />
        </Field>
        <div class="field">
          <label>
            <input
              type="checkbox"
              name="published"
              value="true"
              checked={failed ? value('published') === 'true' : true}
            />{' '}
            {t('documents.admin.field.published')}
          </label>
        </div>
        <p>
          <button type="submit">{t('documents.admin.submit')}</button>
        </p>
      </form>
    </AdminLayout>
  );
}

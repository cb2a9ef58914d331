import type { CurrentUser } from '@/platform/auth/auth';
import type { FieldErrors } from '@/platform/http/validation';
import { contentLang } from '@/platform/i18n/content';
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
import { attachmentKinds } from '@/documents/rules';
import type { AttachmentRow } from '@/documents/service';
import type { Owner } from '@/documents/owners';

export type EditDocumentProps = PageContext & {
  user: CurrentUser;
  owner: Owner;
  row: AttachmentRow;
  /** Its place in the list (1 the first) and how many its owner has. */
  position: number;
  count: number;
  /** The form as it was refused: its values and what was wrong. */
  failed?: { errors: FieldErrors; general: string[]; values: Record<string, string> };
};

/**
 * An organizer's form for one document (issue 18): its title in the original language and in
 * the others (one folded section each, saying which are missing), its kind, publication and
 * place. The file or link itself stays: a new one is uploaded on the materials page.
 */
export function EditDocumentPage(props: EditDocumentProps) {
  const { t, row, failed } = props;
  const original = contentLang(row.originalLang);
  const stored: Record<string, string> = {
    title: row.title,
    ...translationValues(row, ['title']),
    kind: row.kind,
    position: String(props.position),
    published: row.published ? 'true' : '',
  };
  const values = failed?.values ?? stored;
  const errors = failed?.errors;
  const labels = {
    title: t('documents.admin.field.title'),
    kind: t('documents.admin.field.kind'),
    published: t('documents.admin.field.published'),
    position: t('documents.admin.field.position'),
  };
  const heading = t('documents.admin.editTitle', { title: row.title });
  return (
    <AdminLayout {...props} title={heading}>
      <p>
        <a href={props.owner.adminPath}>← {t('documents.admin.back')}</a>
      </p>
      <h1>{heading}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} general={failed?.general} />
      <form method="post" action={`/admin/attachments/${row.id}/edit`} class="form">
        <Field name="title" label={labels.title} errors={errors}>
          <input
            name="title"
            id={fieldId('title')}
            required
            maxlength={200}
            lang={original}
            value={values.title ?? ''}
            {...invalidAttrs('title', errors)}
          />
        </Field>
        <TranslationFields
          ctx={props}
          name="title"
          label={labels.title}
          original={original}
          values={values}
          errors={errors}
        />
        <Field name="kind" label={labels.kind} errors={errors}>
          <select name="kind" id={fieldId('kind')} {...invalidAttrs('kind', errors)}>
            {attachmentKinds.map((kind) => (
              <option value={kind} selected={values.kind === kind}>
                {t(`documents.kind.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="position"
          label={labels.position}
          hint={t('documents.admin.field.positionHint', { count: props.count })}
          errors={errors}
        >
          <input
            type="number"
            name="position"
            id={fieldId('position')}
            min={1}
            max={props.count}
            value={values.position ?? ''}
            {...invalidAttrs('position', errors)}
          />
        </Field>
        <div class="field">
          <label>
            <input
              type="checkbox"
              name="published"
              value="true"
              checked={values.published === 'true'}
            />{' '}
            {labels.published}
          </label>
        </div>
        <p>
          <button type="submit">{t('documents.admin.save')}</button>
        </p>
      </form>
    </AdminLayout>
  );
}

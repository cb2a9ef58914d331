import type { CurrentUser } from '@/platform/auth/auth';
import type { FormProblems } from '@/platform/http/forms';
import { languages } from '@/platform/i18n';
import { contentLang } from '@/platform/i18n/content';
import { questionKinds, type QuestionRow } from '@/questions';
import type { StoredEvent } from '@/events/reads';
import { AdminLayout } from '@views/shell/admin-layout';
import { ErrorSummary, FieldMessages, fieldId, invalidAttrs } from '@views/shell/form';
import type { PageContext } from '@views/shell/layout';
import { EventSubnav } from './event-form-page';

export type QuestionsEditorPageProps = PageContext & {
  user: CurrentUser;
  event: StoredEvent;
  /** The questions, then one blank row for a new one. */
  rows: QuestionRow[];
  /** Field errors keyed by `questions.N.field`, N the row on screen. */
  problems?: FormProblems;
  saved?: boolean;
};

/**
 * What registering for the event asks, one fieldset per question (no JavaScript): kind, the
 * texts in each language (the event's original first: what a question is written in), options
 * one per line, required, sensitive.
 */
export function QuestionsEditorPage(props: QuestionsEditorPageProps) {
  const { t, event, rows } = props;
  const errors = props.problems?.errors ?? {};
  const original = contentLang(event.originalLang);
  const ordered = [original, ...languages.filter((lang) => lang !== original)];
  return (
    <AdminLayout {...props} title={`${t('question.editor.title')}: ${event.title}`}>
      <h1>{t('question.editor.title')}</h1>
      <EventSubnav event={event} ctx={props} />
      {props.saved ? <p class="notice">{t('question.editor.saved')}</p> : null}
      <ErrorSummary t={t} errors={errors} general={props.problems?.general} />
      <p class="hint">{t('question.editor.hint')}</p>
      <form method="post" action={`/admin/events/${event.slug}/questions`}>
        {rows.map((row, n) => {
          const name = (field: string) => `questions.${n}.${field}`;
          return (
            <fieldset class="question-row">
              <legend>
                {row.id ? t('question.editor.question', { n: n + 1 }) : t('question.editor.new')}
              </legend>
              <input type="hidden" name={name('id')} value={row.id} />
              <FieldMessages field={name('id')} errors={errors} />
              <div class="field">
                <label for={fieldId(name('kind'))}>{t('question.editor.kind')}</label>
                <FieldMessages field={name('kind')} errors={errors} />
                <select id={fieldId(name('kind'))} name={name('kind')}>
                  {questionKinds.map((kind) => (
                    <option value={kind} selected={row.kind === kind}>
                      {t(`question.editor.kind.${kind}`)}
                    </option>
                  ))}
                </select>
              </div>
              {ordered.map((lang, index) => {
                // The original's fields carry the ids the error summary links to.
                const id = (field: string) =>
                  fieldId(index === 0 ? name(field) : name(`${field}.${lang}`));
                const texts = (
                  <>
                    <div class="field">
                      <label for={id('label')}>
                        {t('question.editor.label')} ({t(`question.editor.lang.${lang}`)})
                      </label>
                      {index === 0 ? <FieldMessages field={name('label')} errors={errors} /> : null}
                      <input
                        id={id('label')}
                        name={name(`label.${lang}`)}
                        maxlength={300}
                        value={row.label[lang] ?? ''}
                        {...(index === 0 ? invalidAttrs(name('label'), errors) : {})}
                      />
                    </div>
                    <div class="field">
                      <label for={id('help')}>
                        {t('question.editor.help')} ({t(`question.editor.lang.${lang}`)})
                      </label>
                      <input
                        id={id('help')}
                        name={name(`help.${lang}`)}
                        maxlength={1000}
                        value={row.help[lang] ?? ''}
                      />
                    </div>
                    <div class="field">
                      <label for={id('options')}>
                        {t('question.editor.options')} ({t(`question.editor.lang.${lang}`)})
                      </label>
                      {index === 0 ? (
                        <FieldMessages field={name('options')} errors={errors} />
                      ) : null}
                      <textarea
                        id={id('options')}
                        name={name(`options.${lang}`)}
                        rows={3}
                        {...(index === 0 ? invalidAttrs(name('options'), errors) : {})}
                      >
                        {row.options[lang] ?? ''}
                      </textarea>
                    </div>
                  </>
                );
                return index === 0 ? (
                  texts
                ) : (
                  <details open={Boolean(row.label[lang])}>
                    <summary>
                      {t('question.editor.translations')}: {t(`question.editor.lang.${lang}`)}
                    </summary>
                    {texts}
                  </details>
                );
              })}
              <label class="choice">
                <input type="checkbox" name={name('required')} value="yes" checked={row.required} />{' '}
                {t('question.editor.required')}
              </label>
              <label class="choice">
                <input
                  type="checkbox"
                  name={name('sensitive')}
                  value="yes"
                  checked={row.sensitive}
                />{' '}
                {t('question.editor.sensitive')}
              </label>
            </fieldset>
          );
        })}
        <p>
          <button type="submit">{t('question.editor.save')}</button>
        </p>
      </form>
    </AdminLayout>
  );
}

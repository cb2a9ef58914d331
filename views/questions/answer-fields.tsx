import type { FieldErrors } from '@/platform/http/validation';
import type { Lang, Translate } from '@/platform/i18n';
import { inLanguage } from '@/platform/time';
import type { Answer, LocalizedQuestion } from '@/questions/rules';
import { FieldMessages, fieldId, invalidAttrs } from '@views/shell/form';

/** The form field of a question's answer: `answers.<questionId>`. */
export const answerField = (question: { id: number }) => `answers.${question.id}`;

/**
 * The registration form's questions, one field each in the reader's language (no JavaScript):
 * text and long text, radio buttons for one choice and yes/no, checkboxes for several.
 */
export function AnswerFields(props: {
  t: Translate;
  questions: LocalizedQuestion[];
  values: Record<string, Answer | undefined>;
  errors: FieldErrors | undefined;
  /** The page's language: texts in another (an untranslated question) are marked with theirs. */
  lang?: Lang;
}) {
  const { t, errors } = props;
  const other = (textLang: Lang | undefined) =>
    props.lang && textLang && textLang !== props.lang ? textLang : undefined;
  return (
    <>
      {props.questions.map((question) => {
        const field = answerField(question);
        const value = props.values[String(question.id)];
        const labelLang = other(question.labelLang);
        // Said as the documents say it: "(оригинал на эстонском)" after an untranslated label.
        const label = (
          <>
            {labelLang ? <span lang={labelLang}>{question.label}</span> : question.label}
            {labelLang ? (
              <>
                {' '}
                <span class="meta">
                  (
                  {t('content.originalShort', {
                    language: inLanguage(labelLang, props.lang ?? 'et'),
                  })}
                  )
                </span>
              </>
            ) : null}
            {question.required ? null : <> {t('question.optional')}</>}
          </>
        );
        const help = question.help ? (
          <p class="hint" id={`${fieldId(field)}-help`} lang={other(question.helpLang)}>
            {question.help}
          </p>
        ) : null;
        const sensitive = question.sensitive ? <p class="hint">{t('question.sensitive')}</p> : null;
        if (question.kind === 'text' || question.kind === 'longtext') {
          const text = typeof value === 'string' ? value : '';
          const common = {
            id: fieldId(field),
            name: field,
            required: question.required,
            ...invalidAttrs(field, errors),
          };
          return (
            <div class={errors?.[field] ? 'field has-error' : 'field'}>
              <label for={fieldId(field)}>{label}</label>
              {help}
              {sensitive}
              <FieldMessages field={field} errors={errors} />
              {question.kind === 'text' ? (
                <input {...common} maxlength={300} value={text} />
              ) : (
                <textarea {...common} maxlength={4000} rows={3}>
                  {text}
                </textarea>
              )}
            </div>
          );
        }
        const choices =
          question.kind === 'yesno'
            ? [
                { value: 'yes', label: t('question.yes'), on: value === true, lang: undefined },
                { value: 'no', label: t('question.no'), on: value === false, lang: undefined },
              ]
            : question.options.map((option) => ({
                value: option.value,
                label: option.label,
                lang: other(question.optionsLang),
                on: Array.isArray(value) ? value.includes(option.value) : value === option.value,
              }));
        const type = question.kind === 'choices' ? 'checkbox' : 'radio';
        return (
          <fieldset {...invalidAttrs(field, errors)}>
            <legend>{label}</legend>
            {help}
            {sensitive}
            <FieldMessages field={field} errors={errors} />
            {choices.map((choice, index) => (
              <label class="choice">
                <input
                  id={index === 0 ? fieldId(field) : undefined}
                  type={type}
                  name={field}
                  value={choice.value}
                  checked={choice.on}
                  required={type === 'radio' && question.required}
                />{' '}
                {choice.lang ? <span lang={choice.lang}>{choice.label}</span> : choice.label}
              </label>
            ))}
          </fieldset>
        );
      })}
    </>
  );
}

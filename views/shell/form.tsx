import type { Child } from 'hono/jsx';
import { languages, type Lang, type Translate } from '@/platform/i18n';
import { inLanguage } from '@/platform/time';
import type { FieldErrors } from '@/platform/http/validation';

/**
 * The one way a form shows what went wrong: a summary at the top (focused when the page loads,
 * by /assets/forms.js, so screen readers start there) linking to each field, and the field's
 * own messages beside it. Messages come from localizeDetails: the reader's language only.
 */
export function ErrorSummary(props: {
  t: Translate;
  errors: FieldErrors | undefined;
  labels?: Record<string, string>;
  /** Messages that belong to no single field (e.g. "the plan is no longer a draft"). */
  general?: string[];
}) {
  const entries = Object.entries(props.errors ?? {});
  const general = props.general ?? [];
  if (entries.length === 0 && general.length === 0) return null;
  return (
    <div class="error-box" role="alert" tabindex={-1} data-error-summary>
      <p>{props.t('form.errorSummary')}</p>
      <ul>
        {general.map((message) => (
          <li>{message}</li>
        ))}
        {entries.map(([field, messages]) => (
          <li>
            <a href={`#${fieldId(field)}`}>
              {props.labels?.[field] ? `${props.labels[field]}: ` : ''}
              {messages.join(' ')}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The id an input gets for its field name (`items.2.title` → `f-items-2-title`). */
export function fieldId(field: string): string {
  return `f-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** A field's own messages, referenced by its input's aria-describedby (`errorId`). */
export function FieldMessages(props: { field: string; errors: FieldErrors | undefined }) {
  const messages = props.errors?.[props.field];
  if (!messages || messages.length === 0) return null;
  return (
    <p class="field-error" id={errorId(props.field)}>
      {messages.join(' ')}
    </p>
  );
}

export function errorId(field: string): string {
  return `${fieldId(field)}-error`;
}

/** A labelled field with its messages; the input is the child (give it `id={fieldId(name)}`). */
export function Field(props: {
  name: string;
  label: string;
  hint?: string;
  errors: FieldErrors | undefined;
  children: Child;
}) {
  return (
    <div class={props.errors?.[props.name] ? 'field has-error' : 'field'}>
      <label for={fieldId(props.name)}>{props.label}</label>
      {props.hint ? <p class="hint">{props.hint}</p> : null}
      <FieldMessages field={props.name} errors={props.errors} />
      {props.children}
    </div>
  );
}

/** The ARIA attributes an input with errors needs. */
export function invalidAttrs(field: string, errors: FieldErrors | undefined) {
  return errors?.[field]
    ? { 'aria-invalid': 'true' as const, 'aria-describedby': errorId(field) }
    : {};
}

/**
 * A translatable field's other languages (issue 18), below the field that holds the original:
 * one folded section per language, named `name.ru`, `name.en`…, its summary saying whether the
 * translation is missing. Works without JavaScript (details/summary); sections with text open.
 */
export function TranslationFields(props: {
  ctx: { t: Translate; lang: Lang };
  name: string;
  label: string;
  /** The language the field's main input holds. */
  original: Lang;
  /** Each language's text as stored or posted: `values['title.ru']`. */
  values: Record<string, unknown>;
  errors: FieldErrors | undefined;
  multiline?: boolean;
  rows?: number;
  /** Where several forms share a page: prefixes the ids and error keys, not the names. */
  prefix?: string;
  /**
   * Where the form itself picks the original's language (a select named `originalLang`): a
   * section for every language, the chosen one's hidden by CSS (:has), not by JavaScript.
   */
  originalChosenInForm?: boolean;
}) {
  const { t, lang: uiLang } = props.ctx;
  const prefix = props.prefix ?? '';
  return (
    <div class="translations">
      <p class="hint">
        {props.originalChosenInForm
          ? t('content.form.originalChosen')
          : t('content.form.original', { language: inLanguage(props.original, uiLang) })}
      </p>
      {languages
        .filter((lang) => props.originalChosenInForm || lang !== props.original)
        .map((lang) => {
          const name = `${props.name}.${lang}`;
          const key = prefix + name;
          const raw = props.values[name];
          const value = typeof raw === 'string' ? raw : '';
          const language = inLanguage(lang, uiLang);
          const label = t('content.form.field', { field: props.label, language });
          return (
            <details
              class="translation"
              data-lang={lang}
              open={value !== '' || Boolean(props.errors?.[key])}
            >
              <summary>
                {language}:{' '}
                {value ? (
                  <span class="translated">{t('content.form.translated')}</span>
                ) : (
                  <span class="missing">{t('content.form.missing')}</span>
                )}
              </summary>
              <Field name={key} label={label} errors={props.errors}>
                {props.multiline ? (
                  <textarea
                    id={fieldId(key)}
                    name={name}
                    lang={lang}
                    rows={props.rows ?? 4}
                    {...invalidAttrs(key, props.errors)}
                  >
                    {value}
                  </textarea>
                ) : (
                  <input
                    id={fieldId(key)}
                    name={name}
                    type="text"
                    lang={lang}
                    value={value}
                    {...invalidAttrs(key, props.errors)}
                  />
                )}
              </Field>
            </details>
          );
        })}
    </div>
  );
}

/** Form values of a row's translations: `{'title.ru': '…'}` for each field and language. */
export function translationValues(
  row: {
    originalLang: string;
    translations: Partial<Record<string, Partial<Record<Lang, string>>>>;
  },
  fields: readonly string[],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    for (const lang of languages) {
      if (lang === row.originalLang) continue;
      values[`${field}.${lang}`] = row.translations[field]?.[lang] ?? '';
    }
  }
  return values;
}

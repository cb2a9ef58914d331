import type { Child } from 'hono/jsx';
import type { Translate } from '@/platform/i18n';
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

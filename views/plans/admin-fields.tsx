import { text, type Form } from '@/platform/http/forms';
import type { FieldErrors } from '@/platform/http/validation';
import type { PlanFormState } from '@/plans/admin-routes';
import { isLang, languages, type Lang } from '@/platform/i18n';
import type { Translations as Stored } from '@/platform/i18n/content';
import { ErrorSummary, Field, TranslationFields, fieldId, invalidAttrs } from '@views/shell/form';
import type { PageContext } from '@views/shell/layout';

/** The admin plan pages' fields, on the one form layer (views/shell/form.tsx). */
type T = PageContext['t'];

/**
 * One form of the page: its name (the prefix of its fields' ids, so the forms of many items do
 * not share ids), and when it was the one refused, its problems and what was sent.
 */
export type FormView = { name: string; errors?: FieldErrors; general?: string[]; sent?: Form };

export function formView(failed: PlanFormState | undefined, name: string): FormView {
  return failed?.form === name
    ? {
        name,
        errors: failed.problems.errors,
        general: failed.problems.general,
        sent: failed.values,
      }
    : { name };
}

/** A field's key in the form's errors and its id: `item-5.title`. */
export function key(form: FormView, field: string): string {
  return `${form.name}.${field}`;
}

/** What the field shows: what was sent when the form was refused, else the stored value. */
export function shown(form: FormView, field: string, stored?: string | null): string | undefined {
  return form.sent ? text(form.sent, field) : (stored ?? undefined);
}

/** The summary above a refused form, each problem labelled with its field. */
export function Summary(props: { t: T; form: FormView; labels: Record<string, string> }) {
  const labels = Object.fromEntries(
    Object.entries(props.labels).map(([field, label]) => [key(props.form, field), label]),
  );
  return (
    <ErrorSummary
      t={props.t}
      errors={props.form.errors}
      general={props.form.general}
      labels={labels}
    />
  );
}

export function TextField(props: {
  form: FormView;
  field: string;
  label: string;
  value?: string | undefined;
  type?: 'text' | 'date' | 'url' | 'number';
  required?: boolean;
  min?: string;
  max?: string;
}) {
  const id = key(props.form, props.field);
  return (
    <Field name={id} label={props.label} errors={props.form.errors}>
      <input
        type={props.type ?? 'text'}
        name={props.field}
        id={fieldId(id)}
        value={props.value}
        required={props.required}
        min={props.min}
        max={props.max}
        {...invalidAttrs(id, props.form.errors)}
      />
    </Field>
  );
}

export function TextArea(props: {
  form: FormView;
  field: string;
  label: string;
  value?: string | undefined;
  rows: number;
}) {
  const id = key(props.form, props.field);
  return (
    <Field name={id} label={props.label} errors={props.form.errors}>
      <textarea
        name={props.field}
        id={fieldId(id)}
        rows={props.rows}
        {...invalidAttrs(id, props.form.errors)}
      >
        {props.value ?? ''}
      </textarea>
    </Field>
  );
}

export function Choice(props: {
  form: FormView;
  field: string;
  label: string;
  options: { value: string; label: string }[];
  selected?: string | undefined;
  required?: boolean;
}) {
  const id = key(props.form, props.field);
  return (
    <Field name={id} label={props.label} errors={props.form.errors}>
      <select
        name={props.field}
        id={fieldId(id)}
        // A select with no empty choice always sends one: `required` would add nothing, and
        // HTML allows it only with an empty first option.
        required={props.required && props.options[0]?.value === ''}
        {...invalidAttrs(id, props.form.errors)}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={props.selected === option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * A text's other languages below its field (issue 18): what was sent when the form was
 * refused, else the stored translations. The original's language goes in a hidden field.
 */
export function Translations(props: {
  t: T;
  lang: Lang;
  form: FormView;
  field: string;
  label: string;
  row?: { originalLang: string; translations: Stored } | undefined;
  multiline?: boolean;
}) {
  const original = originalOf(props.form, props.row);
  const values: Record<string, string> = {};
  for (const lang of languages) {
    const name = `${props.field}.${lang}`;
    values[name] = props.form.sent
      ? text(props.form.sent, name)
      : (props.row?.translations[props.field]?.[lang] ?? '');
  }
  return (
    <TranslationFields
      ctx={{ t: props.t, lang: props.lang }}
      name={props.field}
      label={props.label}
      original={original}
      values={values}
      errors={props.form.errors}
      prefix={`${props.form.name}.`}
      multiline={props.multiline}
    />
  );
}

/** The language a form's texts are written in: as sent, else the row's, else Estonian. */
export function originalOf(form: FormView, row?: { originalLang: string } | undefined): Lang {
  const sent = form.sent ? text(form.sent, 'originalLang') : undefined;
  if (isLang(sent)) return sent;
  return isLang(row?.originalLang) ? row.originalLang : 'et';
}

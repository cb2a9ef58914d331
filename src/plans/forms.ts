import { z } from 'zod';
import { isLang } from '@/platform/i18n';
import { translatableFromForm } from '@/platform/i18n/content';
import { itemInputSchema, itemPatchSchema, planInputSchema, updateInputSchema } from './rules';

/**
 * The admin pages' HTML forms, read (with parseForm / formInput) into the same inputs the API
 * takes and checked by the same schemas, so a form and the API refuse the same things with the
 * same message keys. A blank field is "not given"; in an edit form it clears the value.
 */
type Fields = Record<string, string | string[] | undefined>;

/** A text field's text; undefined when absent or blank. */
function given(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? undefined : first;
}

/** A number field: the number, or the text as typed (the schema refuses it, naming the field). */
function numberField(fields: Fields, name: string): number | string | undefined {
  const value = given(fields, name)?.trim();
  if (value === undefined) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : value;
}

/** Checkboxes: every ticked value as a number (junk stays text, and is refused). */
function idList(fields: Fields, name: string): (number | string)[] {
  const value = fields[name];
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list
    .filter((item) => item.trim() !== '')
    .map((item) => (/^\d+$/.test(item.trim()) ? Number(item) : item));
}

/**
 * A translatable text (issue 18): the original in `title`, the other languages in `title.ru`…;
 * `blank` is what an empty original gives (absent, '' or null, as the form's field does).
 */
function translatable(fields: Fields, name: string, blank: '' | null | undefined) {
  const original = given(fields, name);
  if (original === undefined) return blank;
  const named = given(fields, 'originalLang');
  return translatableFromForm(fields, name, isLang(named) ? named : 'et');
}

/** The language the form's texts are written in, when it says. */
function originalLang(fields: Fields) {
  const named = given(fields, 'originalLang');
  return isLang(named) ? { originalLang: named } : {};
}

function fromForm<T extends z.ZodType>(read: (fields: Fields) => unknown, schema: T) {
  return z.preprocess((fields) => read(fields as Fields), schema);
}

/** New plan (/admin/plans): the municipality is read beside it, as the API takes it in its path. */
export const newPlanForm = fromForm(
  (fields) => ({
    ...originalLang(fields),
    title: translatable(fields, 'title', ''),
    periodStart: given(fields, 'periodStart') ?? '',
    periodEnd: given(fields, 'periodEnd') ?? '',
    status: given(fields, 'status'),
    summary: translatable(fields, 'summary', undefined),
    documentUrl: given(fields, 'documentUrl'),
  }),
  planInputSchema,
);

/** The plan's edit form sends every field: an emptied one clears it. */
export const editPlanForm = fromForm(
  (fields) => ({
    ...originalLang(fields),
    title: translatable(fields, 'title', ''),
    periodStart: given(fields, 'periodStart') ?? '',
    periodEnd: given(fields, 'periodEnd') ?? '',
    status: given(fields, 'status'),
    summary: translatable(fields, 'summary', null),
    documentUrl: given(fields, 'documentUrl') ?? null,
  }),
  planInputSchema,
);

export const newItemForm = fromForm(
  (fields) => ({
    ...originalLang(fields),
    title: translatable(fields, 'title', ''),
    description: translatable(fields, 'description', undefined),
    responsible: given(fields, 'responsible'),
    dueDate: given(fields, 'dueDate'),
    status: given(fields, 'status'),
    progress: numberField(fields, 'progress'),
    sourceOutcomeIds: idList(fields, 'sourceOutcomeIds'),
  }),
  itemInputSchema,
);

/**
 * An item's edit form. An adopted plan's form has no due date field (the date moves with a
 * progress report): the date is left alone then. Sources change only when the form offered
 * them (no boxes at all is not "cite nothing").
 */
export const editItemForm = fromForm(
  (fields) => ({
    ...originalLang(fields),
    title: translatable(fields, 'title', ''),
    description: translatable(fields, 'description', null),
    responsible: given(fields, 'responsible') ?? null,
    dueDate: 'dueDate' in fields ? (given(fields, 'dueDate') ?? null) : undefined,
    sourceOutcomeIds: given(fields, 'sourcesOffered')
      ? idList(fields, 'sourceOutcomeIds')
      : undefined,
  }),
  itemPatchSchema,
);

/**
 * A progress report. Its due date: a new date moves it, the "remove" box removes it (null),
 * neither leaves it (undefined); both at once is a contradiction, refused on the field.
 */
export const progressReportForm = z.preprocess((raw, ctx) => {
  const fields = raw as Fields;
  const date = given(fields, 'dueDate');
  const remove = given(fields, 'removeDueDate') !== undefined;
  if (date !== undefined && remove) {
    ctx.addIssue({
      code: 'custom',
      path: ['dueDate'],
      message: 'Give a new due date or remove it, not both',
      params: { key: 'plans.error.dueDateBoth' },
      input: date,
    });
  }
  return {
    date: given(fields, 'date'),
    status: given(fields, 'status'),
    progress: numberField(fields, 'progress'),
    dueDate: remove ? null : date,
    note: given(fields, 'note') ?? '',
  };
}, updateInputSchema);

/** A problem's form field: `sourceOutcomeIds.2` is the sources fieldset, a CSV line the file. */
export function planFormField(path: string): string {
  if (path.startsWith('line.') || path === 'file') return 'file';
  return path.split('.')[0] ?? path;
}

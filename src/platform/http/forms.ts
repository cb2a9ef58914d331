import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '@/platform/deps';
import type { MessageKey, Translate } from '@/platform/i18n';
import {
  HttpError,
  errorMessageKey,
  invalidFields,
  issuesToDetails,
  notFound,
  type ErrorDetail,
} from './errors';
import type { FieldErrors } from './validation';

/** What the admin pages' HTML forms read: web forms only (JSON belongs to /api). */
export type Form = Record<string, string | File | (string | File)[]>;

export async function readForm(c: Context<AppEnv>): Promise<Form> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
    throw new HttpError('unsupported_media_type', 'Send the form as a web form');
  }
  return (await c.req.parseBody({ all: true })) as Form;
}

/** One text field (the first if sent twice); files and absent fields are ''. */
export function text(form: Form, name: string): string {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

export function texts(form: Form, name: string): string[] {
  const value = form[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((item): item is string => typeof item === 'string' && item !== '');
}

export const idParam = z.coerce.number().int().positive().max(2_147_483_647);

/** The `:id` of the path, or 404 when it is not a database id. */
export function pathId(c: Context<AppEnv>): number {
  const parsed = idParam.safeParse(c.req.param('id'));
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/**
 * A form's fields as a zod schema reads them: a name sent once is its text, a name sent more
 * than once is the list of its texts; files are left out. Lists whose name may come once or not
 * at all (checkboxes) are read with `formList`.
 */
export function formFields(form: Form): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(form)) {
    if (Array.isArray(value)) {
      fields[name] = value.filter((item): item is string => typeof item === 'string');
    } else if (typeof value === 'string') {
      fields[name] = value;
    }
  }
  return fields;
}

/** A field that is a list however often it was sent (checkboxes: none, one or many); '' dropped. */
export function formList<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) =>
      (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter(
        (entry) => entry !== '',
      ),
    z.array(item),
  );
}

export type FormParse<T> = { success: true; data: T } | { success: false; details: ErrorDetail[] };

/**
 * The one typed reader of HTML forms: the form read with a zod schema, giving its values or its
 * problems as details (with message keys: show them with localizeDetails, never zod's text).
 */
export function parseForm<T extends z.ZodType>(schema: T, form: Form): FormParse<z.output<T>> {
  const result = schema.safeParse(formFields(form));
  return result.success
    ? { success: true, data: result.data }
    : { success: false, details: issuesToDetails(result.error.issues) };
}

/** Reads the request's form with a schema (415 when it is not a web form). */
export async function readFormWith<T extends z.ZodType>(
  c: Context<AppEnv>,
  schema: T,
): Promise<FormParse<z.output<T>>> {
  return parseForm(schema, await readForm(c));
}

/**
 * A schema for a form whose fields are not the API body's shape (numbers, nested objects,
 * checkboxes): `shape` turns the form into the body, and the API's own schema checks it.
 */
export function formSchema<T extends z.ZodType>(shape: (form: Form) => unknown, schema: T) {
  // parseForm hands the schema the form's fields (formFields), which are a Form.
  return z.preprocess((fields) => shape(fields as Form), schema);
}

/**
 * Reads a form with a schema, or throws 422 (invalid_fields) with its details: for routes that
 * handle a refused form and a refusal of the feature (`formProblems`) in one place.
 */
export function formInput<T extends z.ZodType>(schema: T, form: Form): z.output<T> {
  const parsed = parseForm(schema, form);
  if (!parsed.success) throw invalidFields(parsed.details);
  return parsed.data;
}

/** One text field, trimmed; null when blank (an optional field left empty). */
export function optionalText(form: Form, name: string): string | null {
  const value = text(form, name).trim();
  return value === '' ? null : value;
}

/** A checkbox: true when the form sent it (browsers send nothing for an unticked box). */
export function checked(form: Form, name: string): boolean {
  return text(form, name) !== '';
}

/**
 * The second step of a destructive or mass-email action: the first post (without it) answers
 * with a page asking to confirm, whose form posts again with `confirm=yes`. No JavaScript.
 */
export function confirmed(form: Form): boolean {
  return text(form, 'confirm') === 'yes';
}

/**
 * A number field: null when blank, the number when it is one (a decimal comma is fine), and
 * otherwise the text as typed, so the schema refuses it and names the field.
 */
export function numeric(form: Form, name: string): number | string | null {
  const value = text(form, name).trim();
  if (value === '') return null;
  const parsed = Number(value.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : value;
}

/**
 * What a refused form shows: each field's messages, those that belong to no field, and the
 * status the page answers with (the refusal's: 422, or 409/410 for a rule of the feature).
 */
export type FormProblems = { errors: FieldErrors; general: string[]; status: 409 | 410 | 422 };

/** How a form names its problems: `field` maps a detail's path to the form's field (null: no field shown); `messages` gives a field one message of its own in place of the generic `validation.*` ones. */
export type ProblemOptions = {
  field?: (path: string) => string | null;
  messages?: Partial<Record<string, MessageKey>>;
};

/**
 * A refused form's problems in the reader's language: the details of a 422 (validation or a
 * feature's rule) by form field, and a refusal of the action itself (409, 410, e.g. "no seat
 * is free") as a general message: its `page.key`, else the code's own message. Anything else
 * (not found, forbidden, a fault) is rethrown: it is a page of its own.
 */
export function formProblems(
  t: Translate,
  error: unknown,
  options: ProblemOptions = {},
): FormProblems {
  if (!(error instanceof HttpError) || ![409, 410, 422].includes(error.status)) throw error;
  const problems: FormProblems = {
    errors: {},
    general: [],
    status: error.status as FormProblems['status'],
  };
  for (const detail of error.details) {
    const field = options.field ? options.field(detail.path) : detail.path;
    const generic = !detail.localized || detail.localized.key.startsWith('validation.');
    const own = field === null || !generic ? undefined : options.messages?.[field];
    const message = own
      ? t(own)
      : detail.localized
        ? t(detail.localized.key, detail.localized.params)
        : t('validation.invalid');
    if (field === null) problems.general.push(message);
    else if (!problems.errors[field]?.includes(message))
      (problems.errors[field] ??= []).push(message);
  }
  if (error.details.length === 0) {
    problems.general.push(t(error.page.key ?? errorMessageKey(error.code), error.page.params));
  }
  return problems;
}

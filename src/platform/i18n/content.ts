import { z } from '@hono/zod-openapi';
import { isLang, languages, type Lang } from './index';

/**
 * Content in several languages (issue 18). A row keeps its text columns in the language it was
 * written in (`originalLang`) and the other languages' versions in one `translations` column:
 * `{title: {ru: '…', en: '…'}, summary: {…}}`. Readers get their language, falling back to the
 * original, and are told when they read the original instead.
 */
export type Translations = Partial<Record<string, Partial<Record<Lang, string>>>>;

/** What a reader gets for one field: the text and the language it is in. */
export type Localized = { text: string; lang: Lang; fallback: boolean };

export function contentLang(value: unknown): Lang {
  return isLang(value) ? value : 'et';
}

/** The field in `lang`, else the original (then `fallback` is true when the languages differ). */
export function localize(
  row: { originalLang: string; translations: Translations },
  field: string,
  original: string,
  lang: Lang,
): Localized {
  const from = contentLang(row.originalLang);
  const translated = row.translations[field]?.[lang];
  if (lang !== from && translated) return { text: translated, lang, fallback: false };
  return { text: original, lang: from, fallback: lang !== from };
}

/** The same, for a field that may be empty: null stays null. */
export function localizeOptional(
  row: { originalLang: string; translations: Translations },
  field: string,
  original: string | null,
  lang: Lang,
): Localized | null {
  return original === null || original === '' ? null : localize(row, field, original, lang);
}

/** Every language's text of a field, the original included: `{et, ru?, en?}` as the API gives it. */
export function allLanguages(
  row: { originalLang: string; translations: Translations },
  field: string,
  original: string | null,
): Partial<Record<Lang, string>> {
  const from = contentLang(row.originalLang);
  const out: Partial<Record<Lang, string>> = {};
  for (const lang of languages) {
    const text = lang === from ? original : row.translations[field]?.[lang];
    if (text) out[lang] = text;
  }
  return out;
}

/**
 * A translatable input: a plain string (the original) or `{et, ru, en}`. Returns the original
 * text (the `preferred` language's, else the first language given) and the others.
 */
export type TranslatableInput = string | Partial<Record<Lang, string>>;

/**
 * The language an input's original is in: the one named, else the first language an object
 * input gives (Estonian first), else Estonian.
 */
export function originalLangOf(inputs: unknown[], named: Lang | undefined): Lang {
  if (named) return named;
  for (const input of inputs) {
    if (input && typeof input === 'object') {
      const found = languages.find((lang) => (input as Record<string, unknown>)[lang]);
      if (found) return found;
    }
  }
  return 'et';
}

export function splitTranslatable(
  input: TranslatableInput,
  originalLang: Lang,
): { original: string | undefined; translations: Partial<Record<Lang, string>> } {
  if (typeof input === 'string') return { original: input, translations: {} };
  const original = input[originalLang] === '' ? undefined : input[originalLang];
  const translations: Partial<Record<Lang, string>> = {};
  for (const lang of languages) {
    const text = input[lang];
    // '' removes that language's translation (mergeTranslations drops it).
    if (lang !== originalLang && text !== undefined) translations[lang] = text;
  }
  return { original, translations };
}

/**
 * Stored translations with a body's: a field given again replaces the languages it gives, and
 * a language given as '' is removed (an organizer emptied its field).
 */
export function mergeTranslations(stored: Translations, given: Translations): Translations {
  const merged: Translations = {};
  for (const field of new Set([...Object.keys(stored), ...Object.keys(given)])) {
    const texts: Partial<Record<Lang, string>> = {};
    for (const [lang, text] of Object.entries({ ...stored[field], ...given[field] })) {
      if (isLang(lang) && text) texts[lang] = text;
    }
    if (Object.keys(texts).length > 0) merged[field] = texts;
  }
  return merged;
}

type TranslatableRow = { originalLang: string; translations: Translations };

/**
 * A body's translatable fields (each a string, the original, or `{et, ru, en}`) split into the
 * original's strings and the translations to store (`fields`: body key → stored field name).
 * The original's language is `named`, else the stored row's, else the first language given.
 * A field given only in other languages is `missing` (required when creating).
 */
export function separateTexts<B extends Record<string, unknown>>(
  input: B,
  fields: Record<string, string>,
  stored?: TranslatableRow,
  named?: Lang,
): {
  body: Record<string, unknown>;
  originalLang: Lang;
  translations: Translations;
  missing: { path: string; message: string; localized: { key: 'validation.required' } }[];
} {
  const originalLang =
    named ??
    (stored
      ? contentLang(stored.originalLang)
      : originalLangOf(
          Object.keys(fields).map((key) => input[key]),
          undefined,
        ));
  const body: Record<string, unknown> = { ...input };
  const translations: Translations = {};
  const missing: { path: string; message: string; localized: { key: 'validation.required' } }[] =
    [];
  for (const [key, field] of Object.entries(fields)) {
    const value = input[key];
    if (value === undefined || value === null) continue;
    const split = splitTranslatable(value as TranslatableInput, originalLang);
    translations[field] = split.translations;
    if (split.original === undefined) {
      delete body[key];
      missing.push({
        path: `${key}.${originalLang}`,
        message: 'Required: the text in the original language',
        localized: { key: 'validation.required' },
      });
    } else body[key] = split.original;
  }
  return { body, originalLang, translations, missing };
}

/**
 * A row as a reader of `lang` sees it: each named text field in their language, else the
 * original; `contentLang` and `fallback` are the first field's (pages mark a fallback).
 */
export function localizeFields<R extends TranslatableRow>(
  row: R,
  fields: readonly (keyof R & string)[],
  lang: Lang,
): R & { contentLang: Lang; fallback: boolean } {
  const shown: Record<string, unknown> = { ...row };
  let first: Localized | null = null;
  for (const field of fields) {
    const original = row[field];
    if (typeof original !== 'string' || original === '') continue;
    const local = localize(row, field, original, lang);
    first ??= local;
    shown[field] = local.text;
  }
  const from = contentLang(row.originalLang);
  return {
    ...(shown as R),
    contentLang: first?.lang ?? from,
    fallback: first?.fallback ?? lang !== from,
  };
}

/** The API's `translations` of a row: each named field in every language it has. */
export function fieldTranslations<R extends TranslatableRow>(
  row: R,
  fields: readonly (keyof R & string)[],
): Record<string, Partial<Record<Lang, string>>> {
  const out: Record<string, Partial<Record<Lang, string>>> = {};
  for (const field of fields) {
    const original = row[field];
    const texts = allLanguages(row, field, typeof original === 'string' ? original : null);
    if (Object.keys(texts).length > 0) out[field] = texts;
  }
  return out;
}

/**
 * A translatable field of an HTML form: `name` holds the original (in `originalLang`), and
 * `name.ru`, `name.en`… the other languages. Without any other language's field it is the
 * plain string; otherwise `{et, ru, en}` with '' for an emptied translation (removed).
 */
export function translatableFromForm(
  form: Record<string, unknown>,
  name: string,
  originalLang: Lang,
): string | Partial<Record<Lang, string>> {
  const read = (key: string) => {
    const value = form[key];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first : undefined;
  };
  const original = read(name) ?? '';
  const others = languages.filter(
    (lang) => lang !== originalLang && read(`${name}.${lang}`) !== undefined,
  );
  // Without the original the field stays a string, so its error names the field itself.
  if (others.length === 0 || original.trim() === '') return original;
  const out: Partial<Record<Lang, string>> = { [originalLang]: original };
  // A blank translation is '' (removed); the schema trims the others.
  for (const lang of others) {
    const text = read(`${name}.${lang}`) ?? '';
    out[lang] = text.trim() === '' ? '' : text;
  }
  return out;
}

/** The languages a row's field lacks: shown to organizers as missing translations. */
export function missingLanguages(
  row: { originalLang: string; translations: Translations },
  field: string,
): Lang[] {
  const from = contentLang(row.originalLang);
  return languages.filter((lang) => lang !== from && !row.translations[field]?.[lang]);
}

/** A text field of the API that takes a string (the original) or `{et, ru, en}` (issue 18). */
export function translatableText<S extends z.ZodType<string>>(text: S) {
  // '' in the object removes that language's translation.
  const each = z.union([z.literal(''), text]).optional();
  return z.union([
    text,
    z
      .strictObject({ et: each, ru: each, en: each })
      .refine((value) => Object.values(value).some((v) => v !== undefined && v !== ''), {
        message: 'Give the text in at least one language',
        params: { key: 'validation.required' },
      })
      .openapi({ description: 'The text in each language given: {et, ru, en}' }),
  ]);
}

/** What the API answers beside each translatable field: every language's text. */
export const translationsResponse = z
  .record(
    z.string(),
    z.object({ et: z.string().optional(), ru: z.string().optional(), en: z.string().optional() }),
  )
  .openapi({
    description:
      'Each translatable field in every language it has, the original included: {field: {et, ru, en}}',
  });

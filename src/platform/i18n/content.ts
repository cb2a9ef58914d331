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
  const original = input[originalLang];
  const translations: Partial<Record<Lang, string>> = {};
  for (const lang of languages) {
    const text = input[lang];
    if (lang !== originalLang && text !== undefined && text !== '') translations[lang] = text;
  }
  return { original, translations };
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
  return z.union([
    text,
    z
      .strictObject({ et: text.optional(), ru: text.optional(), en: text.optional() })
      .refine((value) => Object.values(value).some((v) => v !== undefined), {
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

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

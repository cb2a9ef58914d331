/**
 * Search text folding, the same in JavaScript and in the database: one table maps each character
 * to one character (upper case to lower case, letters with diacritics to plain ones, Cyrillic
 * upper case to lower case and ё to е, punctuation to a space). The database applies it with
 * `translate(text, FOLD_FROM, FOLD_TO)` in `koda_search_fold` (drizzle/0014), which never asks
 * the locale: PGlite (C locale) and Postgres (any locale) fold alike, and no extension
 * (`unaccent`) is needed. test/unit/search-fold.test.ts checks that the migration holds these
 * very strings.
 */

const LATIN_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIACRITICS = 'õäöüšžáàâãåāăąéèêëēėęěíìîïīįóòôøōőúùûūůűųýÿçćčďđğłńňñřśşťţźż';
const DIACRITICS_PLAIN = 'oaouszaaaaaaaaeeeeeeeeiiiiiioooooouuuuuuuyycccddglnnnrssttzz';
const CYRILLIC_UPPER = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';
const CYRILLIC_LOWER = 'абвгдеежзийклмнопрстуфхцчшщъыьэюя';
const PUNCTUATION = '.,;:!?\'"()[]{}<>/\\|-_+=*&^%$#@~`«»„“”‘’‚—–…·•§°\u00a0\t\r\n';

export const FOLD_FROM =
  LATIN_UPPER + DIACRITICS + DIACRITICS.toUpperCase() + CYRILLIC_UPPER + 'ё' + PUNCTUATION;
export const FOLD_TO =
  LATIN_UPPER.toLowerCase() +
  DIACRITICS_PLAIN +
  DIACRITICS_PLAIN +
  CYRILLIC_LOWER +
  'е' +
  ' '.repeat(PUNCTUATION.length);

const foldMap = new Map<string, string>();
for (let i = 0; i < FOLD_FROM.length; i++) {
  const from = FOLD_FROM[i] as string;
  if (!foldMap.has(from)) foldMap.set(from, FOLD_TO[i] as string);
}

/** The text folded character by character: as long as the input, so positions carry over. */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    out += foldMap.get(char) ?? char;
  }
  return out;
}

/** The words of a query, folded; at most 8, each of letters and digits only. */
export function searchTerms(query: string | null | undefined): string[] {
  return queryWords(query).map((word) => word.term);
}

/**
 * The words of a query, each folded (`term`) and as the user typed it (`typed`); at most 8.
 * Folding keeps positions, so the typed word is the same stretch of the query.
 */
export function queryWords(query: string | null | undefined): { term: string; typed: string }[] {
  if (!query) return [];
  const folded = foldText(query);
  const words: { term: string; typed: string }[] = [];
  const word = /[\p{L}\p{N}]+/gu;
  for (let found = word.exec(folded); found && words.length < 8; found = word.exec(folded)) {
    words.push({ term: found[0], typed: query.slice(found.index, found.index + found[0].length) });
  }
  return words;
}

/**
 * Search text folding shared by JavaScript and SQL, so PGlite and Postgres behave the same
 * without extensions: lower-case, then one table maps letters with diacritics to plain ones
 * (õ→o, ä→a, ö→o, ü→u, š→s, ž→z and the common Latin ones). The database applies the same
 * table with translate(lower(text), FOLD_FROM, FOLD_TO).
 */

export const FOLD_FROM = 'õäöüšžáàâãåāăąéèêëēėęěíìîïīįóòôøōőúùûūůűųýÿçćčďđğłńňñřśşťţźż';
export const FOLD_TO = 'oaouszaaaaaaaaeeeeeeeeiiiiiioooooouuuuuuuyycccddglnnnrssttzz';

const foldMap = new Map<string, string>();
for (let i = 0; i < FOLD_FROM.length; i++)
  foldMap.set(FOLD_FROM[i] as string, FOLD_TO[i] as string);

export function foldText(text: string): string {
  let out = '';
  for (const char of text.toLowerCase()) out += foldMap.get(char) ?? char;
  return out;
}

/** The words of a query, folded; at most 8, each at least one letter or digit. */
export function searchTerms(query: string | null | undefined): string[] {
  if (!query) return [];
  return foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, 8);
}

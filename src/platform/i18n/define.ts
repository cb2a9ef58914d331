/**
 * A feature's strings in the three languages. The English and Russian objects must have
 * exactly the keys of the Estonian one: a missing or extra key is a type error. Counts use
 * `{count, plural, one {# …} few {# …} many {# …} other {# …}}` (see `createTranslator`).
 */
export function defineMessages<const K extends string>(
  et: Record<K, string>,
  en: NoInfer<Record<K, string>>,
  ru: NoInfer<Record<K, string>>,
): { et: Record<K, string>; en: Record<K, string>; ru: Record<K, string> } {
  return { et, en, ru };
}

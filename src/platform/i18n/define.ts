/**
 * A feature's strings in both languages. The English object must have exactly the keys of
 * the Estonian one: a missing or extra key is a type error.
 */
export function defineMessages<const K extends string>(
  et: Record<K, string>,
  en: NoInfer<Record<K, string>>,
): { et: Record<K, string>; en: Record<K, string> } {
  return { et, en };
}

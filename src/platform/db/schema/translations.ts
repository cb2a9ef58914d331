import { jsonb, text } from 'drizzle-orm/pg-core';

/**
 * The columns of a row whose text can be read in several languages (issue 18): the language
 * its text columns are written in, and the other languages' versions, `{field: {et, ru, en}}`
 * (see src/platform/i18n/content.ts).
 */
export function translatable() {
  return {
    originalLang: text().notNull().default('et'),
    translations: jsonb()
      .$type<Partial<Record<string, Partial<Record<'et' | 'ru' | 'en', string>>>>>()
      .notNull()
      .default({}),
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues } from '@/messages';
import type { Lang } from '@/platform/i18n';
import { createTestContext, type TestContext } from '../helpers/app';
import { sessionFor } from '../helpers/auth';
import { expectOnlyIn, visibleText } from '../helpers/form-language';
import { seedPageTypes, type PageType } from '../browser/page-types';

let ctx: TestContext;
let pageTypes: PageType[];
let cookie: string;

beforeAll(async () => {
  ctx = await createTestContext();
  pageTypes = await seedPageTypes(ctx);
  cookie = await sessionFor(ctx, { role: 'admin' });
});
afterAll(async () => {
  await ctx?.close();
});

const other = (lang: Lang): Lang => (lang === 'et' ? 'en' : 'et');

/**
 * The phrases of a language that the other never uses: every catalogue text cut at its
 * placeholders, pieces of at least two words and ten letters that no text of the other language
 * holds ("Google Calendar" is both, "Registreeru" only Estonian).
 */
function phrasesOnlyIn(lang: Lang): string[] {
  const theirs = Object.values(catalogues[other(lang)]).join('\n');
  const phrases = new Set<string>();
  for (const text of Object.values(catalogues[lang])) {
    for (const piece of text.split(/\{[^}]*\}/)) {
      const phrase = piece
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^[\s.,:;!?()–—-]+|[\s.,:;!?()–—-]+$/g, '');
      if (phrase.length >= 10 && /\s/.test(phrase) && !theirs.includes(phrase)) phrases.add(phrase);
    }
  }
  return [...phrases];
}

/** Things a resident should never read in either language: zone ids and language codes. */
const TECHNICAL = [
  /\b(Europe|America|Asia|Africa|Australia|Etc)\/[A-Z][a-z]+/,
  /\b(Keel|Language): [a-z]{2}\b/,
];

describe('each page type in one language only', () => {
  for (const lang of ['et', 'en'] as const) {
    it(`in ${lang === 'et' ? 'Estonian' : 'English'}, no text of the other language, no zone ids or language codes`, async () => {
      const foreign = phrasesOnlyIn(other(lang));
      const problems: string[] = [];
      for (const type of pageTypes) {
        const path = `${type.path}${type.path.includes('?') ? '&' : '?'}lang=${lang}`;
        const response = await ctx.app.request(path, { headers: type.admin ? { cookie } : {} });
        expect(response.status, path).toBe(200);
        const html = await response.text();
        const text = visibleText(html);
        for (const phrase of foreign) {
          if (text.includes(phrase)) problems.push(`${type.name}: "${phrase}"`);
        }
        // Organizers pick a zone by its id on the event form; residents never read one.
        for (const pattern of type.admin ? TECHNICAL.slice(1) : TECHNICAL) {
          const found = pattern.exec(text);
          if (found) problems.push(`${type.name}: "${found[0]}"`);
        }
        try {
          expectOnlyIn(html, lang, []);
        } catch (error) {
          problems.push(`${type.name}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
      expect(problems).toEqual([]);
    }, 300_000);
  }
});

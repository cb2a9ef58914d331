import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues } from '@/messages';
import { languages, type Lang } from '@/platform/i18n';
import { CSV_COLUMNS } from '@/plans/rules';
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

const NAMES: Record<Lang, string> = { et: 'Estonian', ru: 'Russian', en: 'English' };

/**
 * The phrases of the other languages that `lang` never uses: every catalogue text cut at its
 * placeholders and plural forms, pieces of at least two words and ten letters that no text of
 * `lang` holds ("Google Calendar" is in each, "Registreeru" only Estonian).
 */
function foreignPhrases(lang: Lang): string[] {
  const mine = Object.values(catalogues[lang]).join('\n');
  const phrases = new Set<string>();
  const texts = languages
    .filter((other) => other !== lang)
    .flatMap((other) => Object.values(catalogues[other]));
  for (const text of texts) {
    for (const piece of text.split(/[{}]|#/)) {
      const phrase = piece
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^[\s.,:;!?()–—-]+|[\s.,:;!?()–—-]+$/g, '');
      if (phrase.length >= 10 && /\s/.test(phrase) && !mine.includes(phrase)) phrases.add(phrase);
    }
  }
  return [...phrases];
}

/** Things a resident should never read in either language: zone ids and language codes. */
const TECHNICAL = [
  /\b(Europe|America|Asia|Africa|Australia|Etc)\/[A-Z][a-z]+/,
  /(?:^|[\s(])(Keel|Language|Язык): [a-z]{2}\b/,
];

describe('each page type in one language only', () => {
  for (const lang of languages) {
    it(`in ${NAMES[lang]}, no text of another language, no zone ids or language codes`, async () => {
      const foreign = foreignPhrases(lang);
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

/**
 * Words in Latin letters a Russian page may show: names of products and formats, Koda itself,
 * the other languages' names in the language switch, the plan CSV file's column names, and on
 * organizer pages the time zones' ids.
 */
const LATIN_ON_RUSSIAN_PAGES = new Set([
  ...(
    'Koda API CSV JSON Atom iCal ics WebVTT VTT HLS mp4 webm m3u8 URL Markdown YouTube Vimeo ' +
    'Facebook Google Apple Outlook Thunderbird WordPress oEmbed iframe JavaScript HTML Bearer OpenStreetMap ' +
    'Authorization SMTP_URL UTC ID et ru en Eesti keeles In English http https ' +
    'PDF PNG JPEG WebP OpenDocument Office docx xlsx pptx odt SubRip srt vtt'
  ).split(' '),
  ...CSV_COLUMNS,
]);
const ZONE_WORDS = new Set(
  Intl.supportedValuesOf('timeZone').flatMap((zone) => latinWords(zone.replace(/[/_-]/g, ' '))),
);

function latinWords(text: string): string[] {
  return text.match(/[A-Za-zÕÄÖÜõäöüŠšŽž][\w'ÕÄÖÜõäöüŠšŽž]*/g) ?? [];
}

/** Every word stored in the database's text columns: what organizers wrote, not the interface. */
async function contentWords(): Promise<Set<string>> {
  const db = ctx.deps.db;
  const rowsOf = (result: unknown) =>
    (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
      string,
      unknown
    >[];
  const columns = rowsOf(
    await db.execute(
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'ARRAY')`,
    ),
  );
  const words = new Set<string>();
  for (const { table_name: table, column_name: column } of columns) {
    const values = rowsOf(
      await db.execute(sql.raw(`select "${String(column)}"::text as v from "${String(table)}"`)),
    );
    for (const { v } of values) for (const word of latinWords(String(v ?? ''))) words.add(word);
  }
  return words;
}

describe('each page type in Russian', () => {
  it('shows no word in Latin letters but the content, product names and formats', async () => {
    const content = await contentWords();
    const problems: string[] = [];
    for (const type of pageTypes) {
      const path = `${type.path}${type.path.includes('?') ? '&' : '?'}lang=ru`;
      const response = await ctx.app.request(path, { headers: type.admin ? { cookie } : {} });
      // Code to copy (the embed snippets) is not interface text.
      const html = (await response.text()).replace(
        /<(code|pre|textarea)\b[^>]*>[\s\S]*?<\/\1>/gi,
        ' ',
      );
      const latin = latinWords(visibleText(html)).filter(
        (word) =>
          !content.has(word) &&
          !LATIN_ON_RUSSIAN_PAGES.has(word) &&
          !(type.admin && ZONE_WORDS.has(word)),
      );
      if (latin.length > 0) problems.push(`${type.name}: ${[...new Set(latin)].join(' ')}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);
});

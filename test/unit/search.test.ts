import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaptions } from '@/captions/parse';
import { cueSecond, cuesVtt, transcriptSections } from '@/captions/transcript';
import { FOLD_FROM, FOLD_TO, foldText, searchTerms } from '@/search/fold';
import {
  around,
  matchedSection,
  prefixQuery,
  sections,
  snippet,
  understandQuery,
} from '@/search/query';
import { filterQuerySchema, filtersHref, readFilters } from '@/search/filters';

const places = [
  { slug: 'keila', name: 'Keila linn' },
  { slug: 'jarva-jaani', name: 'Järva-Jaani vald' },
  { slug: 'rouge', name: 'Rõuge vald' },
];

describe('search folding', () => {
  it('maps each character to one, the same table in JavaScript and in the migration', () => {
    expect([...FOLD_FROM].length).toBe([...FOLD_TO].length);
    expect(foldText('ÕUNAAED Šokolaad Žürii Mäksa Järva-Jaani ÜLO')).toBe(
      'ounaaed sokolaad zurii maksa jarva jaani ulo',
    );
    expect(foldText('Łódź Kraków Řeka ЁЛКА Бюджет «участия»')).toBe(
      'lodz krakow reka елка бюджет  участия ',
    );
    const migration = readFileSync('drizzle/0015_captions_search.sql', 'utf8');
    const literal = (text: string) =>
      "E'" +
      text
        .replace(/\\/g, '\\\\')
        .replace(/'/g, "\\'")
        .replace(/\t/g, '\\t')
        .replace(/\r/g, '\\r')
        .replace(/\n/g, '\\n') +
      "'";
    expect(migration).toContain(`translate(input, ${literal(FOLD_FROM)}, ${literal(FOLD_TO)})`);
  });

  it('splits a query into at most eight folded words of letters and digits', () => {
    expect(searchTerms('  Kaasav  EELARVE, Rõuge! ')).toEqual(['kaasav', 'eelarve', 'rouge']);
    expect(searchTerms('% _ \' " :* & | !')).toEqual([]);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
    expect(searchTerms(undefined)).toEqual([]);
    expect(prefixQuery(['kaasav', 'eelarve'])).toBe('kaasav:* & eelarve:*');
  });
});

describe('understandQuery', () => {
  it('reads a place (also inflected) and a year out of the words', () => {
    expect(understandQuery('Keila 2014 kaasav eelarve', places)).toEqual({
      terms: ['kaasav', 'eelar'],
      words: ['kaasav', 'eelarve'],
      municipality: places[0],
      year: 2014,
    });
    expect(understandQuery('eelarve Keilas', places).municipality?.slug).toBe('keila');
    expect(understandQuery('Järva-Jaani noored', places)).toMatchObject({
      terms: ['noored'],
      municipality: places[1],
    });
    // A word that only starts like a place, and a number that is no year, stay words.
    expect(understandQuery('keilakülaline 12345', places)).toEqual({
      terms: ['keilakulali', '12345'],
      words: ['keilakülaline', '12345'],
      municipality: null,
      year: null,
    });
    // Filters chosen in the form win over the words.
    expect(understandQuery('Keila 2014', places, { municipality: 'rouge', year: 2015 })).toEqual({
      terms: ['keila', '2014'],
      words: ['Keila', '2014'],
      municipality: null,
      year: null,
    });
    // What the page shows back is what was typed, not the stems the search matches with.
    expect(understandQuery('Keila 2014 Бюджет участия', places)).toMatchObject({
      terms: ['бюджет', 'участ'],
      words: ['Бюджет', 'участия'],
    });
  });
});

describe('snippet', () => {
  it('marks the words as written, diacritics and case included, around the first match', () => {
    const parts = snippet('Arutasime KAASAVA eelarve üle. Õuesõpe jäi järgmisse korda.', [
      'kaasav',
      'ouesop',
    ]);
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual([
      'KAASAVA',
      'Õuesõpe',
    ]);
    expect(parts.map((part) => part.text).join('')).toBe(
      'Arutasime KAASAVA eelarve üle. Õuesõpe jäi järgmisse korda.',
    );
    const long = `${'sõna '.repeat(100)}eelarve ${'teine '.repeat(100)}`;
    const cut = snippet(long, ['eelarve'], 100);
    const text = cut.map((part) => part.text).join('');
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(110);
    expect(cut.some((part) => part.match && part.text === 'eelarve')).toBe(true);
  });
});

describe('around', () => {
  it('keeps the part of a long text around the first match, and a short text whole', () => {
    const long = `${'algus '.repeat(300)}Kaasava eelarve ${'lõpp '.repeat(300)}`;
    const part = around(long, ['kaasav'], 100);
    expect(part).toContain('Kaasava eelarve');
    expect(part.length).toBeLessThan(260);
    expect(around('lühike tekst', ['tekst'], 100)).toBe('lühike tekst');
  });
});

describe('a search row in its languages', () => {
  it('splits the body where the database says, counting characters as it does (not UTF-16 units)', () => {
    // '🎤' is one character to Postgres, two units to JavaScript.
    const body = 'Tere 🎤🎤 kõigile\nВсем привет\nHello all';
    const parts = sections(
      body,
      [
        ['et', 0],
        ['ru', 16],
        ['en', 28],
      ],
      'et',
    );
    expect(parts).toEqual([
      { lang: 'et', text: 'Tere 🎤🎤 kõigile' },
      { lang: 'ru', text: 'Всем привет' },
      { lang: 'en', text: 'Hello all' },
    ]);
    expect(sections(body, null, 'et')).toEqual([{ lang: 'et', text: body }]);
  });

  it('cuts a snippet from the first language holding the words, else from the first', () => {
    const parts = sections(
      'Eesti\nРусский',
      [
        ['et', 0],
        ['ru', 6],
      ],
      'et',
    );
    expect(matchedSection(parts, ['русс'])).toEqual({ lang: 'ru', text: 'Русский' });
    expect(matchedSection(parts, ['puudub'])).toEqual({ lang: 'et', text: 'Eesti' });
  });
});

describe('captions', () => {
  it('rounds a cue down to its whole second and groups cues under their chapters', () => {
    expect(cueSecond({ startMs: 65_900 })).toBe(65);
    const cues = [
      { startMs: 1_000, endMs: 2_000, text: 'enne' },
      { startMs: 61_999, endMs: 63_000, text: 'esimene' },
      { startMs: 125_000, endMs: 126_000, text: 'teine' },
    ];
    const sections = transcriptSections(cues, [
      { offsetSeconds: 120, title: 'B' },
      { offsetSeconds: 60, title: 'A' },
    ]);
    expect(
      sections.map((s) => [s.chapter?.title ?? null, s.endSeconds, s.cues.map((c) => c.text)]),
    ).toEqual([
      [null, 60, ['enne']],
      ['A', 120, ['esimene']],
      ['B', null, ['teine']],
    ]);
  });

  it('writes WebVTT that the parser reads back as the same cues', () => {
    const cues = [{ startMs: 3_723_450, endMs: 3_725_000, text: 'a --> b & <c>' }];
    const vtt = cuesVtt(cues);
    expect(vtt).toBe('WEBVTT\n\n01:02:03.450 --> 01:02:05.000\na --&gt; b &amp; &lt;c&gt;\n');
    expect(parseCaptions(vtt, 'vtt')).toEqual({ ok: true, cues });
  });

  it('reads the words of a cue without its tags', () => {
    const parsed = parseCaptions(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Mari Maasikas><i>Tere</i> &amp; head aega\n',
      'vtt',
    );
    expect(parsed).toEqual({
      ok: true,
      cues: [
        {
          startMs: 1000,
          endMs: 2000,
          text: 'Mari Maasikas: Tere & head aega',
          voices: [{ speaker: 'Mari Maasikas', at: 0 }],
        },
      ],
    });
  });

  it('writes each speaker as a voice span, escaped, and reads the same cues back', () => {
    const cues = [
      {
        startMs: 1000,
        endMs: 2000,
        text: 'Mari Maasikas: Tere',
        voices: [{ speaker: 'Mari Maasikas', at: 0 }],
      },
      {
        startMs: 2000,
        endMs: 4000,
        text: 'Aplaus. A <&> B --> C: Tere & head aega Jaan: Hei',
        voices: [
          { speaker: 'A <&> B --> C', at: 8 },
          { speaker: 'Jaan', at: 40 },
        ],
      },
    ];
    const vtt = cuesVtt(cues);
    expect(vtt).toBe(
      [
        'WEBVTT',
        '',
        '00:00:01.000 --> 00:00:02.000',
        '<v Mari Maasikas>Tere',
        '',
        '00:00:02.000 --> 00:00:04.000',
        'Aplaus.',
        '<v A &lt;&amp;&gt; B --&gt; C>Tere &amp; head aega</v>',
        '<v Jaan>Hei',
        '',
      ].join('\n'),
    );
    expect(parseCaptions(vtt, 'vtt')).toEqual({ ok: true, cues });
    // A voice that does not fit the text (a hand-written row) is left as words.
    expect(cuesVtt([{ ...cues[0]!, voices: [{ speaker: 'Jaan', at: 0 }] }])).toContain(
      '\nMari Maasikas: Tere\n',
    );
  });
});

describe('the filters of /search and /archive (one schema)', () => {
  const schema = filterQuerySchema(['live', 'recording'] as const, 10);
  it('reads what fits and ignores what does not, never refusing the page', () => {
    expect(
      readFilters(schema, {
        q: '  kaasav eelarve ',
        municipality: 'keila',
        year: '2014',
        kind: 'live',
        page: '2',
      }),
    ).toEqual({ q: 'kaasav eelarve', municipality: 'keila', year: 2014, kind: 'live', page: 2 });
    expect(
      readFilters(schema, {
        q: '',
        municipality: '<x>',
        year: 'soon',
        kind: 'podcast',
        page: '0',
      }),
    ).toEqual({
      q: undefined,
      municipality: undefined,
      year: undefined,
      kind: undefined,
      page: undefined,
    });
    // A page past the last one allowed reads as that one (the page says where the results end).
    expect(readFilters(schema, { page: '11' }).page).toBe(10);
  });
  it('writes them back into a page link', () => {
    expect(filtersHref('/archive', { q: 'õ & ü', year: 2014, kind: 'live' }, 3)).toBe(
      '/archive?q=%C3%B5+%26+%C3%BC&year=2014&kind=live&page=3',
    );
    expect(filtersHref('/search', {}, 1)).toBe('/search');
  });
});

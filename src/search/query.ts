/** What a search query asks for: its words, and a place and a year it names. Pure: no I/O. */
import { foldText, queryWords, searchTerms } from './fold';

export const SEARCH_KINDS = [
  'event',
  'outcome',
  'plan_item',
  'plan_update',
  'recording',
  'caption',
  'document',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export type Place = { slug: string; name: string };

export type Understood = {
  /** The words left to match, folded. */
  terms: string[];
  /** The same words as the user typed them (case and diacritics kept), to show what was searched. */
  words: string[];
  /** A municipality the query named ("Keila", "Keilas"), when no filter chose one. */
  municipality: Place | null;
  /** A year the query named ("2014"), when no filter chose one. */
  year: number | null;
};

/**
 * Words of a municipality's name that do not tell it apart, by what they name: a query may say
 * "Keila linn", "город Кейла" or "Keila city" for the municipality named "Keila linn".
 */
const GENERIC_GROUPS = [
  ['linn', 'city', 'town', 'город'],
  ['vald', 'parish', 'волость'],
  ['maakond', 'county', 'уезд'],
];
const GENERIC_GROUP = new Map(
  GENERIC_GROUPS.flatMap((group, index) => group.map((word) => [word, index] as const)),
);
/** Case endings a place name may carry in a query (Keilas, Keilasse, Tartust). */
const MAX_ENDING = 4;

/**
 * Cyrillic letters as Estonian place names are written in Russian, back in folded Latin letters:
 * Кейла → keila, Рыуге → rouge, Пярну → parnu, Ярва-Яани → jarva jaani, Йыгева → jogeva. Я and ю
 * read as ja and ju at the start of a word or after a vowel, else as ä and ü (folded: a, u); й as
 * j at the start of a word, else as i.
 */
const CYRILLIC_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'z',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ts',
  ш: 's',
  щ: 's',
  ъ: '',
  ы: 'o',
  ь: '',
  э: 'e',
  ю: 'u',
  я: 'a',
};
const IOTATED: Record<string, string> = { я: 'ja', ю: 'ju' };
const CYRILLIC_VOWELS = 'аеёиоуыэюяъь';

function latinLetters(term: string): string {
  let out = '';
  for (let i = 0; i < term.length; i++) {
    const char = term[i] as string;
    const before = i === 0 ? '' : (term[i - 1] as string);
    const iotated = IOTATED[char];
    if (char === 'й' && before === '') out += 'j';
    else if (iotated !== undefined && (before === '' || CYRILLIC_VOWELS.includes(before)))
      out += iotated;
    else out += CYRILLIC_LATIN[char] ?? char;
  }
  return out;
}

/** Doubled letters as one: Russian spells Tallinn "Таллин" and Jaani "Яани". */
function singleLetters(word: string): string {
  return word.replace(/(.)\1+/g, '$1');
}

/**
 * Whether a query's (folded) word names a place's word: the word itself with an Estonian case
 * ending (Keilas), or in Cyrillic letters with a Russian one (Кейла, в Кейле, Таллинне).
 */
function namesPlace(term: string, word: string): boolean {
  if (term.startsWith(word) && term.length - word.length <= MAX_ENDING) return true;
  if (!/[а-я]/.test(term)) return false;
  const latin = singleLetters(latinLetters(term));
  const name = singleLetters(word);
  // Russian declines a name by its last vowel: Кейла, Кейле, Кейлой.
  const base = name.length > 3 && /[aeiou]$/.test(name) ? name.slice(0, -1) : name;
  return latin.startsWith(base) && latin.length - base.length <= 3;
}

/**
 * The query's words that name this place, by index: every distinctive word of its name (else
 * null), and a word of its kind ("linn", "город") when the query says it.
 */
function placeMatch(terms: readonly string[], place: Place): number[] | null {
  const words = searchTerms(place.name);
  const distinctive = words.filter((word) => !GENERIC_GROUP.has(word));
  if (distinctive.length === 0) return null;
  const used = distinctive.map((word) => terms.findIndex((term) => namesPlace(term, word)));
  if (used.some((index) => index < 0)) return null;
  const groups = new Set(words.map((word) => GENERIC_GROUP.get(word)));
  terms.forEach((term, index) => {
    const group = GENERIC_GROUP.get(term);
    if (group !== undefined && groups.has(group) && !used.includes(index)) used.push(index);
  });
  return used;
}

/**
 * Reads "Keila 2014 kaasav eelarve" as the words "kaasav eelarve" in Keila in 2014. A place is
 * taken only when every distinctive word of its name is in the query ("linn" and "vald" are not,
 * but they tell "Keila linn" from "Keila vald" when both exist); a year is a four-digit 1900–2099.
 */
export function understandQuery(
  query: string | null | undefined,
  places: readonly Place[],
  chosen: { municipality?: string | undefined; year?: number | undefined } = {},
): Understood {
  let typed = queryWords(query);
  let terms = typed.map((word) => word.term);
  let year: number | null = null;
  if (chosen.year === undefined) {
    const index = terms.findIndex((term) => /^(19|20)\d\d$/.test(term));
    if (index >= 0) {
      year = Number(terms[index]);
      terms = terms.filter((_, i) => i !== index);
      typed = typed.filter((_, i) => i !== index);
    }
  }
  let municipality: Place | null = null;
  if (chosen.municipality === undefined) {
    let best: number[] = [];
    for (const place of places) {
      const used = placeMatch(terms, place);
      if (used && used.length > best.length) {
        municipality = place;
        best = used;
      }
    }
    terms = terms.filter((_, i) => !best.includes(i));
    typed = typed.filter((_, i) => !best.includes(i));
  }
  return { terms: terms.map(stem), words: typed.map((word) => word.typed), municipality, year };
}

/** Words this long lose their last two letters before matching as a prefix. */
const STEM_FROM = 7;

/**
 * A word's stem for prefix matching: Estonian and Russian change a word's ending with its case
 * (valitsemine, valitsemise; бюджет, бюджета), so a long word matches without its last two letters.
 */
export function stem(term: string): string {
  return term.length >= STEM_FROM && !/^\d+$/.test(term) ? term.slice(0, -2) : term;
}

/** The tsquery of the words: each a prefix, all required (`kaasav:* & eelarve:*`). */
export function prefixQuery(terms: readonly string[]): string {
  // Terms hold only letters and digits (searchTerms), so nothing in them is tsquery syntax.
  return terms.map((term) => `${term}:*`).join(' & ');
}

export type Section = { lang: string | null; text: string };

/**
 * A search row's body in its languages: `languages` gives where each begins, in code points (as
 * the database counts), `[language, start]`; without it all of the body is `original`.
 */
export function sections(
  body: string,
  languages: readonly (readonly [string | null, number])[] | null,
  original: string | null,
): Section[] {
  if (!languages || languages.length === 0) return [{ lang: original, text: body }];
  const points = Array.from(body);
  return languages.map(([lang, start], index) => ({
    lang,
    text: points
      .slice(start, languages[index + 1]?.[1] ?? points.length)
      .join('')
      .trim(),
  }));
}

/** Where the first word of the text that starts with one of the terms begins; -1 for none. */
function firstMatch(text: string, terms: readonly string[]): number {
  const folded = foldText(text);
  const word = /[\p{L}\p{N}]+/gu;
  for (let found = word.exec(folded); found; found = word.exec(folded)) {
    const matched = found[0];
    if (terms.some((term) => matched.startsWith(term))) return found.index;
  }
  return -1;
}

/**
 * The section a snippet is cut from: the first holding one of the terms (a snippet never mixes
 * languages), else the first (the words were in the title).
 */
export function matchedSection(parts: readonly Section[], terms: readonly string[]): Section {
  return (
    parts.find((part) => firstMatch(part.text, terms) >= 0) ?? parts[0] ?? { lang: null, text: '' }
  );
}

/**
 * The part of a long text around its first word that starts with one of the terms, cut at
 * spaces: what a snippet is made from, so a long description is not rendered whole per result.
 */
export function around(text: string, terms: readonly string[], radius = 500): string {
  if (text.length <= radius * 2) return text;
  const first = Math.max(0, firstMatch(text, terms));
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, first - radius)));
  const to = text.indexOf(' ', Math.min(text.length, first + radius));
  return text.slice(from, to < 0 ? text.length : to);
}

export type SnippetPart = { text: string; match: boolean };

/**
 * Up to `length` characters of `text` around the first word that starts with one of the terms,
 * with every such word marked. Folding keeps positions, so the marks fall on
 * the text as written (diacritics and case included).
 */
export function snippet(text: string, terms: readonly string[], length = 220): SnippetPart[] {
  const plain = text.replace(/\s+/g, ' ').trim();
  const folded = foldText(plain);
  const marks: [number, number][] = [];
  const wordStart = /[\p{L}\p{N}]+/gu;
  for (let found = wordStart.exec(folded); found; found = wordStart.exec(folded)) {
    const word = found[0];
    const term = terms.find((candidate) => word.startsWith(candidate));
    if (term) marks.push([found.index, found.index + word.length]);
  }
  const first = marks[0]?.[0] ?? 0;
  let from = Math.max(0, first - Math.floor(length / 3));
  if (from > 0) {
    const space = plain.indexOf(' ', from);
    from = space >= 0 && space < first ? space + 1 : from;
  }
  let to = Math.min(plain.length, from + length);
  if (to < plain.length) {
    const space = plain.lastIndexOf(' ', to);
    if (space > from) to = space;
  }
  const parts: SnippetPart[] = [];
  if (from > 0) parts.push({ text: '… ', match: false });
  let at = from;
  for (const [start, end] of marks) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    if (s > at) parts.push({ text: plain.slice(at, s), match: false });
    parts.push({ text: plain.slice(s, Math.min(end, to)), match: true });
    at = Math.min(end, to);
  }
  if (at < to) parts.push({ text: plain.slice(at, to), match: false });
  if (to < plain.length) parts.push({ text: ' …', match: false });
  return parts;
}

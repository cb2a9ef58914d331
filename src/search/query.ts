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

/** Words of a municipality's name that do not tell it apart. */
const GENERIC = new Set([
  'linn',
  'vald',
  'maakond',
  'city',
  'parish',
  'county',
  'город',
  'волость',
]);
/** Case endings a place name may carry in a query (Keilas, Keilasse, Tartust). */
const MAX_ENDING = 4;

function placeWords(place: Place): string[] {
  return searchTerms(place.name).filter((word) => !GENERIC.has(word));
}

function namesPlace(term: string, word: string): boolean {
  return term.startsWith(word) && term.length - word.length <= MAX_ENDING;
}

/**
 * Reads "Keila 2014 kaasav eelarve" as the words "kaasav eelarve" in Keila in 2014. A place is
 * taken only when every word of its name is in the query; a year is a four-digit 1900–2099.
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
    for (const place of places) {
      const words = placeWords(place);
      if (words.length === 0) continue;
      const used = words.map((word) => terms.findIndex((term) => namesPlace(term, word)));
      if (used.every((index) => index >= 0)) {
        municipality = place;
        terms = terms.filter((_, i) => !used.includes(i));
        typed = typed.filter((_, i) => !used.includes(i));
        break;
      }
    }
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

/**
 * The part of a long text around its first word that starts with one of the terms, cut at
 * spaces: what a snippet is made from, so a long description is not rendered whole per result.
 */
export function around(text: string, terms: readonly string[], radius = 500): string {
  if (text.length <= radius * 2) return text;
  const folded = foldText(text);
  const word = /[\p{L}\p{N}]+/gu;
  let first = 0;
  for (let found = word.exec(folded); found; found = word.exec(folded)) {
    const matched = found[0];
    if (terms.some((term) => matched.startsWith(term))) {
      first = found.index;
      break;
    }
  }
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

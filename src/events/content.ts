import {
  allLanguages,
  contentLang,
  localize,
  originalLangOf,
  splitTranslatable,
  type TranslatableInput,
  type Translations,
} from '@/platform/i18n/content';
import type { Lang } from '@/platform/i18n';
import type { ErrorDetail } from '@/platform/http/errors';
import type { AgendaItemRow, EventRow } from './reads';

/** The event's text an organizer writes once per language (issue 18). */
export const EVENT_TEXT_FIELDS = ['title', 'summary', 'description', 'venueName'] as const;

type EventTexts = Pick<EventRow, 'title' | 'summary' | 'description' | 'venueName'>;
/** What a page, a feed or an email shows of an event: the title, and some of the others. */
type ShownTexts = { title: string } & Partial<Omit<EventTexts, 'title'>>;
type Translatable = { originalLang: string; translations: Translations };

/** The shown fields besides the title, each of which may be in another language than the title. */
type OtherText = 'summary' | 'description' | 'venueName';

/**
 * The event as a reader of `lang` sees it: each text in their language, else in the original.
 * `contentLang` is the title's language and `fallback` whether the reader gets the original
 * instead of their language (pages mark it: "оригинал на эстонском"). `textLangs` is each
 * shown field's own language and `partlyOriginal` whether some field falls back although the
 * title is translated (review item 2: a page translated only in part marks those parts).
 */
export function localizeEvent<E extends ShownTexts & Translatable>(
  event: E,
  lang: Lang,
): E & {
  contentLang: Lang;
  fallback: boolean;
  textLangs: Partial<Record<OtherText, Lang>>;
  partlyOriginal: boolean;
} {
  const title = localize(event, 'title', event.title, lang);
  const shown = {
    ...event,
    title: title.text,
    contentLang: title.lang,
    fallback: title.fallback,
    textLangs: {} as Partial<Record<OtherText, Lang>>,
    partlyOriginal: false,
  };
  for (const field of ['summary', 'description', 'venueName'] as const) {
    if (!(field in event)) continue;
    const original = event[field];
    if (!original) {
      shown[field] = original;
      continue;
    }
    const text = localize(event, field, original, lang);
    shown[field] = text.text;
    shown.textLangs[field] = text.lang;
    if (text.fallback && !title.fallback) shown.partlyOriginal = true;
  }
  return shown;
}

/**
 * Agenda items' titles in the reader's language, else the original; `titleLang` is the
 * shown title's language and `originalLang` the language of the other texts (description).
 */
export function localizeAgenda<A extends Pick<AgendaItemRow, 'title'> & Translatable>(
  items: A[],
  lang: Lang,
): (A & { titleLang: Lang })[] {
  return items.map((item) => {
    const title = localize(item, 'title', item.title, lang);
    return { ...item, title: title.text, titleLang: title.lang };
  });
}

/** The API's `translations` of an event: every text field in every language it has. */
export function eventTranslations(event: EventTexts & Translatable) {
  const out: Record<string, Partial<Record<Lang, string>>> = {};
  for (const field of EVENT_TEXT_FIELDS) {
    const texts = allLanguages(event, field, event[field]);
    if (Object.keys(texts).length > 0) out[field] = texts;
  }
  return out;
}

type TranslatableBody = {
  title?: TranslatableInput | undefined;
  summary?: TranslatableInput | null | undefined;
  description?: TranslatableInput | null | undefined;
  venue?: ({ name: TranslatableInput } & Record<string, unknown>) | null | undefined;
  originalLang?: Lang | undefined;
};

/** A body's texts as plain strings (the original's), with the other languages set apart. */
export type SeparatedTexts<B> = {
  body: Omit<B, 'title' | 'summary' | 'description' | 'venue' | 'originalLang'> & {
    title?: string;
    summary?: string | null;
    description?: string | null;
    venue?: ({ name: string } & Record<string, unknown>) | null;
  };
  originalLang: Lang;
  translations: Translations;
  /** Fields given only in other languages: the original is required when creating. */
  missing: ErrorDetail[];
};

/**
 * Splits the API's translatable fields (a string, the original, or `{et, ru, en}`): the body
 * with the original's strings, and the translations. The original's language is the body's
 * `originalLang`, else the stored event's, else the first language given.
 */
export function separateEventTexts<B extends TranslatableBody>(
  input: B,
  stored?: Translatable,
): SeparatedTexts<B> {
  const { title, summary, description, venue, originalLang: named, ...rest } = input;
  const originalLang =
    named ??
    (stored
      ? contentLang(stored.originalLang)
      : originalLangOf([title, summary, description, venue?.name], undefined));
  const translations: Translations = {};
  const missing: ErrorDetail[] = [];
  const take = (field: string, path: string, value: TranslatableInput) => {
    const split = splitTranslatable(value, originalLang);
    translations[field] = split.translations;
    if (split.original === undefined) {
      missing.push({
        path: `${path}.${originalLang}`,
        message: 'Required: the text in the original language',
        localized: { key: 'validation.required' },
      });
    }
    return split.original;
  };
  const body: SeparatedTexts<B>['body'] = { ...rest };
  if (title !== undefined) {
    const text = take('title', 'title', title);
    if (text !== undefined) body.title = text;
  }
  for (const [field, value] of [
    ['summary', summary],
    ['description', description],
  ] as const) {
    if (value === null) body[field] = null;
    else if (value !== undefined) {
      const text = take(field, field, value);
      if (text !== undefined) body[field] = text;
    }
  }
  if (venue === null) body.venue = null;
  else if (venue !== undefined) {
    const name = take('venueName', 'venue.name', venue.name);
    if (name !== undefined) body.venue = { ...venue, name };
  }
  return { body, originalLang, translations, missing };
}

export { mergeTranslations } from '@/platform/i18n/content';

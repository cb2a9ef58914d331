/**
 * Languages, negotiation and translation. The platform knows no feature's strings: each
 * feature's `messages.ts` adds its keys to `Messages` (declaration merging, so a misspelt key
 * is a type error everywhere), and `src/messages.ts` assembles the catalogues the app uses.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each catalogue
export interface Messages {}

/** In the order the language switch offers them. */
export const languages = ['et', 'ru', 'en'] as const;
export type Lang = (typeof languages)[number];

/** What the language switch calls each language, in that language itself. */
export const languageNames: Record<Lang, string> = {
  et: 'Eesti keeles',
  ru: 'По-русски',
  en: 'In English',
};
export type MessageKey = keyof Messages & string;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
export type Catalogues = Record<Lang, Record<MessageKey, string>>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The BCP 47 locale each language formats numbers, dates and plurals with. */
export const locales: Record<Lang, string> = { et: 'et-EE', ru: 'ru-RU', en: 'en-GB' };

type Params = Record<string, string | number>;

/**
 * `{name}` placeholders are filled from params; an unknown one is left as written.
 * `{count, plural, one {# päev} other {# päeva}}` picks the form `Intl.PluralRules` names for
 * the number (Russian: one/few/many/other; `=0` matches exactly) and writes it where `#` is.
 */
export function createTranslator(messages: Record<MessageKey, string>, lang: Lang): Translate {
  const plurals = new Intl.PluralRules(locales[lang]);
  const numbers = new Intl.NumberFormat(locales[lang]);
  const format = (text: string, params: Params, count?: number): string => {
    let out = '';
    let i = 0;
    while (i < text.length) {
      const ch = text[i] as string;
      if (ch === '#' && count !== undefined) {
        out += numbers.format(count);
        i += 1;
      } else if (ch === '{') {
        const end = matchingBrace(text, i);
        const inner = text.slice(i + 1, end);
        const plural = /^\s*(\w+)\s*,\s*plural\s*,/.exec(inner);
        if (plural) {
          const name = plural[1] as string;
          const value = Number(params[name]);
          const forms = pluralForms(inner.slice(plural[0].length));
          const chosen =
            name in params && Number.isFinite(value)
              ? (forms[`=${value}`] ?? forms[plurals.select(value)] ?? forms.other)
              : undefined;
          out += chosen === undefined ? text.slice(i, end + 1) : format(chosen, params, value);
        } else {
          out += inner in params ? String(params[inner]) : text.slice(i, end + 1);
        }
        i = end + 1;
      } else {
        out += ch;
        i += 1;
      }
    }
    return out;
  };
  return (key, params) => (params ? format(messages[key], params) : messages[key]);
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length - 1;
}

/** `one {…} few {…} other {…}` → { one: '…', few: '…', other: '…' }. */
function pluralForms(body: string): Record<string, string> {
  const forms: Record<string, string> = {};
  let i = 0;
  while (i < body.length) {
    const selector = /^\s*(=\d+|\w+)\s*\{/.exec(body.slice(i));
    if (!selector) break;
    const open = i + selector[0].length - 1;
    const close = matchingBrace(body, open);
    forms[selector[1] as string] = body.slice(open + 1, close);
    i = close + 1;
  }
  return forms;
}

/**
 * The names a message fills: its `{name}` placeholders and its plurals' numbers, e.g.
 * `['count', 'title']`. The catalogues' test compares them across languages.
 */
export function placeholdersOf(message: string): string[] {
  const names = new Set<string>();
  for (const match of message.matchAll(/\{\s*(\w+)\s*(\}|,\s*plural\s*,)/g)) {
    names.add(match[1] as string);
  }
  return [...names].sort();
}

type LangInput = {
  query?: string | undefined;
  cookie?: string | undefined;
  acceptLanguage?: string | undefined;
};

/** `?lang=` wins, then the cookie, then the browser's Accept-Language; Estonian by default. */
export function negotiateLang(input: LangInput): Lang {
  return requestedLang(input) ?? 'et';
}

/** The language a request asks for (as negotiateLang), or undefined when it names none Koda has. */
export function requestedLang(input: LangInput): Lang | undefined {
  if (isLang(input.query)) return input.query;
  if (isLang(input.cookie)) return input.cookie;
  const preferred = (input.acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0], q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return preferred.map((entry) => entry.lang).find(isLang);
}

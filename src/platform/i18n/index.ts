/**
 * Languages, negotiation and translation. The platform knows no feature's strings: each
 * feature's `messages.ts` adds its keys to `Messages` (declaration merging, so a misspelt key
 * is a type error everywhere), and `src/messages.ts` assembles the catalogues the app uses.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each catalogue
export interface Messages {}

export const languages = ['et', 'en'] as const;
export type Lang = (typeof languages)[number];
export type MessageKey = keyof Messages & string;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
export type Catalogues = Record<Lang, Record<MessageKey, string>>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** `{name}` placeholders are filled from params; an unknown one is left as written. */
export function createTranslator(messages: Record<MessageKey, string>): Translate {
  return (key, params) =>
    params
      ? messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
          name in params ? String(params[name]) : whole,
        )
      : messages[key];
}

/** `?lang=` wins, then the cookie, then the browser's Accept-Language; Estonian by default. */
export function negotiateLang(input: {
  query?: string | undefined;
  cookie?: string | undefined;
  acceptLanguage?: string | undefined;
}): Lang {
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
  return preferred.map((entry) => entry.lang).find(isLang) ?? 'et';
}

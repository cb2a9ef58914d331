import { calendarMessages } from '../../calendar/messages';
import { registrationMessages } from '../../registrations/messages';
import { accountsMessages } from '../../accounts/messages';
import { eventsMessages } from '../../events/messages';
import { recordingMessages } from '../../recordings/messages';
import { archiveMessages } from '../../archive/messages';
import { plansMessages } from '../../plans/messages';
import { commonMessages } from './common';

/** One catalogue per language, merged from every feature's messages file. */
const et = {
  ...commonMessages.et,
  ...recordingMessages.et,
  ...archiveMessages.et,
  ...eventsMessages.et,
  ...accountsMessages.et,
  ...registrationMessages.et,
  ...calendarMessages.et,
  ...plansMessages.et,
};
const en: Record<MessageKey, string> = {
  ...commonMessages.en,
  ...recordingMessages.en,
  ...archiveMessages.en,
  ...eventsMessages.en,
  ...accountsMessages.en,
  ...registrationMessages.en,
  ...calendarMessages.en,
  ...plansMessages.en,
};

export const languages = ['et', 'en'] as const;
export type Lang = (typeof languages)[number];
export type MessageKey = keyof typeof et;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const catalogues: Record<Lang, Record<MessageKey, string>> = { et, en };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function translator(lang: Lang): Translate {
  const messages = catalogues[lang];
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

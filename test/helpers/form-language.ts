import { expect } from 'vitest';
import { catalogues, translator } from '@/messages';
import { languages, type Lang, type MessageKey } from '@/platform/i18n';

/**
 * What a person reads on a page: the text between tags, without scripts, styles or attribute
 * values (an `<option value="in_person">` shows its label, not its value).
 */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** What zod (and the old pages) said in English: never on a page in either language. */
const VALIDATOR_PHRASES = [
  /expected/i,
  /Too small/i,
  /Too big/i,
  /\bInvalid\b/,
  /Must be/i,
  /\bRequired\b/,
  /ISO 8601/,
  /Not a valid/i,
];

/** Values and names of the code that a person should never read, in either language. */
const INTERNAL_NAMES = [
  'in_person',
  'think_tank',
  'not_waitlisted',
  'not_confirmed',
  'event_full',
  'invalid_fields',
  'nobody_to_message',
  'registration_closed',
  'startsAt',
  'endsAt',
  'cancelReason',
  'registrationClosesAt',
  'registrationOpensAt',
  'durationSeconds',
  'agendaItemId',
  'captionsUrl',
  'onlineUrl',
];

/** Enum values that are English words: on an Estonian or Russian page they are internal values shown. */
const ENGLISH_VALUES = [
  'online',
  'confirmed',
  'waitlisted',
  'cancelled',
  'published',
  'draft',
  'talk',
  'discussion',
  'recording',
  'registered',
  'attended',
];

const others = (lang: Lang): Lang[] => languages.filter((other) => other !== lang);

/** Messages of the form layer in one language: every `validation.*` and `errors.*` text. */
function formLayerMessages(lang: Lang): string[] {
  return Object.entries(catalogues[lang])
    .filter(([key]) => key.startsWith('validation.') || key.startsWith('errors.'))
    .map(([, text]) => text);
}

export type Expected = MessageKey | [MessageKey, Record<string, string | number>];

/**
 * A refused form's page in `lang`: the error summary is there, each expected message is shown
 * in that language (and not in the other), and nothing a validator or the code says leaks
 * through: no zod phrase, no internal value, no form-layer message of the other language.
 */
export function expectRefusedFormIn(html: string, lang: Lang, expected: Expected[]): void {
  expect(html, 'the error summary').toContain('data-error-summary');
  expect(visibleText(html)).toContain(translator(lang)('form.errorSummary'));
  expectOnlyIn(html, lang, expected);
}

/** A page in `lang` only: the expected messages in it, no validator text, no internal value. */
export function expectOnlyIn(html: string, lang: Lang, expected: Expected[]): void {
  const text = visibleText(html);
  for (const item of expected) {
    const [key, params] = Array.isArray(item) ? item : [item, undefined];
    expect(text, `message ${key} in ${lang}`).toContain(translator(lang)(key, params));
    for (const other of others(lang)) {
      expect(text, `message ${key} not in ${other}`).not.toContain(translator(other)(key, params));
    }
  }
  for (const phrase of VALIDATOR_PHRASES) {
    expect(text, `validator phrase ${phrase}`).not.toMatch(phrase);
  }
  const internal = lang === 'en' ? INTERNAL_NAMES : [...INTERNAL_NAMES, ...ENGLISH_VALUES];
  for (const name of internal) {
    expect(text, `internal value ${name}`).not.toMatch(new RegExp(`\\b${name}\\b`));
  }
  const mine = new Set(formLayerMessages(lang));
  for (const message of others(lang).flatMap(formLayerMessages)) {
    if (!mine.has(message)) expect(text, 'a message of another language').not.toContain(message);
  }
}

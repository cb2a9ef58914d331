import { describe, expect, it } from 'vitest';
import { catalogues } from '@/messages';
import { createTranslator, languages, locales, placeholdersOf } from '@/platform/i18n';

describe('the catalogues', () => {
  const keys = Object.keys(catalogues.et) as (keyof typeof catalogues.et)[];

  it('have the same keys in every language', () => {
    for (const lang of languages) expect(Object.keys(catalogues[lang]).sort()).toEqual(keys.sort());
  });

  it('fill the same placeholders in every language', () => {
    const differing = keys.flatMap((key) => {
      const expected = placeholdersOf(catalogues.et[key]);
      return languages
        .filter((lang) => placeholdersOf(catalogues[lang][key]).join() !== expected.join())
        .map((lang) => `${lang} ${key}: ${placeholdersOf(catalogues[lang][key]).join()}`);
    });
    expect(differing).toEqual([]);
  });

  it('give every plural the forms its language needs, and a text in every language', () => {
    const missing = languages.flatMap((lang) => {
      const needed = new Intl.PluralRules(locales[lang]).resolvedOptions().pluralCategories;
      return keys.flatMap((key) => {
        const text = catalogues[lang][key];
        if (text.trim() === '') return [`${lang} ${key}: empty`];
        return [...text.matchAll(/\{\s*\w+\s*,\s*plural\s*,((?:[^{}]|\{[^{}]*\})*)\}/g)].flatMap(
          (plural) => {
            const forms = [...(plural[1] ?? '').matchAll(/(\w+)\s*\{/g)].map((m) => m[1]);
            return needed
              .filter((form) => !forms.includes(form))
              .map((f) => `${lang} ${key}: ${f}`);
          },
        );
      });
    });
    expect(missing).toEqual([]);
  });
});

describe('createTranslator', () => {
  const messages = {
    days: '{count, plural, one {# день} few {# дня} many {# дней} other {# дня}} до «{title}»',
    zero: '{count, plural, =0 {ничего} one {# письмо} few {# письма} many {# писем} other {# письма}}',
    plain: 'Страница {page} из {pages}',
  } as unknown as Parameters<typeof createTranslator>[0];
  const t = createTranslator(messages, 'ru') as (key: string, params?: object) => string;

  it('chooses the Russian form for one, few and many', () => {
    expect(t('days', { count: 1, title: 'Форум' })).toBe('1 день до «Форум»');
    expect(t('days', { count: 3, title: 'Форум' })).toBe('3 дня до «Форум»');
    expect(t('days', { count: 5, title: 'Форум' })).toBe('5 дней до «Форум»');
    expect(t('days', { count: 21, title: 'Форум' })).toBe('21 день до «Форум»');
    expect(t('days', { count: 112, title: 'Форум' })).toBe('112 дней до «Форум»');
    expect(t('zero', { count: 0 })).toBe('ничего');
  });

  it('fills plain placeholders and leaves an unknown one as written', () => {
    expect(t('plain', { page: 2, pages: 7 })).toBe('Страница 2 из 7');
    expect(t('plain', { page: 2 })).toBe('Страница 2 из {pages}');
    expect(t('days')).toBe(messages['days' as never]);
  });

  it('says "1 sündmus" and "1 event", not "1 sündmust"', () => {
    const et = createTranslator(catalogues.et, 'et');
    const en = createTranslator(catalogues.en, 'en');
    const ru = createTranslator(catalogues.ru, 'ru');
    expect(et('events.count', { count: 1 })).toBe('1 sündmus');
    expect(et('events.count', { count: 4 })).toBe('4 sündmust');
    expect(en('events.count', { count: 1 })).toBe('1 event');
    expect(ru('events.count', { count: 1 })).toBe('1 мероприятие');
    expect(ru('events.count', { count: 2 })).toBe('2 мероприятия');
    expect(ru('events.count', { count: 11 })).toBe('11 мероприятий');
  });
});

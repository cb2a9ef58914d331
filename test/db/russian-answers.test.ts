import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues } from '@/messages';
import { createTestContext, type TestContext } from '../helpers/app';
import { makeEvent, outboxFor, register } from './registrations-fixtures';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
});
afterAll(async () => {
  await ctx?.close();
});

/** Latin words but names, addresses and links: what would be untranslated Estonian or English. */
function latinWords(text: string): string[] {
  return (
    text
      .replace(/https?:\/\/\S+|\S+@\S+/g, ' ')
      .match(/[A-Za-zÕÄÖÜõäöü][\w'ÕÄÖÜõäöü]*/g)
      ?.filter((word) => !['Koda', 'Apple', 'Outlook', 'Thunderbird', 'Google'].includes(word)) ??
    []
  );
}

describe('answers in Russian', () => {
  it('the API names its errors in the language asked for, in English when none is', async () => {
    const asked = await ctx.app.request('/api/v1/events/no-such-event?lang=ru');
    expect(asked.status).toBe(404);
    expect((await asked.json()).error.message).toBe(catalogues.ru['errors.not_found']);
    const byHeader = await ctx.app.request('/api/v1/events/no-such-event', {
      headers: { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' },
    });
    expect((await byHeader.json()).error.message).toBe(catalogues.ru['errors.not_found']);
    const unasked = await ctx.app.request('/api/v1/events/no-such-event');
    expect((await unasked.json()).error.message).toMatch(/^[\x20-\x7e]+$/);
  });

  it('a refused field is named in Russian', async () => {
    const event = await makeEvent(ctx);
    const response = await register(
      ctx,
      event.slug,
      { name: 'Анна', email: 'not an address' },
      {
        'accept-language': 'ru',
      },
    );
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.message).toBe(catalogues.ru['errors.invalid_fields']);
    const messages = (error.details as { path: string; message: string }[]).map((d) => d.message);
    expect(messages).toContain(catalogues.ru['validation.email']);
    expect(messages.flatMap(latinWords)).toEqual([]);
  });

  it('whoever registers in Russian is written to in Russian, dates in Russian grammar', async () => {
    const event = await makeEvent(ctx, {
      title: 'Форум о бюджете',
      venueName: 'Дом культуры',
      venueAddress: 'ул. Ээсти, 1',
    });
    const email = 'anna.ru@example.ee';
    const response = await register(
      ctx,
      event.slug,
      { name: 'Анна', email, attendance: 'online', consent: true },
      { 'accept-language': 'ru' },
    );
    expect(response.status).toBe(201);
    const [message] = await outboxFor(ctx.deps.db, email);
    expect(message?.subject).toBe('Регистрация подтверждена: Форум о бюджете');
    expect(message?.text).toMatch(
      /Время: в? ?\S+, \d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)/,
    );
    expect(latinWords(`${message?.subject}\n${message?.text}`)).toEqual([]);
  });

  it('the calendar feed names itself in Russian', async () => {
    const response = await ctx.app.request('/calendar.ics?lang=ru');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`X-WR-CALNAME:${catalogues.ru['calendar.feedName']}`);
  });
});

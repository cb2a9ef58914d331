import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '@/messages';
import { formatRange } from '@/platform/time';
import { createTestContext, type TestContext } from '../helpers/app';
import { visibleText } from '../helpers/form-language';
import {
  freshAddress,
  makeEvent,
  outboxFor,
  postForm,
  registrationsOf,
} from './registrations-fixtures';

/**
 * Post/Redirect/Get for registering: the POST answers 303 to the confirmation at its own
 * address; following it shows what, when, where, the seat or waitlist place, calendar links and
 * what happens next; a reload (a repeated GET) registers nobody and sends nothing.
 */

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true, config: { TRUST_PROXY: 'true' } });
});
afterAll(() => ctx.close());

const LANGS = ['et', 'en'] as const;
let n = 0;

function fields(attendance = 'in_person') {
  return {
    name: 'Jüri Õunapuu',
    email: `jyri${++n}@example.ee`,
    attendance,
    consent: 'yes',
    website: '',
  };
}

describe.each(LANGS)('registering through the form, in %s', (lang) => {
  const t = translator(lang);
  const other = translator(lang === 'et' ? 'en' : 'et');

  it('answers 303 to its own confirmation, which a reload shows again without registering again', async () => {
    const event = await makeEvent(ctx, {
      capacity: 1,
      venueAddress: 'Keskväljak 1, Keila',
      onlineUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    });
    const person = fields();
    const res = await postForm(
      ctx,
      `/events/${event.slug}/register?lang=${lang}`,
      person,
      freshAddress(),
    );
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toBe(`/events/${event.slug}/registered?as=seat`);
    // The manage token is in the email, never in this address.
    const [mail] = await outboxFor(ctx.deps.db, person.email);
    const manageUrl = /https:\/\/koda\.test\/registrations\/[\w-]+/.exec(mail?.text ?? '')?.[0];
    expect(manageUrl).toBeDefined();
    expect(location).not.toContain(manageUrl?.split('/').pop() ?? '-');

    for (let reload = 0; reload < 2; reload++) {
      const page = await ctx.app.request(`${location}&lang=${lang}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toContain('no-store');
      const html = await page.text();
      expect(html).toContain('name="robots" content="noindex');
      expect(html).not.toContain('/registrations/');
      const text = visibleText(html);
      expect(text).toContain(t('registration.confirmed.title'));
      expect(text).toContain(t('registration.confirmed.seat'));
      expect(text).toContain(event.title);
      expect(text).toContain(formatRange(event.startsAt, event.endsAt, event.timezone, lang));
      expect(text).toContain('Keila Kultuurikeskus, Keskväljak 1, Keila');
      expect(text).toContain(t('registration.confirmed.onlineWhere'));
      expect(html).toContain('https://calendar.google.com/');
      expect(html).toContain(`href="/events/${event.slug}/calendar.ics"`);
      expect(text).toContain(t('registration.confirmed.next'));
      expect(text).toContain(t('registration.confirmed.nextEmail'));
      expect(text).not.toContain(other('registration.confirmed.next'));
    }
    expect(await registrationsOf(ctx.deps.db, event.id)).toHaveLength(1);
    expect(await outboxFor(ctx.deps.db, person.email)).toHaveLength(1);
  });

  it('shows the waitlist place, or attending online', async () => {
    const event = await makeEvent(ctx, { capacity: 1 });
    const path = `/events/${event.slug}/register?lang=${lang}`;
    await postForm(ctx, path, fields(), freshAddress());
    const waiting = await postForm(ctx, path, fields(), freshAddress());
    const location = waiting.headers.get('location') ?? '';
    expect(location).toBe(`/events/${event.slug}/registered?as=waitlist&position=1`);
    const text = visibleText(await (await ctx.app.request(`${location}&lang=${lang}`)).text());
    expect(text).toContain(t('registration.confirmed.waitlist', { position: 1 }));
    expect(text).toContain(t('registration.confirmed.nextWaitlist'));

    const online = await postForm(ctx, path, fields('online'), freshAddress());
    const onlineAt = online.headers.get('location') ?? '';
    expect(onlineAt).toBe(`/events/${event.slug}/registered?as=online`);
    const onlineText = visibleText(
      await (await ctx.app.request(`${onlineAt}&lang=${lang}`)).text(),
    );
    expect(onlineText).toContain(t('registration.confirmed.online'));
    expect(onlineText).not.toContain(t('registration.confirmed.nextWaitlist'));
  });

  it('ignores a typed or cut address, and is no page for a draft', async () => {
    const event = await makeEvent(ctx);
    const odd = await ctx.app.request(
      `/events/${event.slug}/registered?as=waitlist&position=<b>9e9</b>&lang=${lang}`,
    );
    expect(odd.status).toBe(200);
    const text = visibleText(await odd.text());
    expect(text).toContain(t('registration.confirmed.waitlistUnnumbered'));
    expect(text).not.toContain('9e9');
    const draft = await makeEvent(ctx, { status: 'draft' });
    expect((await ctx.app.request(`/events/${draft.slug}/registered`)).status).toBe(404);
  });
});

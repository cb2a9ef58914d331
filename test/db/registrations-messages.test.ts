import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, eventMessages, outbox, registrations } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { authorizationCases, bearerFor, sessionFor } from '../helpers/auth';
import {
  body,
  makeEvent,
  outboxFor,
  postForm,
  register,
  registered,
  registrationsOf,
} from './registrations-fixtures';

let ctx: TestContext;
let organizer: string;
/** The same organizer's session: API tokens open no HTML page. */
let organizerPage: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  organizer = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  organizerPage = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

const message = (audience: string) => ({
  audience,
  subject: 'Võtke kaasa oma tass',
  body: 'Kohvipaus on kell 17.\nPalun võtke kaasa oma tass.',
  // The second, explicit step (the first post asks; see test/db/forms-confirm.test.ts).
  confirm: 'yes',
});

/** An event with two confirmed people (one English, one checked in), one waitlisted, one cancelled. */
async function eventWithPeople() {
  const event = await makeEvent(ctx, { capacity: 2 });
  const estonian = body({ name: 'Tiiu Tamm' });
  const english = body({ name: 'John Smith' });
  const waiting = body({ name: 'Ootaja Olev' });
  const leaving = body({ name: 'Loobuja Lea', attendance: 'online' });
  await register(ctx, event.slug, estonian);
  await register(ctx, event.slug, english, { 'accept-language': 'en' });
  await register(ctx, event.slug, waiting);
  const left = await registered(ctx, event.slug, leaving);
  const token = /\/registrations\/([A-Za-z0-9_-]+)$/.exec(left.manageUrl)?.[1];
  await ctx.app.request(`/api/v1/registrations/${token}`, { method: 'DELETE' });
  const [first] = await registrationsOf(ctx.deps.db, event.id);
  await ctx.deps.db
    .update(registrations)
    .set({ checkedInAt: ctx.clock.now() })
    .where(eq(registrations.id, first?.id ?? 0));
  await ctx.deps.db.delete(outbox);
  return { event, estonian, english, waiting, leaving };
}

describe('messages to participants', () => {
  it('sends one email per person of the audience, in their language, and records it', async () => {
    const { event, estonian, english, waiting, leaving } = await eventWithPeople();
    const page = await ctx.app.request(`/admin/events/${event.slug}/registrations`, {
      headers: { cookie: organizerPage },
    });
    const html = await page.text();
    expect(html).toContain('Kinnitatud osalejad (2)');
    expect(html).toContain('Kõik registreerunud, ka ootenimekiri (3)');
    expect(html).toContain('Kohale tulnud ehk saabumine märgitud (1)');

    const sent = await postForm(ctx, `/admin/events/${event.slug}/messages`, message('confirmed'), {
      cookie: organizerPage,
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(
      `/admin/events/${event.slug}/registrations?sent=2#messages`,
    );
    const [toEstonian] = await outboxFor(ctx.deps.db, estonian.email as string);
    expect(toEstonian?.kind).toBe('registration.message');
    expect(toEstonian?.subject).toBe(`Võtke kaasa oma tass · ${event.title}`);
    // No name a stranger could have typed; the organizers' words marked as theirs.
    expect(toEstonian?.text).toContain('Tere!');
    expect(toEstonian?.text).not.toContain('Tiiu Tamm');
    expect(toEstonian?.text).toContain('(Korraldajate sõnumi lõpp.)');
    expect(toEstonian?.text).toContain('Palun võtke kaasa oma tass.');
    expect(toEstonian?.text).toContain(`https://koda.test/events/${event.slug}`);
    const [toEnglish] = await outboxFor(ctx.deps.db, english.email as string);
    expect(toEnglish?.text).toContain('Hello,');
    expect(toEnglish?.text).not.toContain('John Smith');
    expect(toEnglish?.text).toContain('A message from the organizers of');
    expect(await outboxFor(ctx.deps.db, waiting.email as string)).toHaveLength(0);
    expect(await outboxFor(ctx.deps.db, leaving.email as string)).toHaveLength(0);
    // Each email names one person only.
    expect(toEstonian?.text).not.toContain('John Smith');

    const [stored] = await ctx.deps.db
      .select()
      .from(eventMessages)
      .where(eq(eventMessages.eventId, event.id));
    expect(stored).toMatchObject({ audience: 'confirmed', recipients: 2 });
    const audits = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'registration.message'));
    expect(audits.some((a) => a.entityId === String(event.id))).toBe(true);

    const after = await ctx.app.request(`/admin/events/${event.slug}/registrations?sent=2`, {
      headers: { cookie: organizerPage },
    });
    const afterHtml = await after.text();
    expect(afterHtml).toContain('Kiri on saatmisjärjekorras: 2 saajat.');
    expect(afterHtml).toContain('Võtke kaasa oma tass');
  });

  it('reaches the waitlist with "everyone" and only those who came with "attended"', async () => {
    const { event, estonian, english, waiting } = await eventWithPeople();
    const path = `/admin/events/${event.slug}/messages`;
    expect(
      (await postForm(ctx, path, message('registered'), { cookie: organizerPage })).status,
    ).toBe(303);
    expect(await outboxFor(ctx.deps.db, waiting.email as string)).toHaveLength(1);
    await ctx.deps.db.delete(outbox);
    expect((await postForm(ctx, path, message('attended'), { cookie: organizerPage })).status).toBe(
      303,
    );
    expect(await outboxFor(ctx.deps.db, estonian.email as string)).toHaveLength(1);
    expect(await outboxFor(ctx.deps.db, english.email as string)).toHaveLength(0);
    expect(await outboxFor(ctx.deps.db, waiting.email as string)).toHaveLength(0);
  });

  it('refuses an empty subject, a two-line subject, an empty text, an unknown or empty audience, writing nothing', async () => {
    const { event } = await eventWithPeople();
    const path = `/admin/events/${event.slug}/messages`;
    const cases: [Record<string, string>, string][] = [
      [{ ...message('confirmed'), subject: '  ' }, 'Kirjuta teema (üks rida, kuni 200 märki).'],
      [{ ...message('confirmed'), subject: 'Üks\r\nBcc: x@y.z' }, 'Kirjuta teema'],
      [{ ...message('confirmed'), body: '' }, 'Kirjuta kirja tekst'],
      [message('everyone-ever'), 'Vali, kellele kiri läheb.'],
    ];
    for (const [fields, error] of cases) {
      const res = await postForm(ctx, path, fields, { cookie: organizerPage });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain(error);
      expect(html).toContain('class="field-error"');
    }
    // Nobody checked in at an event where nobody came.
    const empty = await makeEvent(ctx);
    await register(ctx, empty.slug, body());
    const nobody = await postForm(
      ctx,
      `/admin/events/${empty.slug}/messages`,
      message('attended'),
      { cookie: organizerPage },
    );
    expect(nobody.status).toBe(422);
    expect(await nobody.text()).toContain('Selles rühmas pole kedagi, kellele kirjutada.');
    expect(
      await ctx.deps.db.select().from(eventMessages).where(eq(eventMessages.eventId, event.id)),
    ).toHaveLength(0);
    expect(
      await ctx.deps.db.select().from(outbox).where(eq(outbox.kind, 'registration.message')),
    ).toHaveLength(0);
  });

  it('is for the organizers of the event and admins only', async () => {
    const { event } = await eventWithPeople();
    const path = `/admin/events/${event.slug}/messages`;
    const other = await sessionFor(ctx, { role: 'organizer', municipalities: ['rouge'] });
    const admin = await sessionFor(ctx, { role: 'admin' });
    const anonymous = await postForm(ctx, path, message('confirmed'));
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/admin\/login/);
    expect((await postForm(ctx, path, message('confirmed'), { cookie: other })).status).toBe(403);
    expect(await ctx.deps.db.select().from(outbox)).toHaveLength(0);
    expect((await postForm(ctx, path, message('confirmed'), { cookie: admin })).status).toBe(303);
    // A form from another site is refused by the CSRF check.
    const forged = await ctx.app.request(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
        cookie: organizerPage,
      },
      body: new URLSearchParams(message('confirmed')).toString(),
    });
    expect(forged.status).toBe(403);
  });

  describe('through the API', () => {
    const send = (slug: string, payload: unknown, authorization?: string) =>
      ctx.app.request(`/api/v1/events/${slug}/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        body: JSON.stringify(payload),
      });

    it('sends, lists, and names every invalid field', async () => {
      const { event, estonian } = await eventWithPeople();
      const res = await send(event.slug, message('attended'), organizer);
      expect(res.status).toBe(201);
      const json = await res.json();
      expect(json).toMatchObject({ audience: 'attended', recipients: 1 });
      expect(json.sentAt).toBe('2026-11-26T14:00:00+02:00');
      expect(await outboxFor(ctx.deps.db, estonian.email as string)).toHaveLength(1);
      const list = await ctx.app.request(`/api/v1/events/${event.slug}/messages`, {
        headers: { authorization: organizer },
      });
      expect((await list.json()).items.map((m: { id: number }) => m.id)).toEqual([json.id]);

      const bad = await send(event.slug, { audience: 'all', subject: 'a\nb', body: '' }, organizer);
      expect(bad.status).toBe(422);
      const paths = (await bad.json()).error.details.map((d: { path: string }) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['audience', 'subject', 'body']));
      const nobody = await send((await makeEvent(ctx)).slug, message('registered'), organizer);
      expect(nobody.status).toBe(422);
      expect((await nobody.json()).error.code).toBe('nobody_to_message');
      expect((await send('no-such-event', message('registered'), organizer)).status).toBe(404);
    });

    it('answers 401, 403 or 201 by who asks', async () => {
      const { event } = await eventWithPeople();
      for (const who of await authorizationCases(ctx, 'keila', 'rouge', [201])) {
        const res = await send(event.slug, message('confirmed'), who.authorization);
        expect(who.expected, who.who).toContain(res.status);
      }
      const listed = await ctx.app.request(`/api/v1/events/${event.slug}/messages`);
      expect(listed.status).toBe(401);
    });
  });
});

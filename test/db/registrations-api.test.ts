import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { auditLog, events, outbox, registrations } from '@/platform/db/schema';
import { hashToken } from '@/platform/tokens';
import { seatsFor } from '@/registrations/queries';
import { enqueueReminders } from '@/registrations/reminders';
import { purgeRegistrations } from '@/registrations/purge';
import { notifyEventChanged } from '@/registrations/seats';
import { createTestContext, type TestContext } from '../helpers/app';
import { authorizationCases, sessionFor } from '../helpers/auth';
import {
  body,
  mailedManageUrl,
  makeEvent,
  outboxFor,
  register,
  registered,
  registrationsOf,
  tokenOf,
} from './registrations-fixtures';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true, config: { TRUST_PROXY: 'true' } });
});
afterAll(() => ctx.close());

describe('POST /api/v1/events/:slug/registrations', () => {
  it('confirms a seat, stores the token hashed and writes the confirmation with an .ics', async () => {
    const event = await makeEvent(ctx, { capacity: 2 });
    const payload = body({ organization: 'Keila Noortekogu', followUp: true });
    const res = await register(ctx, event.slug, payload);
    expect(res.status).toBe(201);
    const json = await res.json();
    expect(json.status).toBe('confirmed');
    expect(json.waitlistPosition).toBeUndefined();
    // The manage link is only emailed: the answer is the same for an address already registered.
    expect(json).toEqual({ status: 'confirmed' });
    const manageUrl = await mailedManageUrl(ctx.deps.db, payload.email as string);
    expect(manageUrl).toMatch(/^https:\/\/koda\.test\/registrations\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(manageUrl);
    const [row] = await registrationsOf(ctx.deps.db, event.id);
    expect(row?.manageTokenHash).toBe(await hashToken(token));
    expect(row?.manageTokenHash).not.toContain(token);
    expect(row?.followUpConsentAt).not.toBeNull();
    expect(row?.lang).toBe('et');
    const mails = await outboxFor(ctx.deps.db, payload.email as string);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.kind).toBe('registration.confirmed');
    expect(mails[0]?.text).toContain(manageUrl);
    const ics = mails[0]?.attachments[0]?.content ?? '';
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent');
    expect(vevent?.getFirstPropertyValue('summary')).toBe(event.title);
    expect(await seatsFor(ctx.deps.db, event.id)).toEqual({
      capacity: 2,
      confirmed: 1,
      waitlisted: 0,
      available: 1,
    });
  });

  it('writes the email in the language the person registered in', async () => {
    const event = await makeEvent(ctx);
    const payload = body();
    const res = await ctx.app.request(`/api/v1/events/${event.slug}/registrations?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.200.0.1' },
      body: JSON.stringify(payload),
    });
    expect(res.status).toBe(201);
    const [mail] = await outboxFor(ctx.deps.db, payload.email as string);
    expect(mail?.subject).toBe(`Registration confirmed: ${event.title}`);
  });

  it('waitlists beyond capacity with the position, never caps online, refuses without a waitlist', async () => {
    const event = await makeEvent(ctx, { capacity: 1 });
    expect((await (await register(ctx, event.slug, body())).json()).status).toBe('confirmed');
    const second = await (await register(ctx, event.slug, body())).json();
    expect(second).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const thirdPayload = body();
    const third = await (await register(ctx, event.slug, thirdPayload)).json();
    expect(third).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    const [notice] = await outboxFor(ctx.deps.db, thirdPayload.email as string);
    expect(notice?.kind).toBe('registration.waitlisted');
    expect(notice?.text).toContain('2. kohal');
    const online = await (await register(ctx, event.slug, body({ attendance: 'online' }))).json();
    expect(online.status).toBe('confirmed');

    const strict = await makeEvent(ctx, { capacity: 1, waitlist: false });
    expect((await register(ctx, strict.slug, body())).status).toBe(201);
    const refusedPayload = body();
    const refused = await register(ctx, strict.slug, refusedPayload);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe('event_full');
    expect(await outboxFor(ctx.deps.db, refusedPayload.email as string)).toHaveLength(0);
    expect((await register(ctx, strict.slug, body({ attendance: 'online' }))).status).toBe(201);
  });

  it('answers the same email twice like a new one, stores nothing, and mails (never shows) a new link that takes over only once used', async () => {
    const event = await makeEvent(ctx);
    const payload = body();
    const first = await registered(ctx, event.slug, payload);
    // A double click: the same answer, one registration, no second email (the confirmation is on its way).
    const again = await register(ctx, event.slug, payload);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual({ status: 'confirmed' });
    expect(await registrationsOf(ctx.deps.db, event.id)).toHaveLength(1);
    expect(await outboxFor(ctx.deps.db, payload.email as string)).toHaveLength(1);

    // Later, with different case: a new link is emailed; the owner's keeps working until it is used.
    ctx.clock.set(new Date(ctx.clock.now().getTime() + 30 * 60 * 1000));
    try {
      const later = await register(ctx, event.slug, {
        ...payload,
        email: (payload.email as string).toUpperCase(),
      });
      expect(later.status).toBe(201);
      expect(JSON.stringify(await later.json())).not.toContain('/registrations/');
      const mails = await outboxFor(ctx.deps.db, payload.email as string);
      expect(mails.map((m) => m.kind)).toEqual(['registration.confirmed', 'registration.link']);
      const newUrl = /https:\/\/koda\.test\/registrations\/[A-Za-z0-9_-]+/.exec(
        mails[1]?.text ?? '',
      )?.[0];
      expect(newUrl).toBeDefined();
      expect(newUrl).not.toBe(first.manageUrl);
      const oldPath = first.manageUrl.replace('https://koda.test', '');
      const newPath = (newUrl ?? '').replace('https://koda.test', '');
      expect((await ctx.app.request(oldPath)).status).toBe(200);
      expect((await ctx.app.request(newPath)).status).toBe(200);
      expect((await ctx.app.request(oldPath)).status).toBe(404);
      // Asking again within the hour does not mail again.
      expect((await register(ctx, event.slug, payload)).status).toBe(201);
      expect(await outboxFor(ctx.deps.db, payload.email as string)).toHaveLength(2);
    } finally {
      ctx.clock.set(new Date('2026-11-26T12:00:00Z'));
    }
  });

  it('answers bad input with 422 naming each field, storing and mailing nothing', async () => {
    const event = await makeEvent(ctx);
    const [before] = await ctx.deps.db.select({ n: count() }).from(outbox);
    const cases: [unknown, string[]][] = [
      [body({ consent: undefined }), ['consent']],
      [body({ consent: false }), ['consent']],
      [body({ email: 'not an email' }), ['email']],
      [body({ name: 'x'.repeat(10 * 1024) }), ['name']],
      [body({ attendance: 'hologram' }), ['attendance']],
      [{ name: '', email: 'x', attendance: 'x' }, ['attendance', 'consent', 'email', 'name']],
      [['not', 'an', 'object'], ['(body)']],
      ['a string', ['(body)']],
    ];
    for (const [payload, fields] of cases) {
      const res = await register(ctx, event.slug, payload);
      expect(res.status, JSON.stringify(payload).slice(0, 80)).toBe(422);
      const error = (await res.json()).error;
      expect(error.code).toBe('invalid_fields');
      const paths = new Set(error.details.map((d: { path: string }) => d.path));
      for (const field of fields) expect(paths).toContain(field);
    }
    expect(await registrationsOf(ctx.deps.db, event.id)).toHaveLength(0);
    const [after] = await ctx.deps.db.select({ n: count() }).from(outbox);
    expect(after?.n).toBe(before?.n);
  });

  it('refuses malformed JSON with 400 and a non-JSON body with 415', async () => {
    const event = await makeEvent(ctx);
    const broken = await ctx.app.request(`/api/v1/events/${event.slug}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.201.0.1' },
      body: '{"name": ',
    });
    expect(broken.status).toBe(400);
    const form = await ctx.app.request(`/api/v1/events/${event.slug}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-forwarded-for': '10.201.0.2' },
      body: 'hello',
    });
    expect(form.status).toBe(415);
  });

  it('has a distinct answer for each registration window', async () => {
    const now = ctx.clock.now().getTime();
    const hour = 60 * 60 * 1000;
    const notYet = await makeEvent(ctx, { registrationOpensAt: new Date(now + hour) });
    const closed = await makeEvent(ctx, { registrationClosesAt: new Date(now - hour) });
    const started = await makeEvent(ctx, {
      startsAt: new Date(now - hour),
      endsAt: new Date(now + hour),
      registrationClosesAt: null,
    });
    const cancelled = await makeEvent(ctx, { status: 'cancelled' });
    const draft = await makeEvent(ctx, { status: 'draft' });
    const expectations: [string, number, string][] = [
      [notYet.slug, 409, 'registration_not_open'],
      [closed.slug, 409, 'registration_closed'],
      [started.slug, 409, 'registration_closed'],
      [cancelled.slug, 410, 'event_cancelled'],
      [draft.slug, 404, 'not_found'],
      ['no-such-event', 404, 'not_found'],
    ];
    for (const [slug, status, code] of expectations) {
      const res = await register(ctx, slug, body());
      expect(res.status, slug).toBe(status);
      expect((await res.json()).error.code).toBe(code);
    }
  });

  it('limits registrations per client address across requests with 429', async () => {
    const event = await makeEvent(ctx, { capacity: null });
    const address = { 'x-forwarded-for': '192.0.2.77' };
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      statuses.push((await register(ctx, event.slug, body(), address)).status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    expect(statuses[20]).toBe(429);
    const limited = await register(ctx, event.slug, body(), address);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await register(ctx, event.slug, body())).status).toBe(201);
    // No address known (no socket, no trusted header): a shared, site-wide brake instead.
    const unknown: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await ctx.app.request(`/api/v1/events/${event.slug}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body()),
      });
      unknown.push(res.status);
    }
    expect(unknown.every((s) => s === 201)).toBe(true);
  });
});

describe('cancellation and promotion', () => {
  it('DELETE promotes the earliest waitlisted in-person person in the same transaction and mails them', async () => {
    const event = await makeEvent(ctx, { capacity: 1 });
    const first = await registered(ctx, event.slug, body());
    const earliest = body();
    const later = body();
    await register(ctx, event.slug, earliest);
    await register(ctx, event.slug, later);
    const res = await ctx.app.request(`/api/v1/registrations/${tokenOf(first.manageUrl)}`, {
      method: 'DELETE',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'cancelled' });
    const rows = await registrationsOf(ctx.deps.db, event.id);
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'confirmed', 'waitlisted']);
    const mails = await outboxFor(ctx.deps.db, earliest.email as string);
    expect(mails.map((m) => m.kind)).toEqual(['registration.waitlisted', 'registration.promoted']);
    expect(mails[1]?.attachments[0]?.filename).toBe(`${event.slug}.ics`);
    expect(await outboxFor(ctx.deps.db, later.email as string)).toHaveLength(1);
    const again = await ctx.app.request(`/api/v1/registrations/${tokenOf(first.manageUrl)}`, {
      method: 'DELETE',
    });
    expect(again.status).toBe(410);
    const unknown = await ctx.app.request(`/api/v1/registrations/${'x'.repeat(43)}`, {
      method: 'DELETE',
    });
    expect(unknown.status).toBe(404);
  });

  it('lets a cancelled email register again', async () => {
    const event = await makeEvent(ctx);
    const payload = body();
    const first = await registered(ctx, event.slug, payload);
    await ctx.app.request(`/api/v1/registrations/${tokenOf(first.manageUrl)}`, {
      method: 'DELETE',
    });
    expect((await register(ctx, event.slug, payload)).status).toBe(201);
  });
});

describe('the HTML flow', () => {
  it('registers through the form and shows the outcome plainly', async () => {
    const event = await makeEvent(ctx, { capacity: 1 });
    const fields = {
      name: 'Jüri Õunapuu',
      email: 'jyri@example.ee',
      attendance: 'in_person',
      consent: 'yes',
      website: '',
    };
    const res = await postFormTo(`/events/${event.slug}/register`, fields);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/events/${event.slug}/registered?as=seat`);
    const html = await (await ctx.app.request(res.headers.get('location') ?? '')).text();
    expect(html).toContain('data-confirmation="seat"');
    expect(html).not.toContain('/registrations/');
    const waitlisted = await postFormTo(`/events/${event.slug}/register?lang=en`, {
      ...fields,
      email: 'teine@example.ee',
    });
    const next = waitlisted.headers.get('location') ?? '';
    expect(next).toBe(`/events/${event.slug}/registered?as=waitlist&position=1`);
    expect(await (await ctx.app.request(`${next}&lang=en`)).text()).toContain(
      'you are number 1 on the waitlist',
    );
    const duplicate = await postFormTo(`/events/${event.slug}/register`, fields);
    expect(duplicate.status).toBe(303);
    expect(duplicate.headers.get('location')).not.toContain('/registrations/');
    // What a new address would be told now (the seat is taken: the next waitlist place).
    expect(duplicate.headers.get('location')).toBe(
      `/events/${event.slug}/registered?as=waitlist&position=2`,
    );
    expect(await registrationsOf(ctx.deps.db, event.id)).toHaveLength(2);
  });

  it('shows the form again with each field error (422) and stores nothing', async () => {
    const event = await makeEvent(ctx);
    const res = await postFormTo(`/events/${event.slug}/register`, {
      name: 'Mari',
      email: 'vale',
      attendance: 'in_person',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="f-email-error"');
    expect(html).toContain('id="f-consent-error"');
    expect(html).toContain('value="Mari"');
    expect(await registrationsOf(ctx.deps.db, event.id)).toHaveLength(0);
  });

  it('answers a filled honeypot like a success but stores and mails nothing', async () => {
    const event = await makeEvent(ctx);
    const res = await postFormTo(`/events/${event.slug}/register`, {
      name: 'Bot',
      email: 'bot@example.ee',
      attendance: 'online',
      consent: 'yes',
      website: 'http://spam.example',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/events/${event.slug}/registered?as=online`);
    expect(await registrationsOf(ctx.deps.db, event.id)).toHaveLength(0);
    expect(await outboxFor(ctx.deps.db, 'bot@example.ee')).toHaveLength(0);
  });

  it('refuses a form post from another site (CSRF)', async () => {
    const event = await makeEvent(ctx);
    const res = await ctx.app.request(`/events/${event.slug}/register`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
      body: new URLSearchParams({ name: 'X', email: 'x@example.ee', consent: 'yes' }).toString(),
    });
    expect(res.status).toBe(403);
    expect(await registrationsOf(ctx.deps.db, event.id)).toHaveLength(0);
  });

  it('manages a registration: view, switch attendance, cancel (promoting the waitlist)', async () => {
    const event = await makeEvent(ctx, { capacity: 1 });
    const mine = await registered(ctx, event.slug, body({ name: 'Ülle Üksik' }));
    const waiting = body();
    await register(ctx, event.slug, waiting);
    const path = `/registrations/${tokenOf(mine.manageUrl)}`;
    const page = await ctx.app.request(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('Ülle Üksik');
    expect(html).toContain('data-status="confirmed"');
    expect(html).toContain('noindex');

    // Switching to online frees the seat: the waitlisted person moves up.
    const switched = await postFormTo(`${path}/attendance`, { attendance: 'online' });
    expect(switched.status).toBe(303);
    let rows = await registrationsOf(ctx.deps.db, event.id);
    expect(rows.map((r) => [r.attendance, r.status])).toEqual([
      ['online', 'confirmed'],
      ['in_person', 'confirmed'],
    ]);
    // Back to in person: now full, so waitlisted.
    await postFormTo(`${path}/attendance`, { attendance: 'in_person' });
    rows = await registrationsOf(ctx.deps.db, event.id);
    expect(rows[0]?.status).toBe('waitlisted');
    expect(await (await ctx.app.request(path)).text()).toContain('data-status="waitlisted"');

    const cancelled = await postFormTo(`${path}/cancel`, { confirm: 'yes' });
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.get('location')).toBe(`${path}?done=cancelled`);
    expect(await (await ctx.app.request(`${path}?done=cancelled`)).text()).toContain(
      'data-status="cancelled"',
    );
  });

  it('emails the personal calendar feed to the registered address, never shows it, and stops it on request', async () => {
    const event = await makeEvent(ctx);
    const person = body({ name: 'Tiiu Tamm' });
    const mine = await registered(ctx, event.slug, person);
    const path = `/registrations/${tokenOf(mine.manageUrl)}`;
    const res = await postFormTo(`${path}/feed`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${path}?done=feed`);
    const page = await (await ctx.app.request(`${path}?done=feed`)).text();
    expect(page).toContain('Saatsime isikliku kalendri lingi');
    expect(page).not.toContain('/feeds/');

    const [mail] = (await outboxFor(ctx.deps.db, person.email as string)).filter(
      (m) => m.kind === 'calendar.personal_feed',
    );
    expect(mail?.subject).toBe('Sinu isiklik Koda kalender');
    // Whoever registered typed the name: the email to the address does not repeat it.
    expect(mail?.text).toContain('Tere!');
    expect(mail?.text).not.toContain('Tiiu Tamm');
    const feed = /https:\/\/koda\.test(\/feeds\/[A-Za-z0-9_-]+\/calendar\.ics)/.exec(
      mail?.text ?? '',
    )?.[1];
    const revoke = /https:\/\/koda\.test(\/feeds\/[A-Za-z0-9_-]+\/revoke)/.exec(
      mail?.text ?? '',
    )?.[1];
    expect(mail?.text).toMatch(/webcal:\/\/koda\.test\/feeds\//);
    expect(feed).toBeDefined();
    expect(revoke).toBeDefined();
    const ics = await ctx.app.request(feed ?? '');
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain(event.title);

    const ask = await ctx.app.request(revoke ?? '');
    expect(ask.status).toBe(200);
    expect(ask.headers.get('cache-control')).toBe('no-store');
    expect(ask.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await ask.text()).toContain('Peata see kalendrivoog');
    const stopped = await postFormTo(revoke ?? '', {});
    expect(stopped.status).toBe(303);
    const done = await ctx.app.request(stopped.headers.get('location') ?? '');
    expect(await done.text()).toContain('Kalendrivoog on peatatud');
    expect((await ctx.app.request(feed ?? '')).status).toBe(410);
    expect((await ctx.app.request(revoke ?? '')).status).toBe(410);
    expect((await postFormTo(revoke ?? '', {})).status).toBe(410);
  });

  it('sends the feed of an address only to that address, a few times an hour at most', async () => {
    // Someone registers elsewhere with another person's address: the link still goes to the owner.
    const victim = body();
    await register(ctx, (await makeEvent(ctx)).slug, victim);
    const impostor = await registered(ctx, (await makeEvent(ctx)).slug, victim);
    const path = `/registrations/${tokenOf(impostor.manageUrl)}`;
    for (let n = 0; n < 5; n++) {
      const res = await postFormTo(`${path}/feed`, {});
      expect(res.status).toBe(303);
      expect(await (await ctx.app.request(res.headers.get('location') ?? '')).text()).not.toContain(
        '/feeds/',
      );
    }
    const links = (await outboxFor(ctx.deps.db, victim.email as string)).filter(
      (m) => m.kind === 'calendar.personal_feed',
    );
    expect(links).toHaveLength(3);
  });
});

async function postFormTo(path: string, fields: Record<string, string>) {
  const { postForm } = await import('./registrations-fixtures');
  return postForm(ctx, path, fields);
}

describe('organizers', () => {
  it('GET /api/v1/events/:slug/registrations passes the authorization matrix', async () => {
    const event = await makeEvent(ctx);
    await register(ctx, event.slug, body({ name: 'Salajane Nimi' }));
    for (const who of await authorizationCases(ctx, 'keila', 'rouge', [200])) {
      const res = await ctx.app.request(`/api/v1/events/${event.slug}/registrations`, {
        headers: who.authorization ? { authorization: who.authorization } : {},
      });
      expect(who.expected, who.who).toContain(res.status);
      const text = await res.text();
      if (res.status === 200) expect(text).toContain('Salajane Nimi');
      else expect(text).not.toContain('Salajane Nimi');
    }
  });

  it('lists with filters and counts, and the HTML pages need the right organizer', async () => {
    const event = await makeEvent(ctx, { capacity: 1 });
    await register(ctx, event.slug, body({ name: 'Esimene' }));
    await register(ctx, event.slug, body({ name: 'Teine' }));
    await register(ctx, event.slug, body({ name: 'Kolmas', attendance: 'online' }));
    const organizer = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const res = await ctx.app.request(
      `/api/v1/events/${event.slug}/registrations?status=waitlisted`,
      { headers: { cookie: organizer } },
    );
    const json = await res.json();
    expect(json.items.map((r: { name: string }) => r.name)).toEqual(['Teine']);
    expect(json.counts).toMatchObject({ confirmed: 2, inPerson: 1, online: 1, waitlisted: 1 });
    const online = await ctx.app.request(
      `/api/v1/events/${event.slug}/registrations?attendance=online`,
      { headers: { cookie: organizer } },
    );
    expect((await online.json()).items).toHaveLength(1);
    const bad = await ctx.app.request(`/api/v1/events/${event.slug}/registrations?status=maybe`, {
      headers: { cookie: organizer },
    });
    expect(bad.status).toBe(422);

    const page = await ctx.app.request(`/admin/events/${event.slug}/registrations`, {
      headers: { cookie: organizer },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Esimene');
    expect(html).toContain('Teine');
    const other = await sessionFor(ctx, { role: 'organizer', municipalities: ['rouge'] });
    const forbidden = await ctx.app.request(`/admin/events/${event.slug}/registrations`, {
      headers: { cookie: other },
    });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).not.toContain('Esimene');
    const anonymous = await ctx.app.request(`/admin/events/${event.slug}/registrations`);
    expect(anonymous.status).toBe(303);
  });

  it('promotes and cancels by hand with an audit entry, never beyond capacity', async () => {
    const event = await makeEvent(ctx, { capacity: 1 });
    await register(ctx, event.slug, body());
    const waiting = body();
    await register(ctx, event.slug, waiting);
    const organizer = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const [first, second] = await registrationsOf(ctx.deps.db, event.id);
    const base = `/admin/events/${event.slug}/registrations`;
    const full = await postForm2(`${base}/${second?.id}/promote`, organizer);
    expect(full.status).toBe(409);
    expect(
      (await postForm2(`${base}/${first?.id}/cancel`, organizer, { confirm: 'yes' })).status,
    ).toBe(303);
    const rows = await registrationsOf(ctx.deps.db, event.id);
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'confirmed']);
    expect((await outboxFor(ctx.deps.db, waiting.email as string)).map((m) => m.kind)).toContain(
      'registration.promoted',
    );
    const audits = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(first?.id)));
    expect(audits.map((a) => a.action)).toContain('registration.cancel');
    // An event of another municipality: 404 for a registration id that is not its own.
    const otherEvent = await makeEvent(ctx);
    expect(
      (
        await postForm2(
          `/admin/events/${otherEvent.slug}/registrations/${second?.id}/cancel`,
          organizer,
        )
      ).status,
    ).toBe(404);
  });

  it('checks people in from a phone-friendly page with a name search', async () => {
    const event = await makeEvent(ctx);
    await register(ctx, event.slug, body({ name: 'Tiiu Tamm' }));
    await register(ctx, event.slug, body({ name: 'Peeter Pihlakas' }));
    const organizer = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const page = await ctx.app.request(`/admin/events/${event.slug}/check-in?q=tii`, {
      headers: { cookie: organizer },
    });
    const html = await page.text();
    expect(html).toContain('Tiiu Tamm');
    expect(html).not.toContain('Peeter Pihlakas');
    expect(html).toContain('name="viewport"');
    const [tiiu] = await registrationsOf(ctx.deps.db, event.id);
    const res = await postForm2(
      `/admin/events/${event.slug}/registrations/${tiiu?.id}/check-in`,
      organizer,
      { arrived: 'yes', q: 'tii' },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `/admin/events/${event.slug}/check-in?q=tii#r${tiiu?.id}`,
    );
    const [after] = await registrationsOf(ctx.deps.db, event.id);
    expect(after?.checkedInAt?.toISOString()).toBe(ctx.clock.now().toISOString());
    const counts = await (
      await ctx.app.request(`/api/v1/events/${event.slug}/registrations`, {
        headers: { cookie: organizer },
      })
    ).json();
    expect(counts.counts.checkedIn).toBe(1);
    await postForm2(`/admin/events/${event.slug}/registrations/${tiiu?.id}/check-in`, organizer, {
      arrived: 'no',
    });
    const [undone] = await registrationsOf(ctx.deps.db, event.id);
    expect(undone?.checkedInAt).toBeNull();
  });

  it('exports CSV that Excel opens with Estonian letters', async () => {
    const event = await makeEvent(ctx);
    await register(ctx, event.slug, body({ name: 'Õnne Šarõginõ', organization: 'Küla Selts' }));
    const organizer = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const res = await ctx.app.request(`/admin/events/${event.slug}/registrations.csv`, {
      headers: { cookie: organizer },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { parse } = await import('csv-parse/sync');
    const records = parse(Buffer.from(bytes), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(records[0]).toMatchObject({ name: 'Õnne Šarõginõ', organization: 'Küla Selts' });
  });

  it('shows the whole outbox to admins, and organizers the messages of their events only', async () => {
    const admin = await sessionFor(ctx, { role: 'admin' });
    const page = await ctx.app.request('/admin/outbox', { headers: { cookie: admin } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('registration.confirmed');
    // The registrations above are all at Keila's events: Rõuge's organizer reads none of them.
    for (const [host, shown] of [
      ['keila', true],
      ['rouge', false],
    ] as const) {
      const organizer = await sessionFor(ctx, { role: 'organizer', municipalities: [host] });
      const own = await ctx.app.request('/admin/outbox', { headers: { cookie: organizer } });
      expect(own.status).toBe(200);
      expect((await own.text()).includes('registration.confirmed'), host).toBe(shown);
    }
  });
});

/** A form post as a signed-in organizer (`cookie`: sessionFor's value; API tokens open no page). */
async function postForm2(path: string, cookie: string, fields: Record<string, string> = {}) {
  const { postForm } = await import('./registrations-fixtures');
  return postForm(ctx, path, fields, { cookie });
}

describe('privacy', () => {
  it('keeps participants out of public pages and the public event API', async () => {
    const event = await makeEvent(ctx);
    const person = body({ name: 'Privaatne Inimene', organization: 'Salajane Selts' });
    await register(ctx, event.slug, person);
    for (const path of [
      `/events/${event.slug}`,
      `/api/v1/events/${event.slug}`,
      '/api/v1/events',
      '/calendar.ics',
      '/',
    ]) {
      const res = await ctx.app.request(path);
      const text = await res.text();
      expect(text, path).not.toContain('Privaatne Inimene');
      expect(text, path).not.toContain(person.email as string);
      expect(text, path).not.toContain('Salajane Selts');
    }
    const lines = ctx.log.lines.join('\n');
    expect(lines).not.toContain(person.email as string);
    expect(lines).not.toContain('Privaatne Inimene');
  });

  it('purge anonymises registrations RETENTION_DAYS after the event ended, keeping counts', async () => {
    const day = 24 * 60 * 60 * 1000;
    const now = ctx.clock.now().getTime();
    const old = await makeEvent(ctx, {
      startsAt: new Date(now - 100 * day),
      endsAt: new Date(now - 100 * day + 3 * 60 * 60 * 1000),
      registrationOpensAt: null,
      registrationClosesAt: null,
    });
    const recent = await makeEvent(ctx, {
      startsAt: new Date(now - 10 * day),
      endsAt: new Date(now - 10 * day + 3 * 60 * 60 * 1000),
      registrationOpensAt: null,
      registrationClosesAt: null,
    });
    const token = 'h'.repeat(40);
    for (const [eventId, n] of [
      [old.id, 1],
      [old.id, 2],
      [recent.id, 3],
    ] as const) {
      await ctx.deps.db.insert(registrations).values({
        eventId,
        name: `Vana ${n}`,
        email: `vana${n}@example.ee`,
        organization: 'Org',
        needs: 'Dieet',
        attendance: 'in_person',
        status: 'confirmed',
        manageTokenHash: await hashToken(token + n),
        consentAt: new Date(now - 120 * day),
        checkedInAt: n === 1 ? new Date(now - 100 * day) : null,
      });
    }
    const purged = await purgeRegistrations(ctx.deps.db, ctx.clock.now(), 90);
    expect(purged).toBe(2);
    const oldRows = await registrationsOf(ctx.deps.db, old.id);
    for (const row of oldRows) {
      expect([row.name, row.email, row.organization, row.needs]).toEqual([null, null, null, null]);
      expect(row.anonymizedAt).not.toBeNull();
    }
    expect(oldRows.filter((row) => row.checkedInAt)).toHaveLength(1);
    expect(await seatsFor(ctx.deps.db, old.id)).toMatchObject({ confirmed: 2 });
    const [recentRow] = await registrationsOf(ctx.deps.db, recent.id);
    expect(recentRow?.email).toBe('vana3@example.ee');
    expect(await purgeRegistrations(ctx.deps.db, ctx.clock.now(), 90)).toBe(0);
  });
});

describe('event notices and reminders', () => {
  it('notifyEventChanged mails everyone still registered once per change, in their language', async () => {
    const event = await makeEvent(ctx, { capacity: 1 });
    const a = body();
    const b = body();
    const gone = body();
    await register(ctx, event.slug, a);
    await ctx.app.request(`/api/v1/events/${event.slug}/registrations?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.202.0.1' },
      body: JSON.stringify(b),
    });
    const goneRes = await registered(ctx, event.slug, { ...gone, attendance: 'online' });
    await ctx.app.request(`/api/v1/registrations/${tokenOf(goneRes.manageUrl)}`, {
      method: 'DELETE',
    });
    const written = await ctx.deps.db.transaction(async (tx) => {
      await tx.update(events).set({ sequence: 1 }).where(eq(events.id, event.id));
      return notifyEventChanged(tx, event.id, 'changed', {
        publicUrl: 'https://koda.test',
        now: ctx.clock.now(),
      });
    });
    expect(written).toBe(2);
    expect(
      await notifyEventChanged(ctx.deps.db, event.id, 'changed', {
        publicUrl: 'https://koda.test',
        now: ctx.clock.now(),
      }),
    ).toBe(0);
    const [mailA] = (await outboxFor(ctx.deps.db, a.email as string)).filter(
      (m) => m.kind === 'registration.changed',
    );
    expect(mailA?.subject).toBe(`Aeg või koht muutus: ${event.title}`);
    const [mailB] = (await outboxFor(ctx.deps.db, b.email as string)).filter(
      (m) => m.kind === 'registration.changed',
    );
    expect(mailB?.subject).toBe(`Changed: ${event.title}`);
    expect(
      (await outboxFor(ctx.deps.db, gone.email as string)).filter(
        (m) => m.kind === 'registration.changed',
      ),
    ).toHaveLength(0);
  });

  it("attaches the feeds' VEVENT to a cancellation notice: STATUS:CANCELLED, raised SEQUENCE, local time", async () => {
    const event = await makeEvent(ctx, {
      startsAt: new Date('2026-12-05T16:00:00Z'),
      endsAt: new Date('2026-12-05T19:00:00Z'),
    });
    const person = body();
    await register(ctx, event.slug, person);
    await ctx.deps.db.transaction(async (tx) => {
      await tx
        .update(events)
        .set({ status: 'cancelled', cancelReason: 'Tormihoiatus', sequence: 3 })
        .where(eq(events.id, event.id));
      await notifyEventChanged(tx, event.id, 'cancelled', {
        publicUrl: 'https://koda.test',
        now: ctx.clock.now(),
      });
    });
    const [notice] = (await outboxFor(ctx.deps.db, person.email as string)).filter(
      (m) => m.kind === 'registration.cancelled',
    );
    expect(notice?.text).toContain('Põhjus: Tormihoiatus');
    const calendar = new ICAL.Component(ICAL.parse(notice?.attachments[0]?.content ?? ''));
    const vevent = calendar.getFirstSubcomponent('vevent');
    expect(vevent?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent?.getFirstPropertyValue('sequence')).toBe(3);
    expect(vevent?.getFirstPropertyValue('uid')).toBe(`event-${event.id}@koda.test`);
    expect(vevent?.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Tallinn');
    expect(String(vevent?.getFirstPropertyValue('dtstart'))).toBe('2026-12-05T18:00:00');
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
      'Europe/Tallinn',
    );
  });

  it('writes a reminder the day before, once', async () => {
    const hour = 60 * 60 * 1000;
    const event = await makeEvent(ctx, { capacity: null });
    const person = body();
    await register(ctx, event.slug, person);
    await ctx.deps.db
      .update(events)
      .set({
        startsAt: new Date(ctx.clock.now().getTime() + 20 * hour),
        endsAt: new Date(ctx.clock.now().getTime() + 23 * hour),
      })
      .where(eq(events.id, event.id));
    ctx.clock.set(new Date(ctx.clock.now().getTime() + 2 * hour));
    try {
      expect(await enqueueReminders(ctx.deps)).toBeGreaterThanOrEqual(1);
      expect(await enqueueReminders(ctx.deps)).toBe(0);
      const reminders = (await outboxFor(ctx.deps.db, person.email as string)).filter(
        (m) => m.kind === 'registration.reminder',
      );
      expect(reminders).toHaveLength(1);
      expect(reminders[0]?.subject).toContain('homme');
    } finally {
      ctx.clock.set(new Date('2026-11-26T12:00:00Z'));
    }
  });
});

describe('jobs and the API description', () => {
  it('runs the jobs on timers and stops them cleanly', async () => {
    const { startJobs, runScheduledJobs } = await import('@/jobs');
    const { memoryLog } = await import('@/platform/log');
    const event = await makeEvent(ctx);
    await register(ctx, event.slug, body());
    const log = memoryLog();
    const jobs = startJobs(
      { ...ctx.deps, log },
      { outboxMs: 60_000, remindersMs: 60_000, purgeMs: 60_000 },
    );
    await jobs.stop();
    const messages = log.lines.map((line) => (JSON.parse(line) as { message: string }).message);
    expect(messages).toContain('purge done');
    expect(messages.some((m) => m.startsWith('email held in the outbox'))).toBe(true);
    await expect(runScheduledJobs({ ...ctx.deps, log })).resolves.toBeUndefined();
  });

  it('describes the registration endpoints in /api/openapi.json', async () => {
    const doc = await (await ctx.app.request('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/events/{slug}/registrations', '/registrations/{token}']),
    );
    expect(doc.paths['/events/{slug}/registrations'].post.responses).toHaveProperty('409');
    expect(doc.paths['/events/{slug}/registrations'].get.responses).toHaveProperty('403');
  });
});

/**
 * Hardening (issue 21):
 * - #9 registering tells nobody whether an address was already registered (the same answer,
 *   status and body, from the API and the form), and registering again never replaces the
 *   owner's manage link: a new one goes to the mailbox and takes over only once it is used;
 * - #2 Koda's emails carry no text a stranger typed (a registration's name, organization or
 *   needs): anyone can register any address, so no participant email is to an address that has
 *   confirmed anything. An organizer's message is marked as theirs. Read with mailparser.
 */
import { eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runOutboxJob, runReminderJob } from '@/jobs';
import { outbox, registrations } from '@/platform/db/schema';
import type { Mailer } from '@/platform/mail/mailer';
import { apiRequest } from '../helpers/api';
import { createTestContext, TEST_NOW, type TestContext } from '../helpers/app';
import { bearerFor } from '../helpers/auth';
import { body, makeEvent, postForm, register } from './registrations-fixtures';

const HOUR = 60 * 60 * 1000;
let ctx: TestContext;
let organizer: string;

/** Every message the outbox sends, as MIME (nodemailer) read back by mailparser. */
type Delivered = { to: string; kind: string; mail: ParsedMail };
let delivered: Delivered[] = [];
const composer = createTransport({ streamTransport: true, buffer: true });
const capture: Mailer = {
  async send(message) {
    const info = await composer.sendMail({
      from: 'Koda <koda@koda.test>',
      to: message.to,
      subject: message.subject,
      text: message.text,
      headers: message.headers,
      attachments: (message.attachments ?? []).map((file) => ({ ...file })),
    });
    const mail = await simpleParser(info.message as Buffer);
    delivered.push({ to: message.to, kind: '', mail });
  },
};

beforeAll(async () => {
  ctx = await createTestContext({
    demo: true,
    mailer: capture,
    config: { SMTP_URL: 'smtp://unused.test' },
  });
  await ctx.deps.db.delete(outbox);
  organizer = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());
beforeEach(() => {
  ctx.clock.set(TEST_NOW);
});

const later = (hours: number) =>
  ctx.clock.set(new Date(new Date(TEST_NOW).getTime() + hours * HOUR));

/** The manage link of the newest email to an address that carries one. */
async function manageLinkIn(email: string): Promise<string> {
  const rows = await ctx.deps.db
    .select({ text: outbox.text })
    .from(outbox)
    .where(eq(outbox.recipient, email))
    .orderBy(outbox.id);
  const links = rows.flatMap((row) => [
    ...row.text.matchAll(/https:\/\/koda\.test(\/registrations\/[A-Za-z0-9_-]{43})/g),
  ]);
  const path = links.at(-1)?.[1];
  if (!path) throw new Error(`no manage link mailed to ${email}`);
  return path;
}

/** What a client sees: the status and the body (an error's request id aside: every request has its own). */
async function answer(res: Response) {
  const text = await res.text();
  const json = JSON.parse(text) as { error?: { requestId?: string } };
  if (json.error) delete json.error.requestId;
  return { status: res.status, body: JSON.stringify(json) };
}

describe('registering does not disclose whether an address is registered (#9)', () => {
  it('answers the API the same for a new and an already registered address', async () => {
    const event = await makeEvent(ctx);
    const owner = body({ attendance: 'online' });
    const fresh = await answer(await register(ctx, event.slug, owner));
    later(2);
    const again = await answer(
      await register(ctx, event.slug, { ...owner, name: 'Keegi teine', attendance: 'online' }),
    );
    const stranger = await answer(await register(ctx, event.slug, body({ attendance: 'online' })));
    expect(again).toEqual(fresh);
    expect(stranger).toEqual(fresh);
    expect(fresh.status).toBe(201);
    expect(JSON.parse(fresh.body)).toEqual({ status: 'confirmed' });
  });

  it('answers the form the same: the same redirect for a new and a registered address', async () => {
    const event = await makeEvent(ctx, { capacity: 1 });
    const fields = (email: string, attendance: string) => ({
      name: 'Mari Maasikas',
      email,
      attendance,
      consent: 'on',
    });
    // The only seat goes to the owner; then the owner again and a new address, both in person.
    expect(
      (await postForm(ctx, `/events/${event.slug}/register`, fields('o@example.ee', 'in_person')))
        .status,
    ).toBe(303);
    later(2);
    const again = await postForm(
      ctx,
      `/events/${event.slug}/register`,
      fields('O@example.ee', 'in_person'),
    );
    const fresh = await postForm(
      ctx,
      `/events/${event.slug}/register`,
      fields('n@example.ee', 'in_person'),
    );
    expect(again.status).toBe(fresh.status);
    expect(again.headers.get('location')).toBe(fresh.headers.get('location'));
    // Online, the same again.
    const againOnline = await postForm(
      ctx,
      `/events/${event.slug}/register`,
      fields('o@example.ee', 'online'),
    );
    const freshOnline = await postForm(
      ctx,
      `/events/${event.slug}/register`,
      fields('m@example.ee', 'online'),
    );
    expect(againOnline.status).toBe(freshOnline.status);
    expect(againOnline.headers.get('location')).toBe(freshOnline.headers.get('location'));
    // The owner's registration is unchanged: one row, in person, confirmed.
    const rows = await ctx.deps.db
      .select()
      .from(registrations)
      .where(eq(registrations.eventId, event.id));
    expect(rows.filter((row) => row.email?.toLowerCase() === 'o@example.ee')).toMatchObject([
      { attendance: 'in_person', status: 'confirmed', name: 'Mari Maasikas' },
    ]);
  });

  it('refuses a full event the same way whether or not the address is registered', async () => {
    const event = await makeEvent(ctx, { capacity: 1, waitlist: false });
    const owner = body();
    expect((await register(ctx, event.slug, owner)).status).toBe(201);
    later(2);
    const again = await answer(await register(ctx, event.slug, owner));
    const fresh = await answer(await register(ctx, event.slug, body()));
    expect(again).toEqual(fresh);
    expect(fresh.status).toBe(409);
  });

  it('never replaces the owner’s manage link; the emailed new one takes over once it is used', async () => {
    const event = await makeEvent(ctx);
    const owner = body({ attendance: 'online' });
    await register(ctx, event.slug, owner);
    const ownersLink = await manageLinkIn(String(owner.email));
    expect((await ctx.app.request(ownersLink)).status).toBe(200);

    // Someone registers the address again, an hour and more later.
    later(2);
    await register(ctx, event.slug, { ...owner, name: 'Võõras' });
    expect((await ctx.app.request(ownersLink)).status).toBe(200);
    const mailed = await manageLinkIn(String(owner.email));
    expect(mailed).not.toBe(ownersLink);
    const links = await ctx.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipient, String(owner.email)))
      // In the order queued: writing an email after the commit updates its row, which moves it in
      // Postgres's heap, so an unordered read may list it last.
      .orderBy(outbox.id);
    expect(links.map((mail) => mail.kind)).toEqual(['registration.confirmed', 'registration.link']);
    // Whoever reads the mailbox opens the new link: it is now the link, the old one has gone.
    expect((await ctx.app.request(mailed)).status).toBe(200);
    expect((await ctx.app.request(ownersLink)).status).toBe(404);
    expect((await ctx.app.request(mailed)).status).toBe(200);
  });
});

describe('no stranger’s text in Koda’s emails (#2)', () => {
  const NAME = 'Maksa tagatisraha: evil.example/pay';
  const ORGANIZATION = 'Ametlik teade';
  const NEEDS = 'Helista kohe +372 5555 5555';
  const strangers = [NAME, 'evil.example', ORGANIZATION, NEEDS, 'Helista', 'Maksa'];

  it('writes none of a registration’s name, organization or needs into any email', async () => {
    delivered = [];
    await ctx.deps.db.delete(outbox);
    const event = await makeEvent(ctx, { capacity: 1, title: 'Keila foorum — turvaline' });
    const first = body({ name: NAME, organization: ORGANIZATION, needs: NEEDS });
    const second = body({ name: NAME, organization: ORGANIZATION, needs: NEEDS });
    const online = body({
      name: NAME,
      organization: ORGANIZATION,
      needs: NEEDS,
      attendance: 'online',
    });
    for (const person of [first, second, online]) {
      expect((await register(ctx, event.slug, person)).status).toBeLessThan(300);
    }
    // Written straight into the database too, line breaks and all.
    await ctx.deps.db
      .update(registrations)
      .set({ name: `${NAME}\r\n\r\nTere!`, organization: ORGANIZATION, needs: NEEDS })
      .where(eq(registrations.eventId, event.id));
    later(2);
    await register(ctx, event.slug, first); // the link email
    const firstLink = await manageLinkIn(String(first.email));
    await postForm(ctx, `${firstLink}/feed`, {}); // the personal feed email
    const sent = await apiRequest(
      ctx,
      'POST',
      `/events/${event.slug}/messages`,
      { audience: 'registered', subject: 'Kohvipaus', body: 'Võtke tass kaasa.' },
      organizer,
    );
    expect(sent.status).toBe(201);
    // The reminder, the day before.
    ctx.clock.set(new Date(event.startsAt.getTime() - 20 * HOUR));
    expect(await runReminderJob(ctx.deps)).toBeGreaterThan(0);
    ctx.clock.set(TEST_NOW);
    later(3);
    // The first cancels: the second is promoted.
    const cancel = await ctx.app.request(`/api/v1${firstLink}`, { method: 'DELETE' });
    expect(cancel.status).toBe(200);
    // The event moves, then it is cancelled.
    const moved = await apiRequest(
      ctx,
      'PATCH',
      `/events/${event.slug}`,
      {
        startsAt: new Date(event.startsAt.getTime() + HOUR).toISOString(),
        endsAt: new Date(event.endsAt.getTime() + HOUR).toISOString(),
      },
      organizer,
    );
    expect(moved.status, await moved.clone().text()).toBe(200);
    const cancelled = await apiRequest(
      ctx,
      'PATCH',
      `/events/${event.slug}`,
      { status: 'cancelled', cancelReason: 'Saal on remondis.' },
      organizer,
    );
    expect(cancelled.status).toBe(200);

    const kinds = new Set(
      (await ctx.deps.db.select({ kind: outbox.kind }).from(outbox)).map((row) => row.kind),
    );
    expect([...kinds].sort()).toEqual(
      [
        'calendar.personal_feed',
        'registration.cancelled',
        'registration.cancelledByYou',
        'registration.changed',
        'registration.confirmed',
        'registration.link',
        'registration.message',
        'registration.promoted',
        'registration.reminder',
        'registration.waitlisted',
      ].sort(),
    );
    const report = await runOutboxJob(ctx.deps);
    expect(report.sent).toBeGreaterThanOrEqual(kinds.size);
    expect(delivered.length).toBe(report.sent);
    for (const { mail } of delivered) {
      const text = `${mail.subject ?? ''}\n${mail.text ?? ''}\n${mail.html || ''}`;
      for (const words of strangers) expect(text, mail.subject).not.toContain(words);
      for (const file of mail.attachments) {
        const content = file.content.toString('utf8');
        for (const words of strangers) expect(content).not.toContain(words);
      }
    }
    // The organizers' message is theirs, between Koda's own lines.
    const message = delivered.find((d) => d.mail.subject?.startsWith('Kohvipaus'));
    const lines = (message?.mail.text ?? '').split('\n');
    const start = lines.findIndex((line) => line.includes('korraldajatelt'));
    const end = lines.findIndex((line) => line.includes('sõnumi lõpp'));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    expect(
      lines
        .slice(start + 1, end)
        .join('\n')
        .trim(),
    ).toBe('Võtke tass kaasa.');
  });
});

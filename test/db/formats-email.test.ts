import { eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runOutboxJob } from '@/jobs';
import { outbox, registrations } from '@/platform/db/schema';
import { createSmtpMailer } from '@/platform/mail/smtp';
import { createTestContext, type TestContext } from '../helpers/app';
import { apiRequest } from '../helpers/api';
import { bearerFor } from '../helpers/auth';
import { body, makeEvent, register } from './registrations-fixtures';

/**
 * Email headers as a real SMTP server receives them and mailparser reads them: every message
 * Auto-Submitted (RFC 3834); organizers' messages with one-click List-Unsubscribe (RFC 2369,
 * RFC 8058) that stops such messages for that registration only; the calendar part with its
 * iTIP method; the plain-text part kept.
 */

type Received = { envelopeTo: string[]; mail: ParsedMail };

let ctx: TestContext;
let server: SMTPServer;
let mailer: ReturnType<typeof createSmtpMailer>;
let received: Received[] = [];
let keila: string;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const smtpUrl = `smtp://127.0.0.1:${port}`;
  mailer = createSmtpMailer(smtpUrl, 'Koda <koda@koda.test>');
  ctx = await createTestContext({
    demo: true,
    mailer,
    config: { SMTP_URL: smtpUrl, TRUST_PROXY: 'true', MAIL_FROM: 'Koda <koda@koda.test>' },
  });
  await ctx.deps.db.delete(outbox);
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(async () => {
  mailer.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await ctx.close();
});
beforeEach(() => {
  received = [];
});

/** A registration is accepted (201 with its manage link, or 202 when the answer tells nothing). */
const accepted = [201, 202];

const to = (address: string) => received.filter((r) => r.envelopeTo.includes(address));

/** A header field as it was on the wire (unfolded), by name. */
function header(mail: ParsedMail | undefined, name: string): string | undefined {
  const line = mail?.headerLines.find((candidate) => candidate.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

async function messageEveryone(slug: string, subject: string) {
  const res = await apiRequest(
    ctx,
    'POST',
    `/events/${slug}/messages`,
    { audience: 'registered', subject, body: 'Võtke kaasa oma tass.' },
    keila,
  );
  expect(res.status, await res.clone().text()).toBe(201);
  await runOutboxJob(ctx.deps);
}

describe('every email', () => {
  it('says it was sent automatically, keeps its plain text, and gives the calendar part method=PUBLISH', async () => {
    const event = await makeEvent(ctx, { title: 'Keila foorum' });
    const person = body();
    expect(accepted).toContain((await register(ctx, event.slug, person)).status);
    await runOutboxJob(ctx.deps);
    const [message] = to(person.email as string);
    expect(message).toBeDefined();
    expect(header(message?.mail, 'Auto-Submitted')).toBe('auto-generated');
    expect(message?.mail.text).toContain('Keila foorum');
    // A confirmation is about the person's own registration: no list to leave.
    expect(header(message?.mail, 'List-Unsubscribe')).toBeUndefined();

    const ics = message?.mail.attachments.find((a) => a.contentType === 'text/calendar');
    expect(ics).toBeDefined();
    const type = ics?.headers.get('content-type') as
      { value: string; params: Record<string, string> } | undefined;
    expect(type?.value).toBe('text/calendar');
    expect(type?.params.method).toBe('PUBLISH');
    expect(type?.params.charset).toBe('utf-8');
    // The method of the part is the method of the calendar inside (RFC 6047 §2.4).
    expect(ics?.content.toString('utf8')).toMatch(/^METHOD:PUBLISH\r$/m);
  });
});

describe('organizers’ messages to participants', () => {
  it('carry a one-click List-Unsubscribe that stops them for that registration only', async () => {
    const event = await makeEvent(ctx, { title: 'Keila arutelu' });
    const mari = body();
    const john = body({ name: 'John Smith' });
    expect(accepted).toContain((await register(ctx, event.slug, mari)).status);
    expect(accepted).toContain(
      (await register(ctx, event.slug, john, { 'accept-language': 'en' })).status,
    );
    await runOutboxJob(ctx.deps);
    received = [];

    await messageEveryone(event.slug, 'Kohvist');
    expect(received).toHaveLength(2);
    const links = new Map<string, string>();
    for (const { envelopeTo, mail } of received) {
      expect(header(mail, 'Auto-Submitted')).toBe('auto-generated');
      expect(mail.text).toContain('Võtke kaasa oma tass.');
      expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      const list = header(mail, 'List-Unsubscribe') ?? '';
      const match = /^<(https:\/\/koda\.test\/messages\/[A-Za-z0-9_-]{40,}\/unsubscribe)>$/.exec(
        list,
      );
      expect(match, list).not.toBeNull();
      links.set(envelopeTo[0] ?? '', match?.[1] ?? '');
    }
    const johnLink = new URL(links.get(john.email as string) ?? '');
    expect(johnLink.pathname).not.toBe(new URL(links.get(mari.email as string) ?? '').pathname);

    // Opening the link changes nothing, and asks in the language John registered in.
    const ask = await ctx.app.request(johnLink.pathname);
    expect(ask.status).toBe(200);
    const askHtml = await ask.text();
    expect(askHtml).toContain('<html lang="en"');
    expect(askHtml).toContain('Do you want the organizers of “Keila arutelu” to stop');
    expect(askHtml).toContain(`action="${johnLink.pathname}"`);
    const stoppedAt = async (email: unknown) =>
      (
        await ctx.deps.db
          .select({ at: registrations.messagesStoppedAt })
          .from(registrations)
          .where(eq(registrations.email, email as string))
      )[0]?.at;
    expect(await stoppedAt(john.email)).toBeNull();

    // The mail provider's one-click POST: no cookie, no Origin.
    const click = await ctx.app.request(johnLink.pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(click.status).toBe(200);
    expect(await click.text()).toContain('will send you no more messages');
    expect(await stoppedAt(john.email)).toEqual(ctx.clock.now());
    expect(await stoppedAt(mari.email)).toBeNull();
    // Clicking again is fine, and Mari's page is in Estonian.
    expect((await ctx.app.request(johnLink.pathname, { method: 'POST' })).status).toBe(200);
    const mariPage = await (
      await ctx.app.request(new URL(links.get(mari.email as string) ?? '').pathname)
    ).text();
    expect(mariPage).toContain('<html lang="et"');
    expect(mariPage).toContain('Kas soovid, et sündmuse „Keila arutelu” korraldajad');

    // The next message reaches Mari only; John's registration itself is untouched.
    received = [];
    await messageEveryone(event.slug, 'Ruum muutus');
    expect(received.map((r) => r.envelopeTo)).toEqual([[mari.email]]);
    const [john_] = await ctx.deps.db
      .select()
      .from(registrations)
      .where(eq(registrations.email, john.email as string));
    expect(john_?.status).toBe('confirmed');

    // The exemption is for these links only: other forms still need our Origin.
    const cancel = await ctx.app.request(`/registrations/${'x'.repeat(43)}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(cancel.status).toBe(403);
  });

  it('answers 404 to a link that is none', async () => {
    const wrong = 'x'.repeat(43);
    expect((await ctx.app.request(`/messages/${wrong}/unsubscribe`)).status).toBe(404);
    expect(
      (await ctx.app.request(`/messages/${wrong}/unsubscribe`, { method: 'POST' })).status,
    ).toBe(404);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { outbox } from '@/platform/db/schema';
import { runOutboxJob } from '@/jobs';
import { memoryLog } from '@/platform/log';
import { noMailer } from '@/platform/mail/mailer';
import { createSmtpMailer } from '@/platform/mail/smtp';
import { sendDueMessages } from '@/platform/mail/outbox/sender';
import { createTestContext, type TestContext } from '../helpers/app';
import { sessionFor } from '../helpers/auth';
import {
  body,
  makeEvent,
  outboxFor,
  postForm,
  register,
  registered,
  tokenOf,
} from './registrations-fixtures';

type Received = { envelopeTo: string[]; mail: ParsedMail };

let ctx: TestContext;
let server: SMTPServer;
let received: Received[] = [];
/** How many of the next messages the server refuses with a temporary error. */
let failNext = 0;
let mailer: ReturnType<typeof createSmtpMailer>;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failNext > 0) {
          failNext--;
          const error = new Error('Mailbox busy, try again later') as Error & {
            responseCode: number;
          };
          error.responseCode = 451;
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            received.push({
              envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              mail,
            });
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
  // The demo's own outbox (if any) is not what these tests are about.
  await ctx.deps.db.delete(outbox);
});
afterAll(async () => {
  mailer.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await ctx.close();
});
beforeEach(() => {
  received = [];
  failNext = 0;
});

const to = (address: string) => received.filter((r) => r.envelopeTo.includes(address));

describe('delivery over SMTP', () => {
  it('delivers the confirmation: recipient, subject, manage link and a parseable .ics', async () => {
    const event = await makeEvent(ctx, { capacity: 5, title: 'Keila foorum — kaasav eelarve' });
    const person = body({ name: 'Õie Kask' });
    const json = await registered(ctx, event.slug, person);
    const report = await runOutboxJob(ctx.deps);
    expect(report.sent).toBe(1);
    const [message] = to(person.email as string);
    expect(message).toBeDefined();
    expect(message?.envelopeTo).toEqual([person.email]);
    expect(message?.mail.from?.value[0]?.address).toBe('koda@koda.test');
    expect(message?.mail.subject).toBe('Registreerumine kinnitatud: Keila foorum — kaasav eelarve');
    expect(message?.mail.text).toContain('Tere!');
    expect(message?.mail.text).not.toContain('Õie Kask');
    expect(message?.mail.text).toContain(json.manageUrl);
    const ics = message?.mail.attachments.find((a) => a.filename === `${event.slug}.ics`);
    expect(ics?.contentType).toBe('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(ics?.content.toString('utf8') ?? ''));
    const zone = calendar.getFirstSubcomponent('vtimezone');
    if (zone) ICAL.TimezoneService.register(zone);
    const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined);
    expect(vevent.summary).toBe('Keila foorum — kaasav eelarve');
    expect(vevent.startDate.toJSDate().toISOString()).toBe(event.startsAt.toISOString());
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
      'Europe/Tallinn',
    );
    // The same event as in the public feed: one calendar entry, updated rather than duplicated.
    const feed = await ctx.app.request(`/events/${event.slug}/calendar.ics`);
    const feedEvent = new ICAL.Component(ICAL.parse(await feed.text())).getFirstSubcomponent(
      'vevent',
    );
    expect(vevent.uid).toBe(feedEvent?.getFirstPropertyValue('uid'));
    expect(vevent.sequence).toBe(feedEvent?.getFirstPropertyValue('sequence'));
    const [row] = await outboxFor(ctx.deps.db, person.email as string);
    expect(row?.status).toBe('sent');
    expect(row?.sentAt?.toISOString()).toBe(ctx.clock.now().toISOString());
    // Sending again sends nothing.
    expect((await runOutboxJob(ctx.deps)).sent).toBe(0);
    expect(to(person.email as string)).toHaveLength(1);
  });

  it("delivers an organizer's message to each participant separately", async () => {
    const event = await makeEvent(ctx, { capacity: 5, title: 'Keila foorum — kohvipaus' });
    const first = body({ name: 'Õie Kask' });
    const second = body({ name: 'Jaan Tamm' });
    await register(ctx, event.slug, first);
    await register(ctx, event.slug, second);
    await runOutboxJob(ctx.deps);
    received = [];
    const organizer = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    const sent = await postForm(
      ctx,
      `/admin/events/${event.slug}/messages`,
      {
        audience: 'confirmed',
        subject: 'Võtke tass kaasa',
        body: 'Kohvipaus on kell 17.',
        confirm: 'yes',
      },
      { cookie: organizer },
    );
    expect(sent.status).toBe(303);
    expect((await runOutboxJob(ctx.deps)).sent).toBe(2);
    for (const person of [first, second]) {
      const [message] = to(person.email as string);
      expect(message?.envelopeTo).toEqual([person.email]);
      expect(message?.mail.subject).toBe('Võtke tass kaasa · Keila foorum — kohvipaus');
      expect(message?.mail.text).toContain('Kohvipaus on kell 17.');
      expect(message?.mail.text).toContain('Tere!');
      expect(message?.mail.text).not.toContain(String(person.name));
    }
  });

  it('the whole flow: a cancellation promotes the waitlisted person, who gets the email', async () => {
    const event = await makeEvent(ctx, { capacity: 1 });
    const first = await registered(ctx, event.slug, body());
    const waiting = body({ name: 'Ootaja' });
    await register(ctx, event.slug, waiting);
    await runOutboxJob(ctx.deps);
    expect(to(waiting.email as string).map((r) => r.mail.subject)).toEqual([
      `Oled ootenimekirjas: ${event.title}`,
    ]);
    await ctx.app.request(`/api/v1/registrations/${tokenOf(first.manageUrl)}`, {
      method: 'DELETE',
    });
    await runOutboxJob(ctx.deps);
    const subjects = to(waiting.email as string).map((r) => r.mail.subject);
    expect(subjects).toEqual([
      `Oled ootenimekirjas: ${event.title}`,
      `Koht vabanes: ${event.title}`,
    ]);
  });

  /** Makes a written email data again, as when its process stopped between the commit and writing it. */
  async function leaveUnwritten(id: number, render: Record<string, unknown>) {
    await ctx.deps.db
      .update(outbox)
      .set({ subject: '', text: '', attachments: [], render })
      .where(eq(outbox.id, id));
  }

  it('writes a confirmation left as data (its process stopped after the commit) before sending it, never empty', async () => {
    // Registering stores the email's data under the event's lock and writes the email after the
    // commit (issue 22); here the writing never happened, as when the process stops in between.
    const event = await makeEvent(ctx, { capacity: 1 });
    await registered(ctx, event.slug, body());
    const person = body();
    const json = await registered(ctx, event.slug, person);
    const [written] = await outboxFor(ctx.deps.db, person.email as string);
    expect(written?.render).toBeNull();
    await leaveUnwritten(written!.id, {
      kind: 'waitlisted',
      lang: 'et',
      attendance: 'in_person',
      manageUrl: json.manageUrl,
      position: 1,
    });
    // The sender alone never takes a message not yet written.
    await sendDueMessages(ctx.deps);
    expect(to(person.email as string)).toHaveLength(0);
    // The outbox job writes it first, the same as the request would have, then sends it.
    await runOutboxJob(ctx.deps);
    const [message] = to(person.email as string);
    expect(message?.mail.subject).toBe(written?.subject);
    expect(message?.mail.subject).toBe(`Oled ootenimekirjas: ${event.title}`);
    expect(message?.mail.text?.trim()).toBe(written?.text.trim());
    expect(message?.mail.text).toContain(json.manageUrl);
    const [after] = await outboxFor(ctx.deps.db, person.email as string);
    expect(after).toMatchObject({ status: 'sent', render: null, text: written?.text });
  });

  it('writes the others when the database refuses one left as data, and marks that one failed', async () => {
    const event = await makeEvent(ctx, { capacity: null });
    const people = [body(), body()];
    const rows = [];
    for (const person of people) {
      const json = await registered(ctx, event.slug, person);
      const [row] = await outboxFor(ctx.deps.db, person.email as string);
      rows.push(row!);
      await leaveUnwritten(row!.id, {
        kind: 'confirmed',
        lang: 'et',
        attendance: 'in_person',
        manageUrl: json.manageUrl,
      });
    }
    // The database refuses the first one's written email (as it would a value it cannot store).
    await ctx.deps.db.execute(
      sql.raw(`create function refuse_one() returns trigger language plpgsql as $$
        begin
          if new.id = ${rows[0]!.id} and new.subject <> '' then raise exception 'refused'; end if;
          return new;
        end $$`),
    );
    await ctx.deps.db.execute(
      sql`create trigger refuse_one before update on outbox for each row execute function refuse_one()`,
    );
    try {
      await runOutboxJob(ctx.deps);
    } finally {
      await ctx.deps.db.execute(sql`drop trigger refuse_one on outbox`);
      await ctx.deps.db.execute(sql`drop function refuse_one()`);
    }
    const [refused] = await outboxFor(ctx.deps.db, people[0]!.email as string);
    expect(refused).toMatchObject({ status: 'failed', render: null });
    expect(refused?.lastError).toContain('refused');
    expect(to(people[0]!.email as string)).toHaveLength(0);
    const [other] = await outboxFor(ctx.deps.db, people[1]!.email as string);
    expect(other).toMatchObject({ status: 'sent', render: null });
    expect(to(people[1]!.email as string)).toHaveLength(1);
  });

  it('retries after a failure with backoff, and sends once', async () => {
    const event = await makeEvent(ctx);
    const person = body();
    await register(ctx, event.slug, person);
    failNext = 1;
    const first = await runOutboxJob(ctx.deps);
    expect(first).toMatchObject({ sent: 0, retried: 1 });
    let [row] = await outboxFor(ctx.deps.db, person.email as string);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row?.lastError).toContain('busy');
    expect(row?.nextAttemptAt.getTime()).toBe(ctx.clock.now().getTime() + 30_000);
    // Not due yet: nothing happens.
    expect((await runOutboxJob(ctx.deps)).sent).toBe(0);
    const start = ctx.clock.now();
    ctx.clock.set(new Date(start.getTime() + 31_000));
    try {
      expect((await runOutboxJob(ctx.deps)).sent).toBe(1);
    } finally {
      ctx.clock.set(start);
    }
    [row] = await outboxFor(ctx.deps.db, person.email as string);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(to(person.email as string)).toHaveLength(1);
  });

  it('never sends a message twice, even with two senders at once', async () => {
    const event = await makeEvent(ctx, { capacity: null });
    const people = Array.from({ length: 8 }, () => body());
    for (const person of people) await register(ctx, event.slug, person);
    const reports = await Promise.all([
      sendDueMessages(ctx.deps, { batch: 5 }),
      sendDueMessages(ctx.deps, { batch: 5 }),
      sendDueMessages(ctx.deps, { batch: 5 }),
    ]);
    const more = await sendDueMessages(ctx.deps);
    expect(reports.reduce((sum, r) => sum + r.sent, more.sent)).toBe(8);
    for (const person of people) expect(to(person.email as string)).toHaveLength(1);
  });

  it('does not resend a message interrupted mid-send; it is marked failed for an admin', async () => {
    const event = await makeEvent(ctx);
    const person = body();
    await register(ctx, event.slug, person);
    const [row] = await outboxFor(ctx.deps.db, person.email as string);
    await ctx.deps.db
      .update(outbox)
      .set({ status: 'sending', attempts: 1, nextAttemptAt: new Date(0) })
      .where(eq(outbox.id, row?.id ?? 0));
    await runOutboxJob(ctx.deps);
    const [after] = await outboxFor(ctx.deps.db, person.email as string);
    expect(after?.status).toBe('failed');
    expect(to(person.email as string)).toHaveLength(0);
  });

  it('gives up after the last attempt', async () => {
    const event = await makeEvent(ctx);
    const person = body();
    await register(ctx, event.slug, person);
    const [row] = await outboxFor(ctx.deps.db, person.email as string);
    await ctx.deps.db
      .update(outbox)
      .set({ attempts: 7 })
      .where(eq(outbox.id, row?.id ?? 0));
    failNext = 1;
    expect((await runOutboxJob(ctx.deps)).failed).toBe(1);
    const [after] = await outboxFor(ctx.deps.db, person.email as string);
    expect(after).toMatchObject({ status: 'failed', attempts: 8 });
  });
});

describe('without a mail server', () => {
  it('keeps messages pending and logs each once without personal data', async () => {
    const event = await makeEvent(ctx);
    const person = body({ name: 'Logimata Nimi' });
    await register(ctx, event.slug, person);
    const log = memoryLog();
    const hold = { lastLoggedId: 0 };
    const deps = { ...ctx.deps, mailer: noMailer, log };
    const report = await sendDueMessages(deps, { hold });
    expect(report.sent).toBe(0);
    expect(report.held).toBeGreaterThanOrEqual(1);
    expect(await sendDueMessages(deps, { hold })).toMatchObject({ held: 0 });
    const lines = log.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const mine = lines.find(
      (line) => line.subject === `Registreerumine kinnitatud: ${event.title}`,
    );
    expect(mine).toMatchObject({ kind: 'registration.confirmed' });
    const text = log.lines.join('\n');
    expect(text).not.toContain(person.email as string);
    expect(text).not.toContain('Logimata Nimi');
    expect(text).not.toContain('/registrations/');
    const [row] = await outboxFor(ctx.deps.db, person.email as string);
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    expect(to(person.email as string)).toHaveLength(0);
  });
});

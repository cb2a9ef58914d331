import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { outbox } from '@/platform/db/schema';
import type { Database } from '@/platform/db/types';
import { fixedClock } from '@/platform/clock';
import { memoryLog } from '@/platform/log';
import type { Mailer } from '@/platform/mail/mailer';
import { enqueueEmail } from '@/platform/mail/outbox/enqueue';
import { sendDueMessages } from '@/platform/mail/outbox/sender';
import { createSmtpMailer } from '@/platform/mail/smtp';
import { freshDatabase } from '../helpers/database';

/**
 * The outbox sender against a real SMTP server (smtp-server) and a server that never greets:
 * what a crash can leave behind, permanent refusals and stalled servers (issue 21, 4 and 7).
 */
let database: Database;
const clock = fixedClock('2026-11-26T12:00:00Z');

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.delete(outbox);
});

async function enqueue(count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await enqueueEmail(
      database.db,
      { kind: 'test', recipient: `person${i}@koda.test`, subject: `Message ${i}`, text: 'Hello' },
      clock.now(),
    );
  }
}

const statuses = async () =>
  (
    await database.db
      .select({ status: outbox.status, attempts: outbox.attempts, lastError: outbox.lastError })
      .from(outbox)
      .orderBy(asc(outbox.id))
  ).map((row) => row);

describe('outbox sender', () => {
  it('has only the messages in flight marked sending (one per lane), so a crash strands no other', async () => {
    await enqueue(5);
    const seenWhileSending: string[][] = [];
    let started = 0;
    let bothStarted: () => void = () => {};
    const firstTwo = new Promise<void>((resolve) => (bothStarted = resolve));
    const mailer: Mailer = {
      async send() {
        if (++started === 2) bothStarted();
        await firstTwo;
        seenWhileSending.push((await statuses()).map((row) => row.status));
      },
    };
    const report = await sendDueMessages(
      { db: database.db, mailer, clock, log: memoryLog() },
      { lanes: 2 },
    );
    expect(report.sent).toBe(5);
    // Two lanes: the first two claimed together, the rest still pending.
    expect(seenWhileSending[0]).toEqual(['sending', 'sending', 'pending', 'pending', 'pending']);
    for (const seen of seenWhileSending) {
      expect(seen.filter((status) => status === 'sending').length).toBeLessThanOrEqual(2);
    }
  });

  it('after a crash mid-send marks only that message failed and sends the rest', async () => {
    await enqueue(3);
    const [first] = await database.db.select().from(outbox).orderBy(asc(outbox.id)).limit(1);
    await database.db
      .update(outbox)
      .set({ status: 'sending', attempts: 1, nextAttemptAt: new Date(0) })
      .where(eq(outbox.id, first?.id ?? 0));
    const sent: string[] = [];
    const mailer: Mailer = { send: async (message) => void sent.push(message.to) };
    await sendDueMessages({ db: database.db, mailer, clock, log: memoryLog() });
    expect((await statuses()).map((row) => row.status)).toEqual(['failed', 'sent', 'sent']);
    expect(sent).toEqual(['person2@koda.test', 'person3@koda.test']);
  });
});

describe('over SMTP', () => {
  let refusing: SMTPServer;
  let stalling: SMTPServer;
  let silent: Server;
  const sockets: Socket[] = [];
  let refusingUrl = '';
  let silentUrl = '';
  let stallingUrl = '';
  const delivered: string[] = [];
  const stalled: (() => void)[] = [];

  beforeAll(async () => {
    refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const error = new Error('No such mailbox here') as Error & { responseCode: number };
        error.responseCode = address.address.startsWith('person1') ? 550 : 451;
        callback(error);
      },
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    refusingUrl = `smtp://127.0.0.1:${(refusing.server.address() as AddressInfo).port}`;
    // Answers at once, except for slow@…, whose recipient it accepts only when the test says.
    stalling = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('slow')) stalled.push(() => callback());
        else callback();
      },
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          delivered.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    stallingUrl = `smtp://127.0.0.1:${(stalling.server.address() as AddressInfo).port}`;
    // Accepts connections and never says a word: a stalled mail server.
    silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentUrl = `smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => refusing.close(() => resolve()));
    await new Promise<void>((resolve) => stalling.close(() => resolve()));
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('fails a permanent refusal (5xx) at once with the reason, and retries a temporary one', async () => {
    await enqueue(2);
    const mailer = createSmtpMailer(refusingUrl, 'Koda <koda@koda.test>');
    try {
      const report = await sendDueMessages({ db: database.db, mailer, clock, log: memoryLog() });
      expect(report).toMatchObject({ failed: 1, retried: 1, sent: 0 });
    } finally {
      mailer.close();
    }
    const [permanent, temporary] = await statuses();
    expect(permanent).toMatchObject({ status: 'failed', attempts: 1 });
    expect(permanent?.lastError).toContain('No such mailbox');
    expect(temporary).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('gives up on a server that never greets after the configured timeout, and retries later', async () => {
    await enqueue(2);
    const mailer = createSmtpMailer(silentUrl, 'Koda <koda@koda.test>', 300);
    try {
      const report = await sendDueMessages({ db: database.db, mailer, clock, log: memoryLog() });
      expect(report).toMatchObject({ retried: 2, sent: 0, failed: 0 });
    } finally {
      mailer.close();
    }
    for (const row of await statuses()) {
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row.lastError).toMatch(/greeting|timeout/i);
    }
  });

  it('sends the other messages while one waits on a stalled recipient', async () => {
    await enqueueEmail(
      database.db,
      { kind: 'test', recipient: 'slow@koda.test', subject: 'Stalled', text: 'Hello' },
      clock.now(),
    );
    await enqueue(3);
    delivered.length = 0;
    const mailer = createSmtpMailer(stallingUrl, 'Koda <koda@koda.test>', 10_000);
    try {
      const sending = sendDueMessages(
        { db: database.db, mailer, clock, log: memoryLog() },
        { lanes: 4 },
      );
      // One at a time, the others would wait behind slow@ for the whole timeout (10 s).
      await expect
        .poll(async () => (await statuses()).map((row) => row.status), { timeout: 5_000 })
        .toEqual(['sending', 'sent', 'sent', 'sent']);
      expect([...delivered].sort()).toEqual([
        'person1@koda.test',
        'person2@koda.test',
        'person3@koda.test',
      ]);
      for (const release of stalled.splice(0)) release();
      expect(await sending).toMatchObject({ sent: 4, retried: 0, failed: 0 });
    } finally {
      for (const release of stalled.splice(0)) release();
      mailer.close();
    }
    expect(delivered).toContain('slow@koda.test');
  });
});

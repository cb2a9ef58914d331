import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { outbox } from '@/platform/db/schema';
import { sqlRows } from '@/platform/db/rows';
import postgres from 'postgres';
import { inject } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/app';
import { withDatabase } from '../helpers/global-setup';
import { seatsFor } from '@/registrations/queries';
import { createApp } from '@/app';
import { openPostgres } from '@/platform/db/postgres';
import type { Db } from '@/platform/db/types';
import {
  body,
  mailedManageUrl,
  makeEvent,
  outboxFor,
  register,
  registrationsOf,
  tokenOf,
} from './registrations-fixtures';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true, config: { TRUST_PROXY: 'true' } });
});
afterAll(() => ctx.close());

/**
 * On Postgres, a connection of its own that holds the event's row lock until `release`, and says
 * how many other transactions are waiting for a lock meanwhile.
 */
async function eventLockHolder(eventId: number) {
  const rows = (await ctx.deps.db.execute(sql`select current_database() as name`)) as unknown as {
    name: string;
  }[];
  const client = postgres(withDatabase(process.env.TEST_DATABASE_URL ?? '', rows[0]?.name ?? ''), {
    max: 2,
    onnotice: () => {},
  });
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked = () => {};
  const lockTaken = new Promise<void>((resolve) => (locked = resolve));
  const holding = client.begin(async (tx) => {
    await tx`select id from events where id = ${eventId} for update`;
    locked();
    await released;
  });
  await lockTaken;
  return {
    async waiting() {
      const [row] = await client<{ n: number }[]>`
        select count(*)::int as n from pg_locks where not granted`;
      return row?.n ?? 0;
    },
    async release() {
      release();
      await holding;
      await client.end();
    },
  };
}

/** How many transactions inserted the event's registrations. */
async function transactionsOf(eventId: number, db: Db = ctx.deps.db): Promise<number> {
  const rows = await sqlRows<{ n: number }>(
    db,
    sql`select count(distinct xmin::text)::int as n from registrations where event_id = ${eventId}`,
  );
  return rows[0]?.n ?? 0;
}

describe('no overbooking under concurrency', () => {
  it('with capacity 30 and 200 registrations at once: exactly 30 confirmed, 170 waitlisted', async () => {
    const event = await makeEvent(ctx, { capacity: 30 });
    const payloads = Array.from({ length: 200 }, (_, i) =>
      body({ name: `Osaleja ${i}`, email: `burst${i}@example.ee` }),
    );
    const responses = await Promise.all(payloads.map((p) => register(ctx, event.slug, p)));
    // The manage links are only emailed: each answer is kept with its address.
    const results = await Promise.all(
      responses.map(async (res, i) => ({
        ...((await res.json()) as { status: string; waitlistPosition?: number }),
        email: String(payloads[i]?.email),
      })),
    );
    expect(responses.map((res) => res.status).every((status) => status === 201)).toBe(true);
    const confirmed = results.filter((r) => r.status === 'confirmed');
    const waitlisted = results.filter((r) => r.status === 'waitlisted');
    expect(confirmed).toHaveLength(30);
    expect(waitlisted).toHaveLength(170);
    // Every waitlist position handed out exactly once.
    expect(waitlisted.map((r) => r.waitlistPosition ?? 0).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 170 }, (_, i) => i + 1),
    );
    expect(await seatsFor(ctx.deps.db, event.id)).toEqual({
      capacity: 30,
      confirmed: 30,
      waitlisted: 170,
      available: 0,
    });
    // Every acknowledged registration has its email in the outbox, written (issue 22: its data is
    // stored under the event's lock, the email written after the commit).
    const mails = await ctx.deps.db
      .select({ kind: outbox.kind, text: outbox.text, render: outbox.render })
      .from(outbox)
      .where(eq(outbox.eventId, event.id));
    expect(mails.filter((mail) => mail.kind === 'registration.confirmed')).toHaveLength(30);
    expect(mails.filter((mail) => mail.kind === 'registration.waitlisted')).toHaveLength(170);
    expect(
      mails.every((mail) => mail.render === null && mail.text.includes('/registrations/')),
    ).toBe(true);
    // Written in batches too: an UPDATE gives its rows its transaction's id (xmin).
    const [writes] = await sqlRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(distinct xmin::text)::int as n from outbox where event_id = ${event.id}`,
    );
    expect(writes?.n).toBeLessThan(200);
    // The requests really overlapped: they were decided in batches (a batch's registrations share
    // one transaction, xmin). One app runs one call per event at a time (the next test has two).
    expect(await transactionsOf(event.id)).toBeLessThan(200);

    // Cancelling 5 confirmed at once promotes exactly the 5 earliest waitlisted, each emailed.
    const rows = await registrationsOf(ctx.deps.db, event.id);
    const earliestWaiting = rows.filter((r) => r.status === 'waitlisted').slice(0, 5);
    const cancels = await Promise.all(
      confirmed
        .slice(0, 5)
        .map((r) =>
          mailedManageUrl(ctx.deps.db, r.email).then((url) =>
            ctx.app.request(`/api/v1/registrations/${tokenOf(url)}`, { method: 'DELETE' }),
          ),
        ),
    );
    expect(cancels.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
    const after = await registrationsOf(ctx.deps.db, event.id);
    expect(after.filter((r) => r.status === 'confirmed')).toHaveLength(30);
    expect(after.filter((r) => r.status === 'waitlisted')).toHaveLength(165);
    const promotedIds = after
      .filter((r) => r.status === 'confirmed' && earliestWaiting.some((w) => w.id === r.id))
      .map((r) => r.id);
    expect(promotedIds).toHaveLength(5);
    for (const person of earliestWaiting) {
      const kinds = (await outboxFor(ctx.deps.db, person.email ?? '')).map((m) => m.kind);
      expect(kinds).toEqual(['registration.waitlisted', 'registration.promoted']);
    }
  }, 120_000); // a correctness test: on a loaded machine 200 transactions may take a while

  it('two apps on their own connections, each batching, still share the seats exactly', async () => {
    if (inject('dbKind') !== 'postgres') return;
    const rows = (await ctx.deps.db.execute(sql`select current_database() as name`)) as unknown as {
      name: string;
    }[];
    const second = openPostgres(
      withDatabase(process.env.TEST_DATABASE_URL ?? '', rows[0]?.name ?? ''),
      { max: 20 },
    );
    try {
      const other = createApp({ ...ctx.deps, db: second.db });
      const event = await makeEvent(ctx, { capacity: 25 });
      // Both apps' calls queue on the event's lock: held here until each app has one waiting.
      const holder = await eventLockHolder(event.id);
      const answered = Promise.all(
        Array.from({ length: 160 }, (_, i) =>
          (i % 2 === 0 ? ctx.app : other).request(`/api/v1/events/${event.slug}/registrations`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-forwarded-for': `10.9.${i >> 8}.${i & 255}`,
            },
            body: JSON.stringify(body({ name: `Kaks ${i}`, email: `two-apps-${i}@example.ee` })),
          }),
        ),
      );
      let waiting = 0;
      for (let tries = 0; tries < 500 && waiting < 2; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        waiting = await holder.waiting();
      }
      await holder.release();
      const responses = await answered;
      expect(waiting).toBeGreaterThanOrEqual(2);
      expect(responses.map((res) => res.status).every((status) => status === 201)).toBe(true);
      const answers = (await Promise.all(responses.map((res) => res.json()))) as {
        status: string;
        waitlistPosition?: number;
      }[];
      expect(answers.filter((answer) => answer.status === 'confirmed')).toHaveLength(25);
      expect(
        answers
          .filter((answer) => answer.status === 'waitlisted')
          .map((answer) => answer.waitlistPosition ?? 0)
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: 135 }, (_, i) => i + 1));
      expect(await seatsFor(ctx.deps.db, event.id)).toMatchObject({
        confirmed: 25,
        waitlisted: 135,
      });
      // The waitlist's time order is the order its places were given in (by id).
      const times = (await registrationsOf(ctx.deps.db, event.id))
        .filter((r) => r.status === 'waitlisted')
        .map((r) => r.createdAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(await transactionsOf(event.id)).toBeLessThan(160);
    } finally {
      await second.close();
    }
  }, 120_000);

  it('the same email sent many times at once makes one registration', async () => {
    const event = await makeEvent(ctx, { capacity: 5 });
    const payload = body();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => register(ctx, event.slug, payload)),
    );
    // Every sender is told the same (issue 21 #9: the answer never says the address was taken).
    expect(responses.map((res) => res.status)).toEqual(Array.from({ length: 10 }, () => 201));
    const answers = await Promise.all(responses.map((res) => res.json()));
    expect(answers).toEqual(Array.from({ length: 10 }, () => ({ status: 'confirmed' })));
    expect(await registrationsOf(ctx.deps.db, event.id)).toHaveLength(1);
    // One confirmation; the rest were a double click within minutes: no link is re-sent.
    expect(await outboxFor(ctx.deps.db, payload.email as string)).toHaveLength(1);
  });
});

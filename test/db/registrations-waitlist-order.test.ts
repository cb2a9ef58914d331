/**
 * Issue 21 #12: waitlist places under a rush. The registration's time used to be taken before
 * the event's lock, so with a moving clock two registrations could each be told "place 1" and
 * some places were never given. 300 registrations at once for 20 seats, with a clock that moves
 * on every reading: the places answered are 1..280, each once, and they are the places the
 * database keeps (what the manage page shows and the order people move up in).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@/app';
import { registrations } from '@/platform/db/schema';
import { waitlistPosition } from '@/registrations/queries';
import { createTestContext, type TestContext } from '../helpers/app';
import { body, makeEvent, register } from './registrations-fixtures';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ demo: true, config: { TRUST_PROXY: 'true' } });
});
afterAll(() => ctx.close());

describe('waitlist places under a rush', () => {
  it('300 at once for 20 seats: places 1..280 each given once, as stored', async () => {
    const event = await makeEvent(ctx, { capacity: 20 });
    // A clock that moves on by a millisecond at every reading, as a real one does between requests.
    let tick = ctx.clock.now().getTime();
    const moving = {
      ...ctx,
      app: createApp({ ...ctx.deps, clock: { now: () => new Date(++tick) } }),
    };
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        register(moving, event.slug, body({ name: `Tormaja ${i}`, email: `rush${i}@example.ee` })),
      ),
    );
    expect(answers.map((res) => res.status).filter((status) => status !== 201)).toEqual([]);
    const results = (await Promise.all(answers.map((res) => res.json()))) as {
      status: string;
      waitlistPosition?: number;
    }[];
    expect(results.filter((result) => result.status === 'confirmed')).toHaveLength(20);
    const places = results
      .filter((result) => result.status === 'waitlisted')
      .map((result) => result.waitlistPosition ?? 0);
    expect([...places].sort((a, b) => a - b)).toEqual(Array.from({ length: 280 }, (_, i) => i + 1));

    // The places told are the places kept.
    const rows = await ctx.deps.db
      .select()
      .from(registrations)
      .where(eq(registrations.eventId, event.id));
    const told = new Map(
      results.map((result, i) => [`rush${i}@example.ee`, result.waitlistPosition ?? null]),
    );
    for (const row of rows) {
      expect(await waitlistPosition(ctx.deps.db, row)).toBe(told.get(row.email ?? '') ?? null);
    }
    // A generous limit: 300 transactions queue on one lock, on a machine shared with others.
  }, 240_000);
});

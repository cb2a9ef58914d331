/**
 * Feeds known fresh without reading their rows (src/calendar/freshness.ts): a 304 costs one
 * statement, and no change, by any writer, leaves a stale feed: events added, removed, published,
 * edited behind the app's back, and the clock passing an event's end or its window.
 */
import { eq, type Logger } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHosts, events, municipalities } from '@/platform/db/schema';
import { createTestContext, TEST_NOW, type TestContext } from '../helpers/app';

let ctx: TestContext;
let keila = 0;
/** The livestream link is in DESCRIPTION until the event ends (LOCATION keeps the address). */
const LIVESTREAM_IN_DESCRIPTION = /^DESCRIPTION:.*stream\.example\/live-fresh/m;
const DAY = 24 * 60 * 60 * 1000;
const now = new Date(TEST_NOW).getTime();

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await ctx.app.request(path, { headers });
  return { status: res.status, etag: res.headers.get('etag') ?? '', text: await res.text() };
}

async function addEvent(slug: string, values: Partial<typeof events.$inferInsert> = {}) {
  const [row] = await ctx.deps.db
    .insert(events)
    .values({
      slug,
      kind: 'forum',
      status: 'published',
      title: `Värskus ${slug}`,
      startsAt: new Date(now + 2 * DAY),
      endsAt: new Date(now + 2 * DAY + 3_600_000),
      updatedAt: new Date(now - DAY),
      ...values,
    })
    .returning({ id: events.id });
  if (!row) throw new Error('insert failed');
  await ctx.deps.db.insert(eventHosts).values({ eventId: row.id, municipalityId: keila });
  return row.id;
}

/** The statements a request runs, counted at drizzle's logger. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const session = (ctx.deps.db as unknown as { session: { logger: Logger } }).session;
  const before = session.logger;
  const queries: string[] = [];
  session.logger = { logQuery: (query) => queries.push(query) };
  try {
    await work();
  } finally {
    session.logger = before;
  }
  return queries;
}

beforeAll(async () => {
  ctx = await createTestContext();
  const [place] = await ctx.deps.db
    .insert(municipalities)
    .values({ slug: 'keila', name: 'Keila linn', kind: 'city' })
    .returning({ id: municipalities.id });
  keila = place?.id ?? 0;
  await addEvent('fresh-first');
});

afterAll(async () => {
  await ctx?.close();
});

describe('feed freshness', () => {
  it('answers a repeated 304 with one statement, and the state is the same as computed afresh', async () => {
    const first = await get('/calendar.ics');
    expect(first.status).toBe(200);
    const queries = await statementsOf(async () => {
      const again = await get('/calendar.ics', { 'If-None-Match': first.etag });
      expect(again.status).toBe(304);
      expect(again.etag).toBe(first.etag);
    });
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatch(/public_revision/);
  });

  it('shows every change whoever writes it: added, edited by SQL, drafted, deleted', async () => {
    const path = '/calendar.ics';
    let etag = (await get(path)).etag;
    /** The feed after a write: never the old ETag's 304, and its body shows `expected`. */
    const after = async (write: () => Promise<unknown>, check: (text: string) => void) => {
      await write();
      const res = await get(path, { 'If-None-Match': etag });
      expect(res.status).toBe(200);
      expect(res.etag).not.toBe(etag);
      check(res.text);
      // And the plain request (the whole-feed cache) agrees.
      check((await get(path)).text);
      etag = res.etag;
    };
    let added = 0;
    await after(
      async () => {
        added = await addEvent('fresh-added');
      },
      (text) => expect(text).toContain('Värskus fresh-added'),
    );
    await after(
      () =>
        ctx.deps.db.update(events).set({ title: 'Käsitsi parandatud' }).where(eq(events.id, added)),
      (text) => expect(text).toContain('Käsitsi parandatud'),
    );
    await after(
      () => ctx.deps.db.update(events).set({ status: 'draft' }).where(eq(events.id, added)),
      (text) => expect(text).not.toContain('Käsitsi parandatud'),
    );
    await after(
      () => ctx.deps.db.update(events).set({ status: 'published' }).where(eq(events.id, added)),
      (text) => expect(text).toContain('Käsitsi parandatud'),
    );
    await after(
      () => ctx.deps.db.delete(events).where(eq(events.id, added)),
      (text) => expect(text).not.toContain('Käsitsi parandatud'),
    );
    // A change the feed does not show keeps the 304.
    await ctx.deps.db.update(events).set({ capacity: 12 });
    expect((await get(path, { 'If-None-Match': etag })).status).toBe(304);
  });

  it('follows the clock: an event that ends and one that leaves the window change the feed', async () => {
    const ending = await addEvent('fresh-ending', {
      startsAt: new Date(now + 3 * DAY),
      endsAt: new Date(now + 3 * DAY + 3_600_000),
      onlineUrl: 'https://stream.example/live-fresh',
    });
    const leaving = await addEvent('fresh-leaving', {
      status: 'cancelled',
      startsAt: new Date(now - 29 * DAY - 3_600_000),
      endsAt: new Date(now - 29 * DAY),
    });
    try {
      const before = await get('/calendar.ics');
      expect(before.text).toContain('Värskus fresh-leaving');
      expect(before.text.replace(/\r\n /g, '')).toMatch(LIVESTREAM_IN_DESCRIPTION);
      // Nothing in the database moves; only the clock, past the cancelled event's 30 days.
      ctx.clock.set(new Date(now + DAY + 1000));
      const later = await get('/calendar.ics', { 'If-None-Match': before.etag });
      expect(later.status).toBe(200);
      expect(later.text).not.toContain('Värskus fresh-leaving');
      // And past the end of the other: its livestream link goes.
      ctx.clock.set(new Date(now + 3 * DAY + 3_600_000 + 1000));
      const ended = await get('/calendar.ics', { 'If-None-Match': later.etag });
      expect(ended.status).toBe(200);
      expect(ended.text.replace(/\r\n /g, '')).not.toMatch(LIVESTREAM_IN_DESCRIPTION);
      // Back to the start (a clock may be set back): what was true then is true again.
      ctx.clock.set(new Date(now));
      expect((await get('/calendar.ics', { 'If-None-Match': before.etag })).status).toBe(304);
    } finally {
      ctx.clock.set(new Date(now));
      await ctx.deps.db.delete(events).where(eq(events.id, ending));
      await ctx.deps.db.delete(events).where(eq(events.id, leaving));
    }
  });
});

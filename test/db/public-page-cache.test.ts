/**
 * Anonymous public answers from memory (src/platform/http/page-cache.ts): a repeat costs one
 * statement (the revision), and no write by anyone, nor the clock, leaves a stale answer. Only
 * answers without credentials are kept.
 */
import { eq, type Logger } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionItems,
  actionPlans,
  agendaItems,
  eventHosts,
  events,
  municipalities,
  registrations,
} from '@/platform/db/schema';
import { isPublicAnswerPath } from '@/public-answers';
import { createTestContext, TEST_NOW, type TestContext } from '../helpers/app';
import { sessionFor } from '../helpers/auth';

let ctx: TestContext;
let eventId = 0;
let planId = 0;
const DAY = 24 * 60 * 60 * 1000;
const now = new Date(TEST_NOW).getTime();
const EVENT = '/events/kept-page';

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await ctx.app.request(path, { headers });
  return { status: res.status, etag: res.headers.get('etag') ?? '', text: await res.text() };
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
  const db = ctx.deps.db;
  const [place] = await db
    .insert(municipalities)
    .values({ slug: 'saue', name: 'Saue vald', kind: 'city' })
    .returning({ id: municipalities.id });
  const [event] = await db
    .insert(events)
    .values({
      slug: 'kept-page',
      kind: 'forum',
      status: 'published',
      title: 'Mälus hoitud foorum',
      description: 'Esimene kirjeldus',
      capacity: 10,
      startsAt: new Date(now + 2 * DAY),
      endsAt: new Date(now + 2 * DAY + 3_600_000),
    })
    .returning({ id: events.id });
  eventId = event?.id ?? 0;
  await db.insert(eventHosts).values({ eventId, municipalityId: place?.id ?? 0 });
  const [plan] = await db
    .insert(actionPlans)
    .values({
      municipalityId: place?.id ?? 0,
      title: 'Saue tegevuskava',
      periodStart: '2026-01-01',
      periodEnd: '2027-12-31',
      status: 'adopted',
    })
    .returning({ id: actionPlans.id });
  planId = plan?.id ?? 0;
});

afterAll(async () => {
  await ctx?.close();
});

describe('public answers from memory', () => {
  it('answers a repeated anonymous page with one statement, and a 304 to its ETag', async () => {
    const first = await get(EVENT);
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^"[0-9a-f]{40}"$/);
    const queries = await statementsOf(async () => {
      expect((await get(EVENT)).text).toBe(first.text);
      expect((await get(EVENT, { 'If-None-Match': first.etag })).status).toBe(304);
      expect((await get('/api/v1/events')).status).toBe(200);
    });
    // Two kept answers (one statement each) and the API list rendered once.
    expect(queries.filter((query) => /public_revision/.test(query))).toHaveLength(3);
    const again = await statementsOf(() => get('/api/v1/events'));
    expect(again).toHaveLength(1);
  });

  it('shows every write at once, whoever writes it: the event, its agenda, seats, a plan', async () => {
    const db = ctx.deps.db;
    /** The page after a write shows `expected`; never the old ETag's 304. */
    const after = async (path: string, write: () => Promise<unknown>, expected: string) => {
      const before = await get(path);
      await get(path);
      await write();
      const res = await get(path, { 'If-None-Match': before.etag });
      expect(res.status).toBe(200);
      expect(res.text).toContain(expected);
      expect((await get(path)).text).toContain(expected);
    };
    await after(
      EVENT,
      () => db.update(events).set({ description: 'Teine kirjeldus' }).where(eq(events.id, eventId)),
      'Teine kirjeldus',
    );
    await after(
      EVENT,
      () =>
        db.insert(agendaItems).values({
          eventId,
          position: 1,
          title: 'Lisatud päevakorrapunkt',
          kind: 'talk',
          startsAt: new Date(now + 2 * DAY),
          endsAt: new Date(now + 2 * DAY + 1_800_000),
        }),
      'Lisatud päevakorrapunkt',
    );
    const seatsLeft = (text: string) => /(\d+)\s+(?:vaba kohta|seats left)/.exec(text)?.[1];
    const seatsBefore = seatsLeft((await get(EVENT)).text);
    expect(seatsBefore).toBe('10');
    await db.insert(registrations).values({
      eventId,
      email: 'kohal@example.test',
      attendance: 'in_person',
      status: 'confirmed',
      manageTokenHash: 'kept-page-registration',
      consentAt: new Date(now),
    });
    expect(seatsLeft((await get(EVENT)).text)).toBe('9');
    await after(
      `/plans/${planId}`,
      () => db.insert(actionItems).values({ planId, position: 1, title: 'Uus tegevus mälus' }),
      'Uus tegevus mälus',
    );
    await after(
      `/plans/${planId}`,
      () =>
        db
          .update(actionItems)
          .set({ title: 'Muudetud tegevus' })
          .where(eq(actionItems.planId, planId)),
      'Muudetud tegevus',
    );
  });

  it('follows the clock: the page changes when the event starts, and again when it ends', async () => {
    const before = await get(EVENT);
    expect(before.text).toContain('Mälus hoitud foorum');
    try {
      ctx.clock.set(new Date(now + 2 * DAY + 60_000));
      const live = await get(EVENT, { 'If-None-Match': before.etag });
      expect(live.status).toBe(200);
      expect(live.etag).not.toBe(before.etag);
      ctx.clock.set(new Date(now + 2 * DAY + 3_600_000 + 60_000));
      const ended = await get(EVENT, { 'If-None-Match': live.etag });
      expect(ended.status).toBe(200);
      expect(ended.etag).not.toBe(live.etag);
      // The clock set back: what was true then is true again.
      ctx.clock.set(new Date(now));
      expect((await get(EVENT, { 'If-None-Match': before.etag })).status).toBe(304);
    } finally {
      ctx.clock.set(new Date(now));
    }
  });

  it('keeps nothing that carries credentials or sets a cookie, nor personal paths', async () => {
    await get(EVENT);
    const cookie = await sessionFor(ctx, { role: 'admin' });
    const signedIn = await statementsOf(() => get(EVENT, { Cookie: `lang=et; ${cookie}` }));
    expect(signedIn.length).toBeGreaterThan(1);
    const choosing = await statementsOf(async () => ctx.app.request(`${EVENT}?lang=en`));
    expect(choosing.length).toBeGreaterThan(1);
    const again = await ctx.app.request(`${EVENT}?lang=en`);
    expect(again.headers.get('set-cookie')).toMatch(/^lang=en/);
    for (const path of ['/registrations/abc', '/feeds/abc/calendar.ics', '/admin', '/archive']) {
      expect(isPublicAnswerPath(path)).toBe(false);
    }
  });
});

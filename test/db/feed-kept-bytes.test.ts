/**
 * Feeds and their VEVENTs are kept as UTF-8 bytes (src/calendar/feed.ts, issue 22): a feed built
 * again after a change, its unchanged VEVENTs taken from the cache, still names every zone those
 * VEVENTs start in and carries their text unchanged, characters past Latin-1 included.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';

let ctx: TestContext;
let farAway: number;
let nearby: number;

async function addEvent(slug: string, title: string, timezone: string, startsAt: string) {
  const start = new Date(startsAt);
  const [row] = await ctx.deps.db
    .insert(events)
    .values({
      slug,
      kind: 'forum',
      status: 'published',
      title,
      timezone,
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * 3_600_000),
      updatedAt: new Date('2026-11-01T10:00:00Z'),
    })
    .returning({ id: events.id });
  if (!row) throw new Error('insert failed');
  return row.id;
}

async function feedText(): Promise<string> {
  const res = await ctx.app.request('/calendar.ics');
  expect(res.status).toBe(200);
  return res.text();
}

function veventOf(feed: string, id: number): string | undefined {
  return feed.split('BEGIN:VEVENT').find((part) => part.includes(`event-${id}@koda.test`));
}

beforeAll(async () => {
  ctx = await createTestContext();
  farAway = await addEvent(
    'kept-new-york',
    'Собрание диаспоры — вечер вопросов',
    'America/New_York',
    '2026-12-10T23:00:00Z',
  );
  nearby = await addEvent('kept-tallinn', 'Keila foorum', 'Europe/Tallinn', '2026-12-12T14:00:00Z');
});

afterAll(() => ctx.close());

describe('a feed built again from kept VEVENTs', () => {
  it('keeps their zones and their text, byte for byte', async () => {
    const first = await feedText();
    expect(first).toContain('TZID:America/New_York');
    expect(first).toContain('Собрание диаспоры — вечер вопросов');

    // Another event changes: the feed is built again, the New York VEVENT comes from the cache.
    await ctx.deps.db
      .update(events)
      .set({ title: 'Keila foorum – uus aeg', updatedAt: new Date('2026-11-02T10:00:00Z') })
      .where(eq(events.id, nearby));
    const second = await feedText();
    expect(second).toContain('Keila foorum – uus aeg');
    expect(second).toContain('BEGIN:VTIMEZONE\r\nTZID:America/New_York');
    expect(veventOf(second, farAway)).toBe(veventOf(first, farAway));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { findEventBySlug } from '@/events';
import { events, recordings } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';

/**
 * The public-visibility rule (src/events/reads.ts): a draft is the organizers' business. Each
 * reader below is first shown to list the event while it is published (so the check can fail),
 * then the same event is made a draft and no reader may show it any more.
 */
let ctx: TestContext;
let upcoming: { slug: string; title: string; host: string };
let archived: { slug: string; title: string; host: string; recordingId: number };

async function hostOf(slug: string): Promise<string> {
  const event = await findEventBySlug(ctx.deps.db, slug);
  return event!.hosts[0]!.slug;
}

async function text(path: string): Promise<{ status: number; body: string }> {
  const res = await ctx.app.request(path);
  // Calendar lines are folded at 75 octets: unfold them so a link reads whole.
  return { status: res.status, body: (await res.text()).replace(/\r\n[ \t]/g, '') };
}

/** Every public reader that could show an event, as the text it answers with. */
async function publicReaders(event: { slug: string; host: string }) {
  return {
    eventPage: await text(`/events/${event.slug}`),
    eventApi: await text(`/api/v1/events/${event.slug}`),
    eventList: await text('/events?when=all'),
    apiList: await text('/api/v1/events?when=all&perPage=100'),
    home: await text('/'),
    municipalityPage: await text(`/municipalities/${event.host}`),
    eventFeed: await text(`/events/${event.slug}/calendar.ics`),
    siteFeed: await text('/calendar.ics'),
    municipalityFeed: await text(`/municipalities/${event.host}/calendar.ics`),
  };
}

async function archiveReaders(recordingId: number) {
  return {
    archive: await text('/archive'),
    archiveFeed: await text('/archive/feed.xml'),
    recordingsApi: await text('/api/v1/recordings?perPage=100'),
    recordingPage: await text(`/recordings/${recordingId}`),
  };
}

async function setStatus(slug: string, status: 'draft' | 'published') {
  await ctx.deps.db.update(events).set({ status }).where(eq(events.slug, slug));
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  const list = (await (await ctx.app.request('/api/v1/events?when=upcoming')).json()) as {
    items: { slug: string; title: string }[];
  };
  const next = list.items[0]!;
  upcoming = { ...next, host: await hostOf(next.slug) };
  const [recording] = await ctx.deps.db
    .select({ id: recordings.id, slug: events.slug, title: events.title })
    .from(recordings)
    .innerJoin(events, eq(events.id, recordings.eventId))
    .where(eq(recordings.published, true))
    .limit(1);
  archived = {
    slug: recording!.slug,
    title: recording!.title,
    host: await hostOf(recording!.slug),
    recordingId: recording!.id,
  };
});
afterAll(() => ctx.close());

describe('a draft is visible to the public through no reader', () => {
  it('an upcoming event: page, API, lists, home, municipality page and every calendar feed', async () => {
    const link = `/events/${upcoming.slug}`;
    const shown = await publicReaders(upcoming);
    expect(shown.eventPage.status).toBe(200);
    expect(shown.eventApi.status).toBe(200);
    expect(shown.eventList.body).toContain(link);
    expect(shown.apiList.body).toContain(`"slug":"${upcoming.slug}"`);
    expect(shown.home.body).toContain(link);
    expect(shown.municipalityPage.body).toContain(link);
    expect(shown.eventFeed.status).toBe(200);
    expect(shown.siteFeed.body).toContain(link);
    expect(shown.municipalityFeed.body).toContain(link);

    await setStatus(upcoming.slug, 'draft');
    try {
      const hidden = await publicReaders(upcoming);
      expect(hidden.eventPage.status).toBe(404);
      expect(hidden.eventApi.status).toBe(404);
      expect(hidden.eventFeed.status).toBe(404);
      // The 404 pages may name their own path (language links); the lists must not name the event.
      const { eventPage: _page, eventApi: _api, eventFeed: _feed, ...lists } = hidden;
      for (const [reader, answer] of Object.entries(lists)) {
        expect(answer.body, reader).not.toContain(link);
        expect(answer.body, reader).not.toContain(`"slug":"${upcoming.slug}"`);
      }
      const register = await ctx.app.request(`/events/${upcoming.slug}/register`, {
        method: 'POST',
        headers: { origin: 'https://koda.test' },
        body: new URLSearchParams({ name: 'Mari', email: 'mari@example.ee' }),
      });
      expect(register.status).toBe(404);
    } finally {
      await setStatus(upcoming.slug, 'published');
    }
  });

  it('a past event: its recordings leave the archive, its feed, the API and their page', async () => {
    const link = `/recordings/${archived.recordingId}`;
    const shown = await archiveReaders(archived.recordingId);
    expect(shown.archive.body).toContain(link);
    expect(shown.archiveFeed.body).toContain(`/events/${archived.slug}`);
    expect(shown.recordingsApi.body).toContain(`"slug":"${archived.slug}"`);
    expect(shown.recordingPage.status).toBe(200);

    await setStatus(archived.slug, 'draft');
    try {
      const hidden = await archiveReaders(archived.recordingId);
      expect(hidden.recordingPage.status).toBe(404);
      expect(hidden.archive.body).not.toContain(link);
      expect(hidden.archiveFeed.body).not.toContain(`/events/${archived.slug}`);
      expect(hidden.recordingsApi.body).not.toContain(`"slug":"${archived.slug}"`);
      // Nor do its page and its municipality's list of past events.
      const past = await publicReaders(archived);
      expect(past.municipalityPage.body).not.toContain(`/events/${archived.slug}`);
      expect(past.eventPage.status).toBe(404);
    } finally {
      await setStatus(archived.slug, 'published');
    }
  });
});

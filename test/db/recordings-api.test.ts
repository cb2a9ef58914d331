import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { agendaItems, auditLog, events, recordings } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { authorizationCases, bearerFor } from '../helpers/auth';

let ctx: TestContext;
let keilaAdmin: string;
let keilaAgenda: { id: number; startsAt: Date }[];
let otherAgendaId: number;

const KEILA = 'mottekoda-keilas';

function send(method: string, path: string, body: unknown, authorization?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  return ctx.app.request(path, { method, headers, body: JSON.stringify(body) });
}

type ErrorBody = { error: { code: string; details?: { path: string; message: string }[] } };

async function fieldsOf(res: Response): Promise<string[]> {
  expect(res.status).toBe(422);
  const body = (await res.json()) as ErrorBody;
  return (body.error.details ?? []).map((detail) => detail.path);
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  keilaAdmin = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  const [keila] = await ctx.deps.db.select().from(events).where(eq(events.slug, KEILA));
  keilaAgenda = await ctx.deps.db
    .select({ id: agendaItems.id, startsAt: agendaItems.startsAt })
    .from(agendaItems)
    .where(eq(agendaItems.eventId, keila!.id))
    .orderBy(agendaItems.startsAt);
  const [other] = await ctx.deps.db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .innerJoin(events, eq(events.id, agendaItems.eventId))
    .where(eq(events.slug, 'mottekoda-rouges'));
  otherAgendaId = other!.id;
});
afterAll(() => ctx.close());

describe('POST /api/v1/events/:slug/recordings', () => {
  it('creates a recording with its provider and chapters, and records the change', async () => {
    const res = await send(
      'POST',
      `/api/v1/events/${KEILA}/recordings`,
      {
        url: 'https://youtu.be/dQw4w9WgXcQ?t=90',
        title: 'Töörühmade kokkuvõte',
        kind: 'recording',
        agendaItemId: keilaAgenda[3]!.id,
        language: 'et',
        durationSeconds: 3600,
        captionsUrl: 'https://example.org/captions.vtt',
        chapters: [
          { offsetSeconds: 600, title: 'Teine' },
          { offsetSeconds: 0, title: 'Algus', agendaItemId: keilaAgenda[0]!.id },
        ],
        published: false,
      },
      keilaAdmin,
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown> & {
      id: number;
      chapters: { offsetSeconds: number; title: string; agendaItemId: number | null }[];
    };
    expect(body).toMatchObject({
      provider: 'youtube',
      url: 'https://youtu.be/dQw4w9WgXcQ?t=90',
      title: 'Töörühmade kokkuvõte',
      kind: 'recording',
      language: 'et',
      durationSeconds: 3600,
      published: false,
      eventSlug: KEILA,
      chaptersUrl: `https://koda.test/recordings/${body.id}/chapters.vtt`,
    });
    expect(body.createdAt).toBe('2026-11-26T14:00:00+02:00');
    expect(body.chapters.map((c) => [c.offsetSeconds, c.title])).toEqual([
      [0, 'Algus'],
      [600, 'Teine'],
    ]);
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'recording.create'), eq(auditLog.entityId, String(body.id))));
    expect(audit).toHaveLength(1);
  });

  it('derives the provider from the URL and defaults the title to the event', async () => {
    const cases: [string, string][] = [
      ['https://vimeo.com/76979871', 'vimeo'],
      ['https://www.facebook.com/keilalinn/videos/1234567890/', 'facebook'],
      ['https://media.example.org/keila.mp4', 'file'],
      ['https://media.example.org/live/index.m3u8', 'hls'],
      ['https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ', 'link'],
    ];
    for (const [url, provider] of cases) {
      const res = await send('POST', `/api/v1/events/${KEILA}/recordings`, { url }, keilaAdmin);
      expect(res.status, url).toBe(201);
      const body = (await res.json()) as { provider: string; title: string };
      expect(body.provider, url).toBe(provider);
      expect(body.title).toBe('Mõttekoda Keilas');
    }
  });

  it('answers 422 naming the field for bad input', async () => {
    const post = (body: unknown) =>
      send('POST', `/api/v1/events/${KEILA}/recordings`, body, keilaAdmin);
    expect(await fieldsOf(await post({ url: 'javascript:alert(1)' }))).toContain('url');
    expect(await fieldsOf(await post({ url: 'ftp://example.org/a.mp4' }))).toContain('url');
    expect(await fieldsOf(await post({}))).toContain('url');
    expect(
      await fieldsOf(await post({ url: 'https://youtu.be/dQw4w9WgXcQ', captionsUrl: 'not a url' })),
    ).toContain('captionsUrl');
    expect(
      await fieldsOf(
        await post({
          url: 'https://youtu.be/dQw4w9WgXcQ',
          chapters: [{ offsetSeconds: -5, title: 'Enne algust' }],
        }),
      ),
    ).toContain('chapters.0.offsetSeconds');
    expect(
      await fieldsOf(
        await post({
          url: 'https://youtu.be/dQw4w9WgXcQ',
          durationSeconds: 600,
          chapters: [
            { offsetSeconds: 0, title: 'Algus' },
            { offsetSeconds: 601, title: 'Pärast lõppu' },
          ],
        }),
      ),
    ).toEqual(['chapters.1.offsetSeconds']);
    expect(
      await fieldsOf(
        await post({ url: 'https://youtu.be/dQw4w9WgXcQ', agendaItemId: otherAgendaId }),
      ),
    ).toEqual(['agendaItemId']);
    expect(
      await fieldsOf(
        await post({
          url: 'https://youtu.be/dQw4w9WgXcQ',
          chapters: [{ offsetSeconds: 1, title: 'x', agendaItemId: otherAgendaId }],
        }),
      ),
    ).toEqual(['chapters.0.agendaItemId']);
    expect(
      await fieldsOf(await post({ url: 'https://youtu.be/dQw4w9WgXcQ', kind: 'podcast' })),
    ).toContain('kind');
  });

  it('answers 404 for an unknown event and 400/415 for bodies that are not JSON', async () => {
    const missing = await send(
      'POST',
      '/api/v1/events/no-such-event/recordings',
      { url: 'https://a.example/' },
      keilaAdmin,
    );
    expect(missing.status).toBe(404);
    const notJson = await ctx.app.request(`/api/v1/events/${KEILA}/recordings`, {
      method: 'POST',
      headers: { authorization: keilaAdmin, 'content-type': 'text/plain' },
      body: 'url=x',
    });
    expect(notJson.status).toBe(415);
  });

  it('passes the authorization matrix', async () => {
    for (const who of await authorizationCases(ctx, 'keila', 'rouge', [201])) {
      const res = await send(
        'POST',
        `/api/v1/events/${KEILA}/recordings`,
        { url: 'https://youtu.be/dQw4w9WgXcQ' },
        who.authorization,
      );
      expect(who.expected, who.who).toContain(res.status);
    }
  });
});

describe('PATCH, DELETE, reorder and chapters from the agenda', () => {
  async function create(extra: Record<string, unknown> = {}): Promise<number> {
    const res = await send(
      'POST',
      `/api/v1/events/${KEILA}/recordings`,
      { url: 'https://youtu.be/dQw4w9WgXcQ', durationSeconds: 3 * 3600, ...extra },
      keilaAdmin,
    );
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  }

  it('changes fields, re-derives the provider and checks chapters against a new duration', async () => {
    const id = await create({ chapters: [{ offsetSeconds: 4000, title: 'Hiljem' }] });
    const ok = await send(
      'PATCH',
      `/api/v1/recordings/${id}`,
      { url: 'https://player.vimeo.com/video/76979871?h=abcdef1234', title: 'Uus' },
      keilaAdmin,
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ provider: 'vimeo', title: 'Uus' });
    const shorter = await send(
      'PATCH',
      `/api/v1/recordings/${id}`,
      { durationSeconds: 3000 },
      keilaAdmin,
    );
    expect(await fieldsOf(shorter)).toEqual(['chapters.0.offsetSeconds']);
    const badUrl = await send(
      'PATCH',
      `/api/v1/recordings/${id}`,
      { url: 'data:text/html,x' },
      keilaAdmin,
    );
    expect(await fieldsOf(badUrl)).toContain('url');
  });

  it('sets chapters from the agenda relative to the event start or a given start', async () => {
    const id = await create();
    const res = await send('POST', `/api/v1/recordings/${id}/chapters/from-agenda`, {}, keilaAdmin);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { chapters: { offsetSeconds: number; title: string }[] };
    expect(body.chapters.map((c) => c.offsetSeconds)).toEqual([0, 1200, 3600, 4500, 8100]);
    expect(body.chapters[0]!.title).toBe('Avasõnad ja avatud valitsemise põhimõtted');
    // The recording started at 17:00 local time: the first two items were before it.
    const later = await send(
      'POST',
      `/api/v1/recordings/${id}/chapters/from-agenda`,
      { startsAt: '2014-10-02T17:00:00' },
      keilaAdmin,
    );
    const laterBody = (await later.json()) as { chapters: { offsetSeconds: number }[] };
    expect(laterBody.chapters.map((c) => c.offsetSeconds)).toEqual([0, 900, 4500]);
    const bad = await send(
      'POST',
      `/api/v1/recordings/${id}/chapters/from-agenda`,
      { startsAt: 'yesterday' },
      keilaAdmin,
    );
    expect(await fieldsOf(bad)).toEqual(['startsAt']);
  });

  it('reorders the recordings of an event and refuses a list that is not a permutation', async () => {
    const [keila] = await ctx.deps.db.select().from(events).where(eq(events.slug, KEILA));
    const rows = await ctx.deps.db
      .select({ id: recordings.id })
      .from(recordings)
      .where(eq(recordings.eventId, keila!.id))
      .orderBy(recordings.position, recordings.id);
    const reversed = rows.map((row) => row.id).reverse();
    const res = await send(
      'PUT',
      `/api/v1/events/${KEILA}/recordings/order`,
      { recordingIds: reversed },
      keilaAdmin,
    );
    expect(res.status).toBe(200);
    const after = await ctx.deps.db
      .select({ id: recordings.id })
      .from(recordings)
      .where(eq(recordings.eventId, keila!.id))
      .orderBy(recordings.position);
    expect(after.map((row) => row.id)).toEqual(reversed);
    const partial = await send(
      'PUT',
      `/api/v1/events/${KEILA}/recordings/order`,
      { recordingIds: reversed.slice(1) },
      keilaAdmin,
    );
    expect(await fieldsOf(partial)).toEqual(['recordingIds']);
  });

  it('deletes, with the authorization matrix', async () => {
    for (const who of await authorizationCases(ctx, 'keila', 'rouge', [204])) {
      const id = await create();
      const res = await send('DELETE', `/api/v1/recordings/${id}`, undefined, who.authorization);
      expect(who.expected, who.who).toContain(res.status);
      const left = await ctx.deps.db.select().from(recordings).where(eq(recordings.id, id));
      expect(left.length, who.who).toBe(res.status === 204 ? 0 : 1);
    }
    const missing = await send('DELETE', '/api/v1/recordings/999999', undefined, keilaAdmin);
    expect(missing.status).toBe(404);
  });

  it('patches with the authorization matrix', async () => {
    const id = await create();
    for (const who of await authorizationCases(ctx, 'keila', 'rouge', [200])) {
      const res = await send(
        'PATCH',
        `/api/v1/recordings/${id}`,
        { title: who.who },
        who.authorization,
      );
      expect(who.expected, who.who).toContain(res.status);
    }
  });

  it('lists the routes in the OpenAPI document', async () => {
    const doc = (await (await ctx.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/recordings',
        '/events/{slug}/recordings',
        '/events/{slug}/recordings/order',
        '/recordings/{id}',
        '/recordings/{id}/chapters/from-agenda',
      ]),
    );
  });
});

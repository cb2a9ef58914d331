/**
 * Compressed answers (src/platform/http/compress.ts): Brotli and gzip round-trip to the same bytes
 * as the plain answer for feeds, the OpenAPI document, JSON lists, pages and assets; the kept
 * encoded feed follows every change; 304s still work with the weakened ETag.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@/app';
import { events } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';

let ctx: TestContext;
let app: ReturnType<typeof createApp>;

/** The raw answer, as a client that decodes nothing sees it. */
async function raw(path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

function decode(encoding: string | null, bytes: Buffer): string {
  if (encoding === 'br') return brotliDecompressSync(bytes).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(bytes).toString('utf8');
  expect(encoding).toBeNull();
  return bytes.toString('utf8');
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: true });
  // Not the contract-checking wrapper: it reads bodies as text, and these are encoded.
  app = createApp(ctx.deps);
});

afterAll(async () => {
  await ctx?.close();
});

describe('compressed answers', () => {
  const paths = [
    ['/calendar.ics', 'text/calendar'],
    ['/api/openapi.json', 'application/json'],
    ['/api/v1/events', 'application/json'],
    ['/events', 'text/html'],
    ['/assets/app.css', 'text/css'],
    ['/archive/feed.xml', 'application/atom+xml'],
  ] as const;

  for (const [path, type] of paths) {
    it(`${path}: Brotli and gzip decode to the plain answer`, async () => {
      const plain = await raw(path);
      expect(plain.res.status).toBe(200);
      expect(plain.res.headers.get('content-type')).toContain(type);
      expect(plain.res.headers.get('content-encoding')).toBeNull();
      expect(plain.res.headers.get('vary')).toMatch(/Accept-Encoding/);
      for (const [accept, expected] of [
        ['gzip, deflate, br', 'br'],
        ['gzip', 'gzip'],
        ['br;q=0.5, gzip;q=0.8', 'gzip'],
        ['*', 'gzip'],
      ] as const) {
        const encoded = await raw(path, { 'Accept-Encoding': accept });
        expect(encoded.res.status).toBe(200);
        expect(encoded.res.headers.get('content-encoding')).toBe(expected);
        expect(encoded.res.headers.get('vary')).toMatch(/Accept-Encoding/);
        expect(encoded.bytes.length).toBeLessThan(plain.bytes.length);
        const text = decode(expected, encoded.bytes);
        // Pages carry a per-request nonce; everything else is byte for byte the same.
        if (type === 'text/html') {
          expect(text.replace(/nonce="[^"]+"/g, '')).toBe(
            plain.bytes.toString('utf8').replace(/nonce="[^"]+"/g, ''),
          );
        } else {
          expect(text).toBe(plain.bytes.toString('utf8'));
        }
      }
    });
  }

  it('answers plainly when nothing or only identity is accepted', async () => {
    for (const accept of ['identity', 'gzip;q=0, br;q=0', 'deflate']) {
      const answer = await raw('/calendar.ics', { 'Accept-Encoding': accept });
      expect(answer.res.headers.get('content-encoding')).toBeNull();
      new ICAL.Component(ICAL.parse(answer.bytes.toString('utf8')));
    }
  });

  it('keeps the encoded feed under its ETag, follows a change, and answers 304 to the weak tag', async () => {
    const accept = { 'Accept-Encoding': 'br' };
    const first = await raw('/calendar.ics', accept);
    const etag = first.res.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
    const again = await raw('/calendar.ics', accept);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect((await raw('/calendar.ics', { ...accept, 'If-None-Match': etag })).res.status).toBe(304);

    // An event the feed shows (its UID names its id).
    const shown = Number(/^UID:event-(\d+)@/m.exec(decode('br', first.bytes))?.[1]);
    expect(shown).toBeGreaterThan(0);
    await ctx.deps.db
      .update(events)
      .set({ title: 'Pakitud ja värske' })
      .where(eq(events.id, shown));
    const changed = await raw('/calendar.ics', { ...accept, 'If-None-Match': etag });
    expect(changed.res.status).toBe(200);
    expect(changed.res.headers.get('etag')).not.toBe(etag);
    const text = decode('br', changed.bytes);
    expect(text).toContain('Pakitud ja värske');
    new ICAL.Component(ICAL.parse(text));
  });
});

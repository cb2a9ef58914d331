import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { attachments } from '@/platform/db/schema';
import type { FileStore } from '@/platform/files/store';
import { localFileStore } from '@/platform/files/local';
import { createTestContext, type TestContext } from '../helpers/app';
import { bearerFor, sessionFor } from '../helpers/auth';
import { pdfSaying, postUpload, startS3 } from '../helpers/files';
import { makeEvent } from './registrations-fixtures';
import { seedMunicipalitiesOnly } from './documents-fixtures';
import { mkdtemp, rm } from 'node:fs/promises';
import sharp from 'sharp';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The same attachment suite against the local directory and a real S3-compatible server
 * (s3rver over HTTP): upload, the download's headers (filename*, nosniff, ETag, ranges, 304),
 * unpublished privacy, deletion from the store.
 */

type Backend = { name: string; open(): Promise<{ store: FileStore; close(): Promise<void> }> };

const backends: Backend[] = [
  {
    name: 'local directory',
    open: async () => {
      const dir = await mkdtemp(join(tmpdir(), 'koda-files-'));
      return { store: localFileStore(dir), close: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  { name: 'S3-compatible server', open: startS3 },
];

describe.each(backends)('documents kept in a $name', (backend) => {
  let ctx: TestContext;
  let closeStore: () => Promise<void>;
  let keila: string;
  let keilaPage: string;
  let store: FileStore;

  beforeAll(async () => {
    const opened = await backend.open();
    store = opened.store;
    closeStore = opened.close;
    ctx = await createTestContext({ files: store });
    await seedMunicipalitiesOnly(ctx);
    keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
    keilaPage = await sessionFor(ctx, { role: 'organizer', municipalities: ['keila'] });
  });
  afterAll(async () => {
    await ctx?.close();
    await closeStore?.();
  });

  it('an uploaded PDF downloads byte for byte, with its headers, a 304 and byte ranges', async () => {
    const event = await makeEvent(ctx);
    const pdf = await pdfSaying('Mõttekoja päevakava', 'Rattateed ja ühistransport');
    const res = await postUpload(
      ctx,
      `/api/v1/events/${event.slug}/attachments`,
      {
        file: {
          bytes: pdf,
          name: 'C:\\Users\\mari\\Mõttekoja päevakava: lõplik?.exe',
          type: 'text/html',
        },
        fields: { title: 'Päevakava', kind: 'agenda' },
      },
      { authorization: keila },
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      title: 'Päevakava',
      kind: 'agenda',
      contentType: 'application/pdf',
      size: pdf.byteLength,
      published: true,
    });
    // The type is the content's; the name is cut to its last part and given the type's extension.
    const url = new URL(String(body.url));
    expect(decodeURIComponent(url.pathname)).toBe(
      `/files/${body.id}/Mõttekoja päevakava lõplik.pdf`,
    );

    const download = await ctx.app.request(url.pathname);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('accept-ranges')).toBe('bytes');
    expect(download.headers.get('content-disposition')).toBe(
      `inline; filename="Mottekoja paevakava loplik.pdf"; filename*=UTF-8''M%C3%B5ttekoja%20p%C3%A4evakava%20l%C3%B5plik.pdf`,
    );
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(bytes).toEqual(pdf);
    const text = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    expect(text.text).toContain('Rattateed');

    const etag = download.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f-]{36}"$/);
    const again = await ctx.app.request(url.pathname, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);

    // A download resumes: bytes 100 on, then the last 10, then a range past the end.
    const rest = await ctx.app.request(url.pathname, { headers: { range: 'bytes=100-' } });
    expect(rest.status).toBe(206);
    expect(rest.headers.get('content-range')).toBe(
      `bytes 100-${pdf.byteLength - 1}/${pdf.byteLength}`,
    );
    expect(new Uint8Array(await rest.arrayBuffer())).toEqual(pdf.subarray(100));
    const tail = await ctx.app.request(url.pathname, { headers: { range: 'bytes=-10' } });
    expect(tail.status).toBe(206);
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(pdf.subarray(pdf.byteLength - 10));
    const stale = await ctx.app.request(url.pathname, {
      headers: { range: 'bytes=0-9', 'if-range': '"another"' },
    });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
    const past = await ctx.app.request(url.pathname, {
      headers: { range: `bytes=${pdf.byteLength}-` },
    });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${pdf.byteLength}`);

    const listed = await ctx.app.request(`/api/v1/events/${event.slug}/attachments`);
    expect(((await listed.json()) as { items: { id: number }[] }).items.map((i) => i.id)).toEqual([
      body.id,
    ]);
    // The event's own answer lists its published documents as the upload answered them.
    const shown = await ctx.app.request(`/api/v1/events/${event.slug}`);
    expect(((await shown.json()) as { attachments: unknown[] }).attachments).toEqual([body]);
  });

  it('an unpublished file is 404 for the public and served to its organizers; deleting it empties the store', async () => {
    const event = await makeEvent(ctx);
    const res = await postUpload(
      ctx,
      `/api/v1/events/${event.slug}/attachments`,
      {
        file: { bytes: 'nimi;aadress\nMari;Keila\n', name: 'osalejad.csv' },
        fields: { title: 'Osalejad', published: 'false' },
      },
      { authorization: keila },
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const body = (await res.json()) as { id: number; url: string; contentType: string };
    expect(body.contentType).toBe('text/csv');
    const path = new URL(body.url).pathname;
    expect((await ctx.app.request(path)).status).toBe(404);
    const listed = await ctx.app.request(`/api/v1/events/${event.slug}/attachments`);
    expect(((await listed.json()) as { items: unknown[] }).items).toEqual([]);
    const shown = await ctx.app.request(`/api/v1/events/${event.slug}`);
    expect(((await shown.json()) as { attachments: unknown[] }).attachments).toEqual([]);
    const organizer = await ctx.app.request(path, { headers: { cookie: keilaPage } });
    expect(organizer.status).toBe(200);
    // CSV is downloaded, never shown: no page of it can run anything.
    expect(organizer.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(organizer.headers.get('cache-control')).toContain('private');
    expect(await organizer.text()).toBe('nimi;aadress\nMari;Keila\n');

    const [row] = await ctx.deps.db.select().from(attachments).where(eq(attachments.id, body.id));
    expect(await store.head(row!.storageKey!)).toEqual({ size: 24 });
    const deleted = await ctx.app.request(`/api/v1/attachments/${body.id}`, {
      method: 'DELETE',
      headers: { authorization: keila },
    });
    expect(deleted.status).toBe(204);
    expect(await store.head(row!.storageKey!)).toBeNull();
    expect((await ctx.app.request(path, { headers: { cookie: keilaPage } })).status).toBe(404);
  });
  it('an image gets a resized preview, kept in the store beside it, with its ETag and 304; deleting the image deletes both', async () => {
    const event = await makeEvent(ctx);
    const png = await sharp({
      create: { width: 2000, height: 1000, channels: 3, background: '#2a6f97' },
    })
      .png()
      .toBuffer();
    const res = await postUpload(
      ctx,
      `/api/v1/events/${event.slug}/attachments`,
      {
        file: { bytes: new Uint8Array(png), name: 'mõttekoda.png' },
        fields: { title: 'Laud', kind: 'photo' },
      },
      { authorization: keila },
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: number };
    const [row] = await ctx.deps.db.select().from(attachments).where(eq(attachments.id, id));
    const key = row!.storageKey!;

    const preview = await ctx.app.request(`/files/${id}/preview?w=640`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('image/webp');
    expect(preview.headers.get('x-content-type-options')).toBe('nosniff');
    const etag = preview.headers.get('etag');
    expect(etag).toBe(`"${key.slice('attachments/'.length)}-w640"`);
    const bytes = new Uint8Array(await preview.arrayBuffer());
    expect(await sharp(bytes).metadata()).toMatchObject({
      format: 'webp',
      width: 640,
      height: 320,
    });
    expect(bytes.byteLength).toBeLessThan(png.byteLength);
    // Kept in the store: the next request is served from there, byte for byte.
    expect(await store.head(`${key}.w640.webp`)).toEqual({ size: bytes.byteLength });
    const kept = await ctx.app.request(`/files/${id}/preview?w=640`);
    expect(new Uint8Array(await kept.arrayBuffer())).toEqual(bytes);
    const same = await ctx.app.request(`/files/${id}/preview?w=640`, {
      headers: { 'if-none-match': etag! },
    });
    expect(same.status).toBe(304);
    // Any other width asked for is one of the few made: never larger than the image itself.
    const large = await ctx.app.request(`/files/${id}/preview?w=5000`);
    expect((await sharp(new Uint8Array(await large.arrayBuffer())).metadata()).width).toBe(1280);
    expect(await store.head(`${key}.w1280.webp`)).not.toBeNull();

    const deleted = await ctx.app.request(`/api/v1/attachments/${id}`, {
      method: 'DELETE',
      headers: { authorization: keila },
    });
    expect(deleted.status).toBe(204);
    for (const gone of [key, `${key}.w640.webp`, `${key}.w1280.webp`]) {
      expect(await store.head(gone), gone).toBeNull();
    }
    expect((await ctx.app.request(`/files/${id}/preview?w=640`)).status).toBe(404);
  });

  it('deleting an outcome note, a plan item or a plan deletes their files from the store at once', async () => {
    const json = (body: unknown) => ({
      method: 'POST',
      headers: { authorization: keila, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const plan = (await (
      await ctx.app.request(
        '/api/v1/municipalities/keila/plans',
        json({ title: 'Tegevuskava', periodStart: '2027-01-01', periodEnd: '2028-12-31' }),
      )
    ).json()) as { id: number };
    const items: { id: number }[] = [];
    for (const title of ['Rattateed', 'Bussiootepaviljonid']) {
      const created = await ctx.app.request(`/api/v1/plans/${plan.id}/items`, json({ title }));
      expect(created.status).toBe(201);
      items.push((await created.json()) as { id: number });
    }
    const event = await makeEvent(ctx);
    const outcome = (await (
      await ctx.app.request(
        `/api/v1/events/${event.slug}/outcomes`,
        json({ kind: 'minutes', title: 'Protokoll', body: 'Arutati.' }),
      )
    ).json()) as { id: number };
    const keyOf = async (path: string): Promise<string> => {
      const res = await postUpload(
        ctx,
        `/api/v1${path}/attachments`,
        { file: { bytes: `Fail: ${path}`, name: 'fail.txt' }, fields: { title: path } },
        { authorization: keila },
      );
      expect(res.status, await res.clone().text()).toBe(201);
      const { id } = (await res.json()) as { id: number };
      const [row] = await ctx.deps.db.select().from(attachments).where(eq(attachments.id, id));
      return row!.storageKey!;
    };
    const outcomeKey = await keyOf(`/outcomes/${outcome.id}`);
    const planKey = await keyOf(`/plans/${plan.id}`);
    const firstItemKey = await keyOf(`/plan-items/${items[0]!.id}`);
    const secondItemKey = await keyOf(`/plan-items/${items[1]!.id}`);
    const remove = (path: string) =>
      ctx.app.request(`/api/v1${path}`, { method: 'DELETE', headers: { authorization: keila } });

    expect((await remove(`/outcomes/${outcome.id}`)).status).toBe(204);
    expect(await store.head(outcomeKey)).toBeNull();
    expect(await store.head(planKey)).not.toBeNull();

    expect((await remove(`/plan-items/${items[1]!.id}`)).status).toBe(204);
    expect(await store.head(secondItemKey)).toBeNull();
    expect(await store.head(firstItemKey)).not.toBeNull();

    // The plan takes its own documents and its remaining item's with it.
    expect((await remove(`/plans/${plan.id}`)).status).toBe(204);
    expect(await store.head(planKey)).toBeNull();
    expect(await store.head(firstItemKey)).toBeNull();
  });
});

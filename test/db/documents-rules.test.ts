import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { runPurgeJob } from '@/jobs';
import { zipSync, strToU8 } from 'fflate';
import { eq } from 'drizzle-orm';
import { attachments, searchDocuments } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { authorizationCases, bearerFor } from '../helpers/auth';
import { pdfSaying, postUpload } from '../helpers/files';
import { makeEvent } from './registrations-fixtures';
import { seedMunicipalitiesOnly } from './documents-fixtures';

/**
 * What an upload may be: 413 over MAX_UPLOAD_BYTES (as soon as it is known, without reading or
 * holding the rest), 415 for a type Koda does not keep (decided from the content), who may
 * write, and the words of a PDF and an OOXML file kept for search.
 */

let ctx: TestContext;
let keila: string;
const MAX = 1_000_000;

beforeAll(async () => {
  ctx = await createTestContext({ config: { MAX_UPLOAD_BYTES: String(MAX) } });
  await seedMunicipalitiesOnly(ctx);
  keila = await bearerFor(ctx, { role: 'organizer', municipalities: ['keila'] });
});
afterAll(() => ctx.close());

/** A stream of `total` bytes of 'a' in 64 KiB chunks, counting what is pulled from it. */
function endlessBody(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(97);
  const state = { pulled: 0 };
  const boundary = 'kodaboundary';
  const head = new TextEncoder().encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nSuur\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="suur.txt"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  let sentHead = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sentHead) {
        sentHead = true;
        controller.enqueue(head);
        return;
      }
      if (state.pulled >= total) {
        controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
        controller.close();
        return;
      }
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, state, type: `multipart/form-data; boundary=${boundary}` };
}

async function storedFiles(): Promise<string[]> {
  try {
    return await readdir(ctx.filesDir, { recursive: true });
  } catch {
    return [];
  }
}

describe('uploads too large or of a refused type', () => {
  it('a 200 MB upload is refused (413) once the limit is passed, reading little more and holding none of it', async () => {
    const event = await makeEvent(ctx);
    const body = endlessBody(200 * 1024 * 1024);
    global.gc?.();
    const before = process.memoryUsage();
    let peak = 0;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peak = Math.max(
        peak,
        now.heapUsed + now.arrayBuffers - before.heapUsed - before.arrayBuffers,
      );
    }, 5);
    const res = await ctx.app.request(`/api/v1/events/${event.slug}/attachments`, {
      method: 'POST',
      headers: { authorization: keila, 'content-type': body.type },
      body: body.stream,
      // @ts-expect-error -- Node's fetch needs this for a streamed request body
      duplex: 'half',
    });
    clearInterval(sampler);
    expect(res.status).toBe(413);
    const answer = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(answer.error.code).toBe('payload_too_large');
    expect(answer.error.details[0]?.path).toBe('file');
    // The limit is 1 MB: a few chunks past it are read, never the 200 MB.
    expect(body.state.pulled).toBeLessThan(MAX + 4 * 1024 * 1024);
    expect(peak).toBeLessThan(16 * 1024 * 1024);
    expect(await ctx.deps.db.select().from(attachments)).toEqual([]);
    expect((await storedFiles()).filter((name) => name.includes('-'))).toEqual([]);
  });

  it('a declared Content-Length over the limit is refused before the body is read', async () => {
    const event = await makeEvent(ctx);
    const body = endlessBody(200 * 1024 * 1024);
    const res = await ctx.app.request(`/api/v1/events/${event.slug}/attachments`, {
      method: 'POST',
      headers: {
        authorization: keila,
        'content-type': body.type,
        'content-length': String(200 * 1024 * 1024),
      },
      body: body.stream,
      // @ts-expect-error -- Node's fetch needs this for a streamed request body
      duplex: 'half',
    });
    expect(res.status).toBe(413);
    expect(body.state.pulled).toBe(0);
  });

  it.each([
    [
      'a Windows program named .pdf',
      new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]),
      'kava.pdf',
    ],
    ['an HTML page named .txt', '<!DOCTYPE html><html><body><script>alert(1)</script>', 'kava.txt'],
    ['a ZIP archive', zipSync({ 'a.txt': strToU8('tere') }), 'kava.zip'],
    ['binary noise', new Uint8Array([0, 1, 2, 3, 255, 254, 0, 0]), 'kava.csv'],
  ])('%s is refused with 415, nothing kept', async (_name, bytes, name) => {
    const event = await makeEvent(ctx);
    const res = await postUpload(
      ctx,
      `/api/v1/events/${event.slug}/attachments`,
      { file: { bytes, name, type: 'application/pdf' }, fields: { title: 'Kava' } },
      { authorization: keila },
    );
    expect(res.status, await res.clone().text()).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'unsupported_media_type',
    );
    expect(
      await ctx.deps.db.select().from(attachments).where(eq(attachments.eventId, event.id)),
    ).toEqual([]);
  });

  it('a form without title, or with both a file and a link, is 422 naming the field; nothing kept', async () => {
    const event = await makeEvent(ctx);
    const path = `/api/v1/events/${event.slug}/attachments`;
    const untitled = await postUpload(
      ctx,
      path,
      { file: { bytes: 'tere', name: 'a.txt' } },
      { authorization: keila },
    );
    expect(untitled.status).toBe(422);
    expect(JSON.stringify(await untitled.json())).toContain('"path":"title"');
    const both = await postUpload(
      ctx,
      path,
      {
        file: { bytes: 'tere', name: 'a.txt' },
        fields: { title: 'A', url: 'https://example.ee/a.pdf' },
      },
      { authorization: keila },
    );
    expect(both.status).toBe(422);
    expect(JSON.stringify(await both.json())).toContain('"path":"file"');
    expect(
      await ctx.deps.db.select().from(attachments).where(eq(attachments.eventId, event.id)),
    ).toEqual([]);
    expect((await storedFiles()).filter((name) => name.includes('-'))).toEqual([]);
  });
});

describe('who may attach and delete', () => {
  it('POST /events/:slug/attachments and DELETE /attachments/:id: its organizers and admins, with the events scope', async () => {
    const event = await makeEvent(ctx);
    for (const c of await authorizationCases(ctx, 'keila', 'tartu', [201], 'events')) {
      const res = await postUpload(
        ctx,
        `/api/v1/events/${event.slug}/attachments`,
        { fields: { title: `Link of ${c.who}`, url: 'https://example.ee/kava.pdf' } },
        { authorization: c.authorization },
      );
      expect(res.status, c.who).toBeOneOf(c.expected);
    }
    for (const c of await authorizationCases(ctx, 'keila', 'tartu', [204], 'events')) {
      const link = (await (
        await postUpload(
          ctx,
          `/api/v1/events/${event.slug}/attachments`,
          { fields: { title: 'To delete', url: 'https://example.ee/x' } },
          { authorization: keila },
        )
      ).json()) as { id: number };
      const headers: Record<string, string> = c.authorization
        ? { authorization: c.authorization }
        : {};
      const res = await ctx.app.request(`/api/v1/attachments/${link.id}`, {
        method: 'DELETE',
        headers,
      });
      expect(res.status, c.who).toBeOneOf(c.expected);
    }
  });

  it('POST /plans/:id/attachments, /plan-items/:id/attachments and /outcomes/:id/attachments: with the plans scope', async () => {
    const plan = (await (
      await ctx.app.request('/api/v1/municipalities/keila/plans', {
        method: 'POST',
        headers: { authorization: keila, 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Tegevuskava',
          periodStart: '2027-01-01',
          periodEnd: '2028-12-31',
        }),
      })
    ).json()) as { id: number };
    const item = (await (
      await ctx.app.request(`/api/v1/plans/${plan.id}/items`, {
        method: 'POST',
        headers: { authorization: keila, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Rattateed' }),
      })
    ).json()) as { id: number };
    const event = await makeEvent(ctx);
    const outcome = (await (
      await ctx.app.request(`/api/v1/events/${event.slug}/outcomes`, {
        method: 'POST',
        headers: { authorization: keila, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'minutes', title: 'Protokoll', body: 'Arutati.' }),
      })
    ).json()) as { id: number };
    for (const path of [`/plans/${plan.id}`, `/plan-items/${item.id}`, `/outcomes/${outcome.id}`]) {
      for (const c of await authorizationCases(ctx, 'keila', 'tartu', [201], 'plans')) {
        const res = await postUpload(
          ctx,
          `/api/v1${path}/attachments`,
          { fields: { title: `By ${c.who}`, url: 'https://example.ee/kava.pdf' } },
          { authorization: c.authorization },
        );
        expect(res.status, `${path} ${c.who}`).toBeOneOf(c.expected);
      }
    }
  });
});

describe('words kept for search', () => {
  it('a PDF’s and a Word file’s words are in the search table', async () => {
    const event = await makeEvent(ctx);
    const pdf = await pdfSaying('Kergliiklusteede arengukava', 'Jalgratturite ohutus');
    const docx = zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      'word/document.xml': strToU8(
        '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Noorte&amp;volikogu ettepanekud</w:t></w:r></w:p></w:body></w:document>',
      ),
    });
    for (const [bytes, name] of [
      [pdf, 'arengukava.pdf'],
      [docx, 'ettepanekud.docx'],
    ] as const) {
      const res = await postUpload(
        ctx,
        `/api/v1/events/${event.slug}/attachments`,
        { file: { bytes, name }, fields: { title: name } },
        { authorization: keila },
      );
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const rows = await ctx.deps.db
      .select({
        title: searchDocuments.title,
        body: searchDocuments.body,
        url: searchDocuments.url,
      })
      .from(searchDocuments)
      .where(eq(searchDocuments.kind, 'document'));
    expect(rows.find((row) => row.title === 'arengukava.pdf')?.body).toContain(
      'Jalgratturite ohutus',
    );
    expect(rows.find((row) => row.title === 'ettepanekud.docx')?.body).toContain(
      'Noorte&volikogu ettepanekud',
    );
    expect(rows.find((row) => row.title === 'ettepanekud.docx')?.url).toMatch(
      /^\/files\/\d+\/ettepanekud\.docx$/,
    );
  });
});

describe('the daily sweep', () => {
  it('removes stored objects no row names once a day old, and keeps the rest', async () => {
    const event = await makeEvent(ctx);
    const kept = await postUpload(
      ctx,
      `/api/v1/events/${event.slug}/attachments`,
      { file: { bytes: 'pidev', name: 'pidev.txt' }, fields: { title: 'Pidev' } },
      { authorization: keila },
    );
    expect(kept.status).toBe(201);
    const body = () => new Blob(['orb']).stream();
    await ctx.deps.files.put('attachments/orphan-old', body(), 'text/plain');
    await ctx.deps.files.put('attachments/orphan-new', body(), 'text/plain');
    const dir = ctx.filesDir;
    const longAgo = new Date(ctx.clock.now().getTime() - 2 * 24 * 60 * 60 * 1000);
    const newer = new Date(ctx.clock.now().getTime() - 60 * 60 * 1000);
    await utimes(join(dir, 'attachments', 'orphan-old'), longAgo, longAgo);
    await utimes(join(dir, 'attachments', 'orphan-new'), newer, newer);
    for (const file of await readdir(join(dir, 'attachments'))) {
      if (!file.startsWith('orphan'))
        await utimes(join(dir, 'attachments', file), longAgo, longAgo);
    }
    await runPurgeJob(ctx.deps);
    expect(await ctx.deps.files.head('attachments/orphan-old')).toBeNull();
    expect(await ctx.deps.files.head('attachments/orphan-new')).not.toBeNull();
    const [row] = await ctx.deps.db
      .select()
      .from(attachments)
      .where(eq(attachments.eventId, event.id));
    expect(await ctx.deps.files.head(row!.storageKey!)).not.toBeNull();
  });
});

describe('files that could run in a browser', () => {
  it('an SVG is kept but only ever downloaded, under a sandboxing policy', async () => {
    const event = await makeEvent(ctx);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const res = await postUpload(
      ctx,
      `/api/v1/events/${event.slug}/attachments`,
      {
        file: { bytes: svg, name: 'joonis.svg', type: 'image/svg+xml' },
        fields: { title: 'Joonis' },
      },
      { authorization: keila },
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const { url } = (await res.json()) as { url: string };
    const download = await ctx.app.request(new URL(url).pathname);
    expect(download.headers.get('content-type')).toBe('image/svg+xml');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(download.headers.get('content-security-policy')).toContain('sandbox');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

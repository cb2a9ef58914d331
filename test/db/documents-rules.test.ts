import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { runPurgeJob } from '@/jobs';
import { zipSync, strToU8 } from 'fflate';
import sharp from 'sharp';
import { createApp } from '@/app';
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

describe('the lists of a plan’s, an item’s and an outcome note’s documents', () => {
  it('GET answers the published ones to anyone once the owner is public, all of them to its organizers; a draft plan is 404 for the public', async () => {
    const json = (method: string, body: unknown) => ({
      method,
      headers: { authorization: keila, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const plan = (await (
      await ctx.app.request(
        '/api/v1/municipalities/keila/plans',
        json('POST', { title: 'Kava', periodStart: '2027-01-01', periodEnd: '2027-12-31' }),
      )
    ).json()) as { id: number };
    const item = (await (
      await ctx.app.request(`/api/v1/plans/${plan.id}/items`, json('POST', { title: 'Pingid' }))
    ).json()) as { id: number };
    const event = await makeEvent(ctx);
    const outcome = (await (
      await ctx.app.request(
        `/api/v1/events/${event.slug}/outcomes`,
        json('POST', { kind: 'minutes', title: 'Protokoll', body: 'Arutati.', published: true }),
      )
    ).json()) as { id: number };
    const paths = [`/plans/${plan.id}`, `/plan-items/${item.id}`, `/outcomes/${outcome.id}`];
    for (const path of paths) {
      for (const [title, published] of [
        ['Avalik', 'true'],
        ['Peidetud', 'false'],
      ]) {
        const res = await postUpload(
          ctx,
          `/api/v1${path}/attachments`,
          { fields: { title: title!, url: 'https://example.ee/kava.pdf', published: published! } },
          { authorization: keila },
        );
        expect(res.status, await res.clone().text()).toBe(201);
      }
    }
    const titles = async (path: string, authorization?: string) => {
      const res = await ctx.app.request(`/api/v1${path}/attachments`, {
        headers: authorization ? { authorization } : {},
      });
      if (res.status !== 200) return res.status;
      return ((await res.json()) as { items: { title: string }[] }).items.map((i) => i.title);
    };
    // The plan is a draft: its documents and its items' are its organizers' alone.
    expect(await titles(paths[0]!)).toBe(404);
    expect(await titles(paths[1]!)).toBe(404);
    expect(await titles(paths[0]!, keila)).toEqual(['Avalik', 'Peidetud']);
    expect(await titles(paths[2]!)).toEqual(['Avalik']);
    expect(
      (await ctx.app.request(`/api/v1/plans/${plan.id}`, json('PATCH', { status: 'adopted' })))
        .status,
    ).toBe(200);
    for (const path of paths) {
      expect(await titles(path), path).toEqual(['Avalik']);
      expect(await titles(path, keila), path).toEqual(['Avalik', 'Peidetud']);
    }
    expect(await titles('/plan-items/999999')).toBe(404);
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

describe('words of OpenDocument and Office files', () => {
  /** An OpenDocument package: its `mimetype` first and stored, as file-type and office suites expect. */
  const odf = (mimetype: string, content: string) =>
    zipSync({
      mimetype: [strToU8(mimetype), { level: 0 }],
      'META-INF/manifest.xml': strToU8(
        `<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
      ),
      'content.xml': strToU8(
        `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body>${content}</office:body></office:document-content>`,
      ),
    });
  const ooxml = (main: string, parts: Record<string, string>) =>
    zipSync({
      '[Content_Types].xml': strToU8(
        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="${main}" ContentType="application/vnd.openxmlformats-officedocument.${main.startsWith('/ppt') ? 'presentationml.presentation' : 'spreadsheetml.sheet'}.main+xml"/></Types>`,
      ),
      ...Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)])),
    });

  it('an ODF text, a PowerPoint and an Excel file have their type decided and their words kept for search', async () => {
    const event = await makeEvent(ctx);
    const files = [
      {
        name: 'kokkuvõte.odt',
        type: 'application/vnd.oasis.opendocument.text',
        bytes: odf(
          'application/vnd.oasis.opendocument.text',
          '<office:text><text:h>Kokkuvõte</text:h><text:p>Elanikud<text:s/>soovivad&#x20;ööbussi</text:p></office:text>',
        ),
        words: ['Kokkuvõte', 'Elanikud soovivad ööbussi'],
      },
      {
        name: 'slaidid.pptx',
        type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        bytes: ooxml('/ppt/presentation.xml', {
          'ppt/presentation.xml': '<p:presentation xmlns:p="p"/>',
          'ppt/slides/slide1.xml':
            '<p:sld xmlns:p="p" xmlns:a="a"><a:p><a:r><a:t>Haljastuse tööplaan</a:t></a:r></a:p></p:sld>',
          'ppt/slides/slide2.xml':
            '<p:sld xmlns:p="p" xmlns:a="a"><a:p><a:r><a:t>Pargipinkide &lt;arv&gt;</a:t></a:r></a:p></p:sld>',
        }),
        words: ['Haljastuse tööplaan', 'Pargipinkide <arv>'],
      },
      {
        name: 'eelarve.xlsx',
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        bytes: ooxml('/xl/workbook.xml', {
          'xl/workbook.xml': '<workbook xmlns="x"/>',
          'xl/sharedStrings.xml':
            '<sst xmlns="x"><si><t>Tänavavalgustus</t></si><si><t>Mänguväljakud</t></si></sst>',
        }),
        words: ['Tänavavalgustus', 'Mänguväljakud'],
      },
    ];
    for (const file of files) {
      const res = await postUpload(
        ctx,
        `/api/v1/events/${event.slug}/attachments`,
        { file: { bytes: file.bytes, name: file.name }, fields: { title: file.name } },
        { authorization: keila },
      );
      expect(res.status, await res.clone().text()).toBe(201);
      expect(((await res.json()) as { contentType: string }).contentType, file.name).toBe(
        file.type,
      );
      const [row] = await ctx.deps.db
        .select({ body: searchDocuments.body })
        .from(searchDocuments)
        .where(eq(searchDocuments.title, file.name));
      for (const words of file.words) expect(row?.body, file.name).toContain(words);
    }
  });

  it('a PDF uploaded through the API is found by its words on /search and /api/v1/search', async () => {
    const event = await makeEvent(ctx);
    const pdf = await pdfSaying('Kogukonnaaia kastmiskava', 'Vihmaveemahutid kevadeks');
    const res = await postUpload(
      ctx,
      `/api/v1/events/${event.slug}/attachments`,
      { file: { bytes: pdf, name: 'kastmiskava.pdf' }, fields: { title: 'Aia kava' } },
      { authorization: keila },
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const { url } = (await res.json()) as { url: string };
    const path = new URL(url).pathname;

    // A word of the PDF only (not of its title or the event), in another form of it.
    const api = await ctx.app.request('/api/v1/search?q=vihmaveemahuti');
    expect(api.status).toBe(200);
    const found = (await api.json()) as { results: { kind: string; title: string; url: string }[] };
    expect(found.results).toContainEqual(
      expect.objectContaining({ kind: 'document', title: 'Aia kava' }),
    );
    expect(found.results.find((result) => result.kind === 'document')?.url).toContain(path);

    const html = await (await ctx.app.request('/search?q=vihmaveemahutid')).text();
    expect(html).toContain(`href="${path}"`);
    expect(html).toContain('Aia kava');
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

  it('keeps a kept file’s previews and removes an orphan’s, once a day old', async () => {
    const event = await makeEvent(ctx);
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    const res = await postUpload(
      ctx,
      `/api/v1/events/${event.slug}/attachments`,
      {
        file: { bytes: new Uint8Array(png), name: 'foto.png' },
        fields: { title: 'Foto', kind: 'photo' },
      },
      { authorization: keila },
    );
    const { id } = (await res.json()) as { id: number };
    expect((await ctx.app.request(`/files/${id}/preview?w=320`)).status).toBe(200);
    const [row] = await ctx.deps.db.select().from(attachments).where(eq(attachments.id, id));
    const kept = `${row!.storageKey!}.w320.webp`;
    expect(await ctx.deps.files.head(kept)).not.toBeNull();
    const orphan = 'attachments/0b7e5a4e-0000-4000-8000-000000000000.w640.webp';
    await ctx.deps.files.put(orphan, new Blob(['orb']).stream(), 'image/webp');
    const longAgo = new Date(ctx.clock.now().getTime() - 2 * 24 * 60 * 60 * 1000);
    for (const file of await readdir(join(ctx.filesDir, 'attachments'))) {
      await utimes(join(ctx.filesDir, 'attachments', file), longAgo, longAgo);
    }
    await runPurgeJob(ctx.deps);
    expect(await ctx.deps.files.head(kept)).not.toBeNull();
    expect(await ctx.deps.files.head(orphan)).toBeNull();
  });
});

describe('image previews', () => {
  it('without a resizer (a Worker) the original image is served; a file that is no image has none', async () => {
    const event = await makeEvent(ctx);
    const png = new Uint8Array(
      await sharp({ create: { width: 900, height: 600, channels: 3, background: '#456' } })
        .png()
        .toBuffer(),
    );
    const upload = async (bytes: Uint8Array | string, name: string) => {
      const res = await postUpload(
        ctx,
        `/api/v1/events/${event.slug}/attachments`,
        { file: { bytes, name }, fields: { title: name, kind: 'photo' } },
        { authorization: keila },
      );
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as { id: number }).id;
    };
    const photo = await upload(png, 'foto.png');
    const { images: _none, ...workerDeps } = ctx.deps;
    const worker = createApp(workerDeps);
    const original = await worker.request(`/files/${photo}/preview?w=320`);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await original.arrayBuffer())).toEqual(png);

    const svg = await upload('<svg xmlns="http://www.w3.org/2000/svg"/>', 'joonis.svg');
    const text = await upload('Lihtsalt tekst', 'tekst.txt');
    for (const id of [svg, text]) {
      expect((await ctx.app.request(`/files/${id}/preview`)).status).toBe(404);
    }
    // Bytes that claim to be a PNG but are none: the original, not a 500.
    const broken = new Uint8Array([...png.subarray(0, 64), ...new Uint8Array(200)]);
    const brokenId = await upload(broken, 'katki.png');
    const served = await ctx.app.request(`/files/${brokenId}/preview`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
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

import { Hono } from 'hono';
import type { AppEnv } from '@/platform/deps';
import { isNotModified } from '@/platform/http/conditional';
import { notFound } from '@/platform/http/errors';
import { pathId } from '@/platform/http/forms';
import type { Deps } from '@/platform/deps';
import { loggableError } from '@/platform/log';
import {
  contentDisposition,
  parseRange,
  PREVIEWABLE,
  previewKey,
  previewWidth,
  servedInline,
  type PreviewWidth,
} from './rules';
import { ATTACHMENT_PREFIX, visibleAttachment, type AttachmentRow } from './service';

/** How long a public file may be reused without asking (an unpublished one is gone this late). */
const PUBLIC_MAX_AGE = 300;

/**
 * `/files/:id/:filename`: a stored document, streamed from the store whatever it is (no
 * redirect to the store). A file's bytes never change (a new upload is a new id), so its ETag
 * is its key; 304 for a current copy, 206 for one byte range, 416 for a range past the end.
 * Unpublished files (or files of a draft) are 404 but for their organizers.
 */
export function downloadRoutes() {
  const routes = new Hono<AppEnv>();
  /** Previews being made, by key: the requests that arrive meanwhile wait for the same one. */
  const making = new Map<string, Promise<Uint8Array | null>>();

  /**
   * `/files/:id/preview?w=320|640|1280`: an image's resized copy (WebP), made on first request
   * and kept in the store beside the file. Where there is no resizer (a Worker) or the image
   * cannot be resized, the original is served. Only images (PNG, JPEG, GIF, WebP) have one.
   */
  routes.get('/files/:id/preview', async (c) => {
    const deps = c.get('deps');
    const { row, isPublic } = await visibleAttachment(deps.db, pathId(c), c.get('user'));
    const { storageKey, contentType, size } = row;
    if (!storageKey || !contentType || size === null || !PREVIEWABLE.has(contentType)) {
      throw notFound('This file has no preview');
    }
    const width = previewWidth(c.req.query('w'));
    const key = previewKey(storageKey, width);
    const etag = `"${storageKey.slice(ATTACHMENT_PREFIX.length)}-w${width}"`;
    const headers: Record<string, string> = {
      ETag: etag,
      'Last-Modified': row.createdAt.toUTCString(),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': isPublic ? `public, max-age=${PUBLIC_MAX_AGE}` : 'private, no-cache',
    };
    const request = {
      ifNoneMatch: c.req.header('if-none-match'),
      ifModifiedSince: c.req.header('if-modified-since'),
    };
    if (isNotModified(request, { etag, lastModified: row.createdAt })) {
      return c.body(null, 304, headers);
    }
    const kept = deps.images ? await deps.files.get(key) : null;
    if (kept) {
      return c.body(kept.body, 200, {
        ...headers,
        'Content-Type': 'image/webp',
        'Content-Length': String(kept.size),
      });
    }
    let made = making.get(key);
    if (!made) {
      made = makePreview(deps, row, storageKey, key, width).finally(() => making.delete(key));
      making.set(key, made);
    }
    const bytes = await made;
    if (bytes) {
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        ...headers,
        'Content-Type': 'image/webp',
        'Content-Length': String(bytes.byteLength),
      });
    }
    // No preview to be had: the image itself (an image's ETag differs from its preview's).
    const original = await deps.files.get(storageKey);
    if (!original) throw notFound('The stored file is missing');
    return c.body(original.body, 200, {
      ...headers,
      ETag: `"${storageKey.slice(ATTACHMENT_PREFIX.length)}"`,
      'Content-Type': contentType,
      'Content-Length': String(original.size),
    });
  });

  routes.get('/files/:id/:filename', async (c) => {
    const { db, files } = c.get('deps');
    const { row, isPublic } = await visibleAttachment(db, pathId(c), c.get('user'));
    const { storageKey, filename, contentType, size } = row;
    if (!storageKey || !filename || !contentType || size === null) throw notFound();
    const etag = `"${storageKey.slice(ATTACHMENT_PREFIX.length)}"`;
    const inline = servedInline(contentType);
    const headers: Record<string, string> = {
      ETag: etag,
      'Last-Modified': row.createdAt.toUTCString(),
      'Accept-Ranges': 'bytes',
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', filename),
      // no-transform: the bytes go out as stored (and ranges stay ranges of them).
      'Cache-Control': isPublic
        ? `public, max-age=${PUBLIC_MAX_AGE}, no-transform`
        : 'private, no-cache, no-transform',
    };
    // A PDF needs the browser's viewer; anything else opens as a document that can run nothing.
    if (contentType !== 'application/pdf') {
      headers['Content-Security-Policy'] = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
    }
    const request = {
      ifNoneMatch: c.req.header('if-none-match'),
      ifModifiedSince: c.req.header('if-modified-since'),
    };
    if (isNotModified(request, { etag, lastModified: row.createdAt })) {
      return c.body(null, 304, headers);
    }
    const type = contentType.startsWith('text/') ? `${contentType}; charset=utf-8` : contentType;
    const ifRange = c.req.header('if-range');
    const range =
      ifRange === undefined || ifRange === etag
        ? parseRange(c.req.header('range'), size)
        : { kind: 'full' as const };
    if (range.kind === 'unsatisfiable') {
      return c.body(null, 416, { ...headers, 'Content-Range': `bytes */${size}` });
    }
    const part = range.kind === 'partial' ? { start: range.start, end: range.end } : undefined;
    const length = part ? part.end - part.start + 1 : size;
    const status = part ? 206 : 200;
    if (part) headers['Content-Range'] = `bytes ${part.start}-${part.end}/${size}`;
    headers['Content-Type'] = type;
    headers['Content-Length'] = String(length);
    if (c.req.method === 'HEAD') return c.body(null, status, headers);
    const stored = await files.get(storageKey, part);
    if (!stored) throw notFound('The stored file is missing');
    return c.body(stored.body, status, headers);
  });

  return routes;
}

/** Resizes a stored image and keeps the result under key; null when there is no resizer or it fails. */
async function makePreview(
  { files, images, log }: Pick<Deps, 'files' | 'images' | 'log'>,
  row: AttachmentRow,
  storageKey: string,
  key: string,
  width: PreviewWidth,
): Promise<Uint8Array | null> {
  if (!images) return null;
  const stored = await files.get(storageKey);
  if (!stored) return null;
  const original = new Uint8Array(await new Response(stored.body).arrayBuffer());
  const preview = await images.resize(original, width);
  if (!preview) {
    log.warn('image preview not made', { attachmentId: row.id, width });
    return null;
  }
  try {
    await files.put(
      key,
      new Blob([preview.bytes as Uint8Array<ArrayBuffer>]).stream(),
      preview.contentType,
    );
  } catch (error) {
    // Served all the same; the next request tries to keep it again.
    log.warn('image preview not kept', { attachmentId: row.id, ...loggableError(error) });
  }
  return preview.bytes;
}

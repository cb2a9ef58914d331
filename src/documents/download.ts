import { Hono } from 'hono';
import type { AppEnv } from '@/platform/deps';
import { isNotModified } from '@/platform/http/conditional';
import { notFound } from '@/platform/http/errors';
import { pathId } from '@/platform/http/forms';
import { contentDisposition, parseRange, servedInline } from './rules';
import { ATTACHMENT_PREFIX, visibleAttachment } from './service';

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

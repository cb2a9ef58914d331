import type { Context } from 'hono';

/**
 * HTTP conditional requests (RFC 9110 §13): strong ETags from what a response is made of, and the
 * 304 decision. Used by the calendar feeds, the Atom feeds and the plan calendars.
 */

/** A strong ETag: a hash of the parts a response is made of (its identity and versions). */
export async function strongEtag(parts: string[]): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('\n')));
  let hex = '';
  for (const byte of new Uint8Array(digest).slice(0, 20)) hex += byte.toString(16).padStart(2, '0');
  return `"${hex}"`;
}

/** True when the client's copy is current: If-None-Match wins; If-Modified-Since only without it. */
export function isNotModified(
  request: { ifNoneMatch?: string | undefined; ifModifiedSince?: string | undefined },
  current: { etag: string; lastModified: Date | null },
): boolean {
  if (request.ifNoneMatch !== undefined) {
    // Weak comparison (RFC 9110 §13.1.2): a proxy may have weakened our tag to W/"…".
    const tags = request.ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(current.etag);
  }
  if (request.ifModifiedSince !== undefined && current.lastModified) {
    const since = Date.parse(request.ifModifiedSince);
    if (Number.isNaN(since)) return false;
    return Math.floor(current.lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

/**
 * Answers a text whose ETag is the hash of the text itself (for small documents, cheap to
 * write): 304 when the client's copy is current, else the text with its validators.
 */
export async function answerWithValidators(
  c: Context,
  text: string,
  options: {
    lastModified: Date;
    cacheControl: string;
    contentType: string;
    headers?: Record<string, string>;
  },
): Promise<Response> {
  const etag = await strongEtag([text]);
  const headers = {
    ETag: etag,
    'Last-Modified': options.lastModified.toUTCString(),
    'Cache-Control': options.cacheControl,
    Vary: 'Accept-Language, Cookie',
    ...options.headers,
  };
  const request = {
    ifNoneMatch: c.req.header('if-none-match'),
    ifModifiedSince: c.req.header('if-modified-since'),
  };
  if (isNotModified(request, { etag, lastModified: options.lastModified })) {
    return c.body(null, 304, headers);
  }
  return c.body(text, 200, { ...headers, 'Content-Type': options.contentType });
}

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '@/platform/deps';

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

/** How long a public API read may be reused without asking (the embeds' web components read these). */
export const PUBLIC_READ_MAX_AGE = 60;

/**
 * Validators for the public reads of the API: a 200 that any origin may read (apiAccess answers
 * CORS `*` for exactly those) and that set no caching of its own gets a strong ETag of its body,
 * `Cache-Control: public, max-age=60` when anonymous (`private, no-cache` for a signed-in
 * caller, whose answer may hold more), and a 304 when If-None-Match names it. Mount it outside
 * apiAccess, so it sees the CORS headers.
 */
export function cachePublicReads(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return;
    const res = c.res;
    if (res.status !== 200 || res.headers.get('Access-Control-Allow-Origin') !== '*') return;
    if (res.headers.has('Cache-Control') || res.headers.has('ETag')) return;
    const etag = await strongEtag([await res.clone().text()]);
    const headers = new Headers(res.headers);
    headers.set('ETag', etag);
    headers.set(
      'Cache-Control',
      c.get('user') ? 'private, no-cache' : `public, max-age=${PUBLIC_READ_MAX_AGE}`,
    );
    headers.append('Vary', 'Accept-Language');
    if (
      isNotModified({ ifNoneMatch: c.req.header('if-none-match') }, { etag, lastModified: null })
    ) {
      headers.delete('Content-Type');
      headers.delete('Content-Length');
      c.res = new Response(null, { status: 304, headers });
      return;
    }
    c.res = new Response(res.body, { status: 200, headers });
  };
}

/**
 * Documents what cachePublicReads adds: every public GET operation (`security: []`) may answer
 * 304 Not Modified. Call it once every feature's routes are mounted.
 */
export function documentPublicReadCaching(router: Pick<OpenAPIHono, 'openAPIRegistry'>): void {
  for (const definition of router.openAPIRegistry.definitions) {
    if (definition.type !== 'route' || definition.route.method !== 'get') continue;
    const security = definition.route.security;
    if (!Array.isArray(security) || security.length > 0) continue;
    const responses = { ...definition.route.responses } as Record<string, unknown>;
    responses['304'] ??= {
      description:
        'Not modified: the `If-None-Match` tag names the current answer (public reads carry an `ETag` and `Cache-Control: public, max-age=60`)',
    };
    definition.route.responses = responses as typeof definition.route.responses;
  }
}

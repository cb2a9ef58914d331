/**
 * Anonymous public answers (pages, feeds, public API reads) from memory, exact after any change
 * by anyone (docs/performance.md, "Public answers from memory").
 *
 * An answer is a function of the request (path, query, language inputs, encoding), the public
 * rows and the clock. The database keeps one revision number that every write to a public table
 * raises, whoever writes (triggers, see docs/performance.md); the clock changes an answer only
 * at instants the rows name (an event's start or end, …), which `freshness.validUntil` finds.
 * So an answer kept at revision R and time T is exact while the revision is R and the clock is
 * in [T, validUntil). Each request learns the revision from a read that *started after the
 * request arrived* (concurrent requests share one), so a change committed before the request
 * is always seen, from any process: read-your-writes without LISTEN/NOTIFY's delivery race.
 *
 * Only answers that show nobody's own data are kept: GET requests without credentials (no
 * Authorization, no cookie but `lang`), on the paths the app names, answered 200 without
 * Set-Cookie or `private`/`no-store`.
 */
import type { Context, MiddlewareHandler, Next } from 'hono';
import { routePath } from 'hono/route';
import type { Deps } from '@/platform/deps';
import type { Db } from '@/platform/db/types';
import { preferredEncoding } from './compress';
import { isNotModified } from './conditional';
import { namesItsRequestId, REQUEST_ID_HEADER } from './middleware';

export type PublicFreshness = {
  /** A number that moves whenever anything a kept answer may show changes. */
  revision(db: Db): Promise<number>;
  /** The first instant (ms) after `now` at which the clock alone may change an answer. */
  validUntil(db: Db, now: number): Promise<number>;
};

export type PageCacheOptions = {
  /** Whether answers on this path show only public data (for anyone without credentials). */
  cacheable(path: string): boolean;
  freshness: PublicFreshness;
  /** Bytes of answers kept, least recently used out first. */
  keptBytes?: number;
};

type Kept = {
  revision: number;
  from: number;
  until: number;
  status: number;
  /** As plain objects, which the Node adapter writes as they are (no Headers to build per hit). */
  headers: Record<string, string>;
  notModifiedHeaders: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  lastModified: Date | null;
  route: string;
};

const KEPT_BYTES = 24 * 1024 * 1024;
/** A revision read slower than this (a silent database) lets the request through uncached. */
const REVISION_DEADLINE_MS = 1000;
/** Dates shown on pages (today, overdue) turn at midnight in some zone: at most this long kept. */
const CLOCK_STEP_MS = 15 * 60 * 1000;

/**
 * A value read by a call that started after `get()` was called; callers that arrive while a
 * read is running share the next one, so a burst of requests costs one read per round trip.
 */
export class ReadAfterArrival<T> {
  private running: Promise<T> | null = null;
  private queued: Promise<T> | null = null;
  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.running) return this.start();
    if (!this.queued) {
      const ignore = () => undefined;
      this.queued = this.running.then(ignore, ignore).then(() => {
        this.queued = null;
        return this.start();
      });
    }
    return this.queued;
  }

  private start(): Promise<T> {
    const reading = this.read();
    this.running = reading;
    const done = () => {
      if (this.running === reading) this.running = null;
    };
    reading.then(done, done);
    return reading;
  }
}

class KeptAnswers {
  private readonly entries = new Map<string, Kept>();
  private bytes = 0;
  constructor(private readonly max: number) {}

  get(key: string): Kept | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: Kept): void {
    this.delete(key);
    if (value.body.byteLength > this.max / 4) return;
    this.entries.set(key, value);
    this.bytes += value.body.byteLength;
    for (const [oldest, kept] of this.entries) {
      if (this.bytes <= this.max) break;
      this.entries.delete(oldest);
      this.bytes -= kept.body.byteLength;
    }
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.body.byteLength;
  }
}

/** The `lang` cookie's value ('' without one), or null when any other cookie is sent. */
function languageCookieOnly(header: string | undefined): string | null {
  if (!header) return '';
  let lang = '';
  for (const part of header.split(';')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    if (!trimmed.startsWith('lang=')) return null;
    lang = trimmed.slice(5);
  }
  return lang;
}

async function strongBodyEtag(body: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', body);
  let hex = '';
  for (const byte of new Uint8Array(digest).slice(0, 20)) hex += byte.toString(16).padStart(2, '0');
  return `"${hex}"`;
}

/** Headers that describe the body, left out of a 304. */
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding']);

type Validators = { ifNoneMatch?: string | undefined; ifModifiedSince?: string | undefined };

function answerKept(request: Validators, kept: Kept, requestId: string): Response {
  const notModified = isNotModified(request, {
    etag: kept.etag.replace(/^W\//, ''),
    lastModified: kept.lastModified,
  });
  const res = notModified
    ? new Response(null, {
        status: 304,
        headers: { ...kept.notModifiedHeaders, [REQUEST_ID_HEADER]: requestId },
      })
    : new Response(kept.body, {
        status: kept.status,
        headers: { ...kept.headers, [REQUEST_ID_HEADER]: requestId },
      });
  return namesItsRequestId(res);
}

/**
 * What a header value parses to, remembered for the values seen most (clients send the same few
 * Accept-Encoding and Cookie values over and over).
 */
function remembered<T>(
  parse: (header: string | undefined) => T,
): (header: string | undefined) => T {
  const seen = new Map<string | undefined, T>();
  return (header) => {
    let value = seen.get(header);
    if (value === undefined && !seen.has(header)) {
      value = parse(header);
      if (seen.size >= 256) seen.clear();
      seen.set(header, value);
    }
    return value as T;
  };
}

const encodingOf = remembered((header) => preferredEncoding(header) ?? '');
const languageCookieOf = remembered(languageCookieOnly);

function keepable(c: Context, res: Response, path: string): boolean {
  if (res.status !== 200 || !res.body || res.headers.has('set-cookie')) return false;
  if (/(^|,)\s*(private|no-store)\s*(,|$)/i.test(res.headers.get('cache-control') ?? '')) {
    return false;
  }
  // API answers are kept only when they are public reads (CORS `*`, see cachePublicReads).
  if (path.startsWith('/api/') && res.headers.get('access-control-allow-origin') !== '*') {
    return false;
  }
  return c.req.method === 'GET';
}

/** The middleware (see the top of this file). Mount it right after the request id. */
export function publicPageCache(deps: Deps, options: PageCacheOptions): MiddlewareHandler {
  const kept = new KeptAnswers(options.keptBytes ?? KEPT_BYTES);
  const revision = new ReadAfterArrival(
    () =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('revision read too slow')),
          REVISION_DEADLINE_MS,
        );
        options.freshness
          .revision(deps.db)
          .then(resolve, reject)
          .finally(() => clearTimeout(timer));
      }),
  );
  let clock: { revision: number; from: number; until: number } | null = null;
  const pending = new Map<string, Promise<void>>();

  async function validUntil(at: number, now: number): Promise<number> {
    if (!clock || clock.revision !== at || now < clock.from || now >= clock.until) {
      const until = await options.freshness.validUntil(deps.db, now);
      clock = { revision: at, from: now, until };
    }
    return Math.min(clock.until, (Math.floor(now / CLOCK_STEP_MS) + 1) * CLOCK_STEP_MS);
  }

  return async (c, next) => {
    const path = c.req.path;
    if (c.req.method !== 'GET' || c.req.header('authorization') || !options.cacheable(path)) {
      return next();
    }
    const lang = languageCookieOf(c.req.header('cookie'));
    if (lang === null) return next();
    const url = c.req.url;
    const query = url.indexOf('?');
    const encoding = encodingOf(c.req.header('accept-encoding'));
    const key = `${path}${query >= 0 ? url.slice(query) : ''}\n${lang}\n${c.req.header('accept-language') ?? ''}\n${encoding}`;
    // Without the revision (the database failed or is silent) the app answers as it would.
    const at = await revision.get().catch(() => null);
    if (at === null) return next();
    let now: number;
    try {
      now = deps.clock.now().getTime();
    } catch {
      // A failing clock fails the request downstream, with its error page and log line.
      return next();
    }
    const validators = {
      ifNoneMatch: c.req.header('if-none-match'),
      ifModifiedSince: c.req.header('if-modified-since'),
    };
    const current = (found: Kept | undefined) =>
      found && found.revision === at && now >= found.from && now < found.until;
    let found = kept.get(key);
    // The same answer being rendered for an earlier request: wait for it rather than render twice.
    const rendering = current(found) ? undefined : pending.get(key);
    if (rendering) {
      await rendering;
      found = kept.get(key);
    }
    if (found && current(found)) {
      const started = performance.now();
      const res = answerKept(validators, found, c.get('requestId'));
      deps.log.info('request', {
        method: 'GET',
        route: found.route,
        status: res.status,
        ms: Math.round(performance.now() - started),
        requestId: c.get('requestId'),
        kept: true,
      });
      return res;
    }
    let rendered = () => {};
    pending.set(key, new Promise<void>((resolve) => (rendered = resolve)));
    try {
      await renderAndKeep(c, next, { key, at, now, path, validators });
    } finally {
      pending.delete(key);
      rendered();
    }
  };

  async function renderAndKeep(
    c: Context,
    next: Next,
    request: { key: string; at: number; now: number; path: string; validators: Validators },
  ): Promise<void> {
    const { key, at, now, path, validators } = request;
    // Render the whole answer (not a 304) so that it can be kept; the 304 is decided here.
    if (validators.ifNoneMatch !== undefined || validators.ifModifiedSince !== undefined) {
      const headers = new Headers(c.req.raw.headers);
      headers.delete('if-none-match');
      headers.delete('if-modified-since');
      c.req.raw = new Request(c.req.raw, { headers });
    }
    await next();
    const res = c.res;
    if (!keepable(c, res, path)) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    // Without Last-Modified a browser keeps nothing on its own guess: it asks, and gets a 304.
    if (!headers.has('etag')) headers.set('ETag', await strongBodyEtag(body));
    headers.delete('x-request-id');
    const lastModified = headers.get('last-modified');
    const plain = Object.fromEntries(headers);
    const entry: Kept = {
      revision: at,
      from: now,
      until: await validUntil(at, now),
      status: res.status,
      headers: plain,
      notModifiedHeaders: Object.fromEntries(
        Object.entries(plain).filter(([name]) => !BODY_HEADERS.has(name)),
      ),
      body,
      etag: headers.get('etag') ?? '',
      lastModified: lastModified ? new Date(lastModified) : null,
      route: routePath(c),
    };
    kept.set(key, entry);
    c.res = undefined;
    c.res = answerKept(validators, entry, c.get('requestId'));
  }
}

/**
 * Compressed answers (Node): gzip or Brotli when the client accepts them, for texts (HTML, CSS,
 * JavaScript, JSON, XML, Atom, iCalendar) of 1 kB or more. An answer with a strong ETag names its
 * bytes, so its encoded form is kept in memory under (encoding, path, ETag) and a repeat costs
 * no encoding; the others are encoded per request at a fast setting. The encoded answer's ETag is
 * the weak form of the original (as nginx does), which If-None-Match compares weakly, so 304s
 * keep working. `Vary: Accept-Encoding` on every compressible answer, encoded or not.
 *
 * On Cloudflare Workers the platform compresses: this middleware passes answers through there.
 */
import type { MiddlewareHandler } from 'hono';
import { brotliCompress, constants, gzip, type InputType } from 'node:zlib';

export type ContentEncoding = 'br' | 'gzip';

const COMPRESSIBLE =
  /^(text\/|application\/(json|problem\+json|ld\+json|xml|atom\+xml|rss\+xml|javascript|ecmascript)|image\/svg\+xml)/i;
/** Below this an encoding saves too little to pay for itself. */
export const MIN_COMPRESS_BYTES = 1024;
/** Bytes of encoded answers kept (a 1 000-event feed gzips to about 60–140 kB). */
const KEPT_BYTES = 32 * 1024 * 1024;

/**
 * The encoding to answer with for an Accept-Encoding header: Brotli or gzip, the higher q
 * first (Brotli on a tie), `*` standing for gzip; null for none.
 */
export function preferredEncoding(header: string | undefined | null): ContentEncoding | null {
  if (!header) return null;
  const q: Partial<Record<ContentEncoding | '*', number>> = {};
  for (const part of header.split(',')) {
    const [rawName = '', ...params] = part.split(';');
    const name = rawName.trim().toLowerCase();
    if (name !== 'br' && name !== 'gzip' && name !== '*') continue;
    let weight = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
      if (match) weight = Number(match[1]);
    }
    q[name] = Number.isFinite(weight) ? weight : 0;
  }
  const br = q.br ?? 0;
  const gz = q.gzip ?? q['*'] ?? 0;
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? 'br' : 'gzip';
}

function encode(body: InputType, encoding: ContentEncoding, kept: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, result: Buffer) => (error ? reject(error) : resolve(result));
    if (encoding === 'gzip') {
      gzip(body, { level: kept ? 9 : 6 }, done);
    } else {
      const size = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
      brotliCompress(
        body,
        {
          params: {
            // Kept answers are encoded once: a slower, smaller setting pays off.
            [constants.BROTLI_PARAM_QUALITY]: kept ? 9 : 4,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: size,
          },
        },
        done,
      );
    }
  });
}

/** Encoded answers by key, least recently used out first, bounded in bytes. */
class KeptBodies {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;
  constructor(private readonly max: number) {}

  get(key: string): Buffer | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: Buffer): void {
    if (value.byteLength > this.max / 4) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.byteLength;
    this.entries.delete(key);
    this.entries.set(key, value);
    this.bytes += value.byteLength;
    for (const [oldest, body] of this.entries) {
      if (this.bytes <= this.max) break;
      this.entries.delete(oldest);
      this.bytes -= body.byteLength;
    }
  }
}

function addVary(headers: Headers): void {
  const vary = headers.get('vary');
  if (!vary) headers.set('Vary', 'Accept-Encoding');
  else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) {
    headers.set('Vary', `${vary}, Accept-Encoding`);
  }
}

const onWorkers = typeof navigator !== 'undefined' && navigator.userAgent === 'Cloudflare-Workers';

/** The compression middleware (see the top of this file). */
export function compress(options: { keptBytes?: number } = {}): MiddlewareHandler {
  const kept = new KeptBodies(options.keptBytes ?? KEPT_BYTES);
  return async (c, next) => {
    await next();
    if (onWorkers) return;
    const res = c.res;
    if (res.status < 200 || res.status === 204 || res.status === 206 || res.status === 304) {
      return;
    }
    const type = res.headers.get('content-type') ?? '';
    if (!COMPRESSIBLE.test(type) || res.headers.has('content-encoding')) return;
    if (/(^|,)\s*no-transform\s*(,|$)/i.test(res.headers.get('cache-control') ?? '')) return;
    const encoding =
      c.req.method === 'HEAD' ? null : preferredEncoding(c.req.header('accept-encoding'));
    if (!encoding) {
      try {
        addVary(res.headers);
        return;
      } catch {
        // Immutable headers (a fetched Response): answered below with a copy.
      }
    }
    // Only now: asking for the body makes the Node adapter build a web stream (issue 22).
    if (!res.body) return;
    const headers = new Headers(res.headers);
    addVary(headers);
    const etag = res.headers.get('etag');
    const key =
      encoding && etag && !etag.startsWith('W/') ? `${encoding}\n${c.req.path}\n${etag}` : null;
    let body = key ? kept.get(key) : undefined;
    if (body) {
      await res.body.cancel();
    } else {
      const raw = Buffer.from(await res.arrayBuffer());
      if (!encoding || raw.byteLength < MIN_COMPRESS_BYTES) {
        c.res = undefined;
        c.res = new Response(new Uint8Array(raw), {
          status: res.status,
          statusText: res.statusText,
          headers,
        });
        return;
      }
      body = await encode(raw, encoding, key !== null);
      if (key) kept.set(key, body);
    }
    headers.set('Content-Encoding', encoding ?? 'identity');
    headers.delete('Content-Length');
    if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
    // Unset first: Hono's setter would otherwise copy the old headers (strong ETag, length) back.
    c.res = undefined;
    c.res = new Response(new Uint8Array(body), {
      status: res.status,
      statusText: res.statusText,
      headers,
    });
  };
}

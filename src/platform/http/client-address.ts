import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '@/platform/deps';

/** What @hono/node-server puts in c.env; absent on Workers and in app.request() tests. */
function hasNodeSocket(env: unknown): boolean {
  if (!env || typeof env !== 'object') return false;
  const bindings = ('server' in env ? (env as { server: unknown }).server : env) as {
    incoming?: { socket?: unknown };
  } | null;
  return Boolean(bindings?.incoming?.socket);
}

/**
 * The client's address, for rate limits (never logged, never stored beyond the counters'
 * keys). Forwarding headers are believed only when the TRUST_PROXY setting says a proxy in
 * front of Koda sets them: `cloudflare` takes `cf-connecting-ip`, `true` the last
 * `x-forwarded-for` entry (the one our own proxy appended; earlier ones the client can forge).
 * Otherwise the socket's address on Node, or `unknown` when there is none.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const trust = c.get('deps').config.trustProxy;
  if (trust === 'cloudflare') {
    const ip = c.req.header('cf-connecting-ip')?.trim();
    if (ip) return ip;
  } else if (trust === 'forwarded') {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean);
    const last = hops.at(-1);
    if (last) return last;
  }
  if (hasNodeSocket(c.env)) {
    const address = getConnInfo(c).remote.address;
    if (address) return address;
  }
  return 'unknown';
}

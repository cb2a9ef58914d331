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
 * The key a client's address counts under in rate limits: an IPv4 address as it is, an IPv6
 * address by its /64 network (one subscriber gets a whole /64 and can rotate through it), an
 * IPv4-mapped IPv6 address as its IPv4. Anything unreadable is kept as it is.
 */
export function limitKeyOfAddress(address: string): string {
  let ip = address
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
    .toLowerCase();
  const mapped = /^(?:::|(?:0{1,4}:){5})ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!ip.includes(':')) return ip;
  // An embedded IPv4 tail (::1.2.3.4) counts as two groups.
  ip = ip.replace(/(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/, (_, a, b, c, d) =>
    [(Number(a) << 8) | Number(b), (Number(c) << 8) | Number(d)]
      .map((n) => n.toString(16))
      .join(':'),
  );
  const [head = '', tail, ...rest] = ip.split('::');
  if (rest.length > 0) return address;
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return address;
  const groups = [
    ...headGroups,
    ...Array<string>(tail === undefined ? 0 : missing).fill('0'),
    ...tailGroups,
  ];
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return address;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * The client's address, for rate limits (never logged, never stored beyond the counters'
 * keys). Forwarding headers are believed only when the TRUST_PROXY setting says a proxy in
 * front of Koda sets them: `cloudflare` takes `cf-connecting-ip`, `true` the last
 * `x-forwarded-for` entry (the one our own proxy appended; earlier ones the client can forge).
 * Otherwise the socket's address on Node, or `unknown` when there is none. IPv6 clients are
 * keyed by their /64 (limitKeyOfAddress).
 */
export function clientAddress(c: Context<AppEnv>): string {
  return limitKeyOfAddress(rawClientAddress(c));
}

function rawClientAddress(c: Context<AppEnv>): string {
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

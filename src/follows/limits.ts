import type { Context } from 'hono';
import type { AppEnv } from '@/platform/deps';
import { clientAddress } from '@/platform/http/client-address';
import { HttpError } from '@/platform/http/errors';
import { hitRateLimit } from '@/platform/http/rate-limit';

/** Follow requests per client address (its /64 for IPv6): the registration's limits. */
const FOLLOW_RATE_LIMIT = { limit: 20, windowSeconds: 10 * 60, blockSeconds: 15 * 60 };
/** Without a known address everyone shares one counter: a site-wide brake. */
const UNKNOWN_ADDRESS_RATE_LIMIT = { limit: 600, windowSeconds: 10 * 60, blockSeconds: 60 };

/** Counts a follow request against the client's address (all processes); 429 over it. */
export async function limitFollowRequests(c: Context<AppEnv>): Promise<void> {
  const { db, clock } = c.get('deps');
  const address = clientAddress(c);
  const result = await hitRateLimit(
    db,
    `follow:ip:${address}`,
    address === 'unknown' ? UNKNOWN_ADDRESS_RATE_LIMIT : FOLLOW_RATE_LIMIT,
    clock.now(),
  );
  if (!result.allowed) {
    c.header('Retry-After', String(result.retryAfterSeconds));
    throw new HttpError('rate_limited', 'Too many follow requests from this address; try later');
  }
}

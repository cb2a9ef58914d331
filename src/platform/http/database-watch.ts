import type { MiddlewareHandler } from 'hono';
import { canFallSilent, ping } from '@/platform/db/postgres';
import type { AppEnv, Deps } from '@/platform/deps';
import { HttpError } from './errors';

/** A request still waiting this long after it arrived asks whether the database answers at all. */
export const DATABASE_WAIT_MS = 1000;
/** How long that question may take before the database counts as silent. */
export const DATABASE_PING_MS = 1000;

/** One request being watched, from its arrival. */
type Watched = {
  arrivedAt: number;
  silent: boolean;
  /** Settles when the request's database is found silent; made only when someone waits on it. */
  found?: Promise<'silent'>;
  tell?: (silence: 'silent') => void;
};

/** Per request being watched (see watchDatabase). */
const watched = new WeakMap<Request, Watched>();

/**
 * Bounds every request by the database's silence, not by its own length. From the moment a
 * request arrives (this middleware comes first), a request still waiting after `waitMs` pings
 * the database (on a connection outside the pool), and again every `waitMs` while it waits; a
 * ping without an answer within `pingMs` marks the database silent for every request that
 * arrived before the ping was sent, and `answerWhileDatabaseSilent` (further in, where the error
 * page can be written) answers 503 at once, instead of after the driver's connect timeout or
 * never (a query sent on a link that went dead has no timeout at all). A slow request on a
 * database that answers (a search, an import, a rush queued behind an event's lock) is left
 * alone. PGlite runs in the process and cannot fall silent, so it is not watched. The request's
 * own work cannot be stopped: it ends when the database answers or its connection fails; a
 * write answered 503 may still have been committed, as with any connection lost mid-request.
 *
 * The requests in flight share one timer and one ping: a request costs an entry in a set, not a
 * timer and a promise of its own (issue 22: the per-request timer was a tenth of a feed 304).
 */
export function watchDatabase(
  deps: Pick<Deps, 'db'>,
  waitMs = DATABASE_WAIT_MS,
  pingMs = DATABASE_PING_MS,
): MiddlewareHandler<AppEnv> {
  /** In arrival order, so the first is the one waiting longest. */
  const waiting = new Set<Watched>();
  /** When the last ping that the database answered was sent: nobody waits on it before that. */
  let answeredAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pinging = false;

  const dueAt = (request: Watched) => Math.max(request.arrivedAt, answeredAt) + waitMs;

  function arm(at: number): void {
    timer = setTimeout(check, Math.max(0, at - performance.now()));
    timer.unref();
  }

  function check(): void {
    timer = undefined;
    const oldest = waiting.values().next();
    if (oldest.done) return;
    if (dueAt(oldest.value) > performance.now()) return arm(dueAt(oldest.value));
    const sentAt = performance.now();
    pinging = true;
    void ping(deps.db, pingMs)
      .catch(() => false)
      .then((answers) => {
        pinging = false;
        if (answers) answeredAt = Math.max(answeredAt, sentAt);
        else {
          for (const request of waiting) {
            if (request.arrivedAt > sentAt) break;
            request.silent = true;
            request.tell?.('silent');
          }
        }
        const next = waiting.values().next();
        if (!next.done && timer === undefined) arm(dueAt(next.value));
      });
  }

  return async (c, next) => {
    if (!canFallSilent(deps.db)) return next();
    const request: Watched = { arrivedAt: performance.now(), silent: false };
    waiting.add(request);
    watched.set(c.req.raw, request);
    if (timer === undefined && !pinging) arm(dueAt(request));
    try {
      await next();
    } finally {
      waiting.delete(request);
    }
  };
}

/** Answers 503 (`unavailable`) as soon as `watchDatabase` found the request's database silent. */
export const answerWhileDatabaseSilent: MiddlewareHandler<AppEnv> = async (c, next) => {
  const request = watched.get(c.req.raw);
  if (!request) return next();
  if (request.silent) throw new HttpError('unavailable', 'The database is not answering');
  request.found ??= new Promise<'silent'>((resolve) => (request.tell = resolve));
  const answered = next().then(() => 'answered' as const);
  // Once the request was answered 503, its own outcome has nobody left to hear it.
  answered.catch(() => {});
  if ((await Promise.race([answered, request.found])) === 'silent') {
    throw new HttpError('unavailable', 'The database is not answering');
  }
};

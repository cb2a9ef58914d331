import type { MiddlewareHandler } from 'hono';
import { canFallSilent, ping } from '@/platform/db/postgres';
import type { AppEnv, Deps } from '@/platform/deps';
import { HttpError } from './errors';

/** A request still waiting this long after it arrived asks whether the database answers at all. */
export const DATABASE_WAIT_MS = 1000;
/** How long that question may take before the database counts as silent. */
export const DATABASE_PING_MS = 1000;

/** Per request being watched: settles 'silent' once the database did not answer in time. */
const silences = new WeakMap<Request, Promise<'silent'>>();

/**
 * Bounds every request by the database's silence, not by its own length. From the moment a
 * request arrives (this middleware comes first), a request still waiting after `waitMs` pings
 * the database (on a connection outside the pool), and again every `waitMs` while it waits; a
 * ping without an answer within `pingMs` marks the request's database silent, and
 * `answerWhileDatabaseSilent` (further in, where the error page can be written) answers 503 at
 * once, instead of after the driver's connect timeout or never (a query sent on a link that
 * went dead has no timeout at all). A slow request on a database that answers (a search, an
 * import, a rush queued behind an event's lock) is left alone. PGlite runs in the process and
 * cannot fall silent, so it is not watched. The request's own work cannot be stopped: it ends
 * when the database answers or its connection fails; a write answered 503 may still have been
 * committed, as with any connection lost mid-request.
 */
export function watchDatabase(
  deps: Pick<Deps, 'db'>,
  waitMs = DATABASE_WAIT_MS,
  pingMs = DATABASE_PING_MS,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db } = deps;
    if (!canFallSilent(db)) return next();
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const silent = new Promise<'silent'>((resolve) => {
      const watch = () => {
        timer = setTimeout(() => {
          void ping(db, pingMs).then((answers) => {
            if (done) return;
            if (answers) watch();
            else resolve('silent');
          });
        }, waitMs);
      };
      watch();
    });
    silences.set(c.req.raw, silent);
    try {
      await next();
    } finally {
      done = true;
      clearTimeout(timer);
    }
  };
}

/** Answers 503 (`unavailable`) as soon as `watchDatabase` found the request's database silent. */
export const answerWhileDatabaseSilent: MiddlewareHandler<AppEnv> = async (c, next) => {
  const silent = silences.get(c.req.raw);
  if (!silent) return next();
  const answered = next().then(() => 'answered' as const);
  // Once the request was answered 503, its own outcome has nobody left to hear it.
  answered.catch(() => {});
  if ((await Promise.race([answered, silent])) === 'silent') {
    throw new HttpError('unavailable', 'The database is not answering');
  }
};

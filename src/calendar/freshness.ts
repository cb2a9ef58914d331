/**
 * A feed's state (ETag, Last-Modified, versions) without reading its rows, when nothing changed.
 *
 * A feed's content depends on two things only: the rows it shows and the clock. The database
 * raises `public_revision` (drizzle/0011) on every change to rows a feed shows, whoever writes
 * them; the clock matters at known instants: when an event ends (the livestream link goes, the
 * recording link comes, Last-Modified moves) and when it leaves a bounded feed's window. So a
 * state computed at revision R and time T stays exact while the revision is still R and the
 * clock is between T and the first of those instants. Each process keeps such states in memory
 * and asks the database one primary-key read per request; any change anywhere (another process,
 * the CLI, hand-written SQL) moves the revision and the state is computed afresh.
 *
 * Personal feeds are not kept: which events they hold follows registrations, which the revision
 * does not count.
 */
import { publicRevision } from '@/events';
import type { Queryable } from '@/platform/db/types';
import { feedState, type FeedContext, type FeedSelection, type FeedState } from './feed';
import { CANCELLED_WINDOW_DAYS, Lru, PAST_WINDOW_DAYS } from './rules';

type Kept = { revision: number; from: number; until: number; state: FeedState };

const DAY_MS = 24 * 60 * 60 * 1000;
/** Feeds kept per database: one per (selection, language, name) asked for. */
export const KEPT_FEED_STATES = 256;
const kept = new WeakMap<object, Lru<Kept>>();

function keptStates(db: Queryable): Lru<Kept> {
  let states = kept.get(db);
  if (!states) {
    states = new Lru<Kept>(KEPT_FEED_STATES);
    kept.set(db, states);
  }
  return states;
}

/**
 * The first instant after `now` at which the clock alone changes the feed: an event's end, and
 * (bounded feeds) its leaving the window: the earlier of the cancelled and the published windows
 * is taken for every event, which only makes the state recomputed sooner than needed.
 */
export function nextClockChange(state: FeedState, now: number, bounded: boolean): number {
  let next = Number.POSITIVE_INFINITY;
  for (const { endsAt } of state.versions) {
    const end = endsAt.getTime();
    const instants = bounded
      ? [end, end + CANCELLED_WINDOW_DAYS * DAY_MS, end + PAST_WINDOW_DAYS * DAY_MS]
      : [end];
    for (const instant of instants) {
      if (instant > now && instant < next) next = instant;
    }
  }
  return next;
}

/** `feedState`, from memory when the public revision and the clock say nothing changed. */
export async function freshFeedState(
  ctx: FeedContext,
  selection: FeedSelection,
  name: string,
): Promise<FeedState> {
  if (selection.email !== undefined) return feedState(ctx, selection, name);
  // Everything the state depends on apart from the rows and the clock (language, site, ...).
  const { db, now: _now, log: _log, ...site } = ctx;
  const key = JSON.stringify([site, name, selection]);
  const states = keptStates(db);
  const now = ctx.now.getTime();
  // Read before the rows: a change committed in between makes the next request look again.
  const revision = await publicRevision(db);
  const known = states.get(key);
  if (known && known.revision === revision && now >= known.from && now < known.until) {
    return known.state;
  }
  const state = await feedState(ctx, selection, name);
  states.set(key, {
    revision,
    from: now,
    until: nextClockChange(state, now, selection.bounded),
    state,
  });
  return state;
}

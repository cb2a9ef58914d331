/**
 * Group commit: work for one key (one event's registrations) that arrives while that key's
 * previous call runs waits and goes into the next call together, so the database takes the key's
 * lock and flushes its commit once for all of them. Work that finds its key idle starts at once
 * (a lone request waits for nothing).
 *
 * A failed call of several is run again one item at a time when the failure undid the whole call
 * (`undone`: a statement the database refused is rolled back), so one item's error is its own;
 * any other failure (the connection lost: the call may have committed, its answers are unknown)
 * is every item's answer, and the items waiting for the key get it too rather than queue behind a
 * database that does not answer. A call that has run `stallMs` no longer holds the key's next
 * call back (a silent connection must not stop every registration of an event; the database's
 * lock keeps calls that overlap correct).
 */
export type RunBatch<Key, Item, Result> = (key: Key, items: Item[]) => Promise<Result[]>;

type Waiting<Item, Result> = {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
};

/** A key's items waiting for a call, and how many of its calls run and have not stalled. */
type Queue<Item, Result> = { waiting: Waiting<Item, Result>[]; fresh: number; running: number };

export type Batches<Key, Item, Result> = {
  /** Answers the item's result from the call it went into. */
  submit(key: Key, item: Item): Promise<Result>;
};

export type BatchOptions = {
  /** At most this many items in one call. */
  maxItems?: number;
  /** After this many ms a running call no longer holds the key's next call back. */
  stallMs?: number;
  /** Whether `error` undid the whole call, so its items may be run again one by one. */
  undone?: (error: unknown) => boolean;
};

export function keyedBatches<Key, Item, Result>(
  run: RunBatch<Key, Item, Result>,
  { maxItems = 64, stallMs = 2_000, undone = () => false }: BatchOptions = {},
): Batches<Key, Item, Result> {
  const queues = new Map<Key, Queue<Item, Result>>();

  async function runAlone(key: Key, waiting: Waiting<Item, Result>): Promise<void> {
    try {
      const [result] = await run(key, [waiting.item]);
      if (result === undefined) throw new Error('A batch answered no result for its item');
      waiting.resolve(result);
    } catch (error) {
      waiting.reject(error);
    }
  }

  async function runBatch(key: Key, queue: Queue<Item, Result>, batch: Waiting<Item, Result>[]) {
    let results: Result[];
    try {
      results = await run(
        key,
        batch.map((waiting) => waiting.item),
      );
    } catch (error) {
      if (batch.length > 1 && undone(error)) {
        for (const waiting of batch) await runAlone(key, waiting);
        return;
      }
      for (const waiting of [...batch, ...queue.waiting.splice(0)]) waiting.reject(error);
      return;
    }
    if (results.length === batch.length) {
      batch.forEach((waiting, index) => waiting.resolve(results[index]!));
      return;
    }
    // Committed, but which answer is whose is unknown: an error for each, never a guess.
    const error = new Error(`A batch of ${batch.length} answered ${results.length} results`);
    for (const waiting of batch) waiting.reject(error);
  }

  function startCall(key: Key, queue: Queue<Item, Result>): void {
    const batch = queue.waiting.splice(0, maxItems);
    queue.fresh++;
    queue.running++;
    let fresh = true;
    const stale = () => {
      if (!fresh) return;
      fresh = false;
      queue.fresh--;
      if (queue.fresh === 0 && queue.waiting.length > 0) startCall(key, queue);
    };
    const timer = setTimeout(stale, stallMs);
    // A process may stop while a call is stalled: the timer is no reason to stay.
    (timer as { unref?: () => void }).unref?.();
    void runBatch(key, queue, batch).finally(() => {
      clearTimeout(timer);
      queue.running--;
      stale();
      if (queue.running === 0 && queue.waiting.length === 0) queues.delete(key);
    });
  }

  return {
    submit(key, item) {
      return new Promise<Result>((resolve, reject) => {
        let queue = queues.get(key);
        if (!queue) {
          queue = { waiting: [], fresh: 0, running: 0 };
          queues.set(key, queue);
        }
        queue.waiting.push({ item, resolve, reject });
        if (queue.fresh === 0) startCall(key, queue);
      });
    },
  };
}

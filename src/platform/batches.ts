/**
 * Group commit: work for one key (one event's registrations) that arrives while that key's
 * previous call runs waits and goes into the next call together, so the database takes the key's
 * lock and flushes its commit once for all of them. Work that finds its key idle starts at once
 * (a lone request waits for nothing). When a call of several fails, each is run again alone, so
 * one item's error is its own and never another's.
 */
export type RunBatch<Key, Item, Result> = (key: Key, items: Item[]) => Promise<Result[]>;

type Waiting<Item, Result> = {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
};

export type Batches<Key, Item, Result> = {
  /** Answers the item's result from the call it went into. */
  submit(key: Key, item: Item): Promise<Result>;
};

export function keyedBatches<Key, Item, Result>(
  run: RunBatch<Key, Item, Result>,
  { maxItems = 64 }: { maxItems?: number } = {},
): Batches<Key, Item, Result> {
  /** The keys with a call running, and what waits for the next one. */
  const queues = new Map<Key, Waiting<Item, Result>[]>();

  async function runAlone(key: Key, waiting: Waiting<Item, Result>): Promise<void> {
    try {
      const [result] = await run(key, [waiting.item]);
      if (result === undefined) throw new Error('A batch answered no result for its item');
      waiting.resolve(result);
    } catch (error) {
      waiting.reject(error);
    }
  }

  async function drain(key: Key, queue: Waiting<Item, Result>[]): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, maxItems);
      if (batch.length === 1) {
        await runAlone(key, batch[0]!);
        continue;
      }
      let results: Result[] | undefined;
      try {
        results = await run(
          key,
          batch.map((waiting) => waiting.item),
        );
      } catch {
        results = undefined;
      }
      if (results && results.length === batch.length) {
        batch.forEach((waiting, index) => waiting.resolve(results[index]!));
      } else {
        for (const waiting of batch) await runAlone(key, waiting);
      }
    }
    queues.delete(key);
  }

  return {
    submit(key, item) {
      return new Promise<Result>((resolve, reject) => {
        const waiting = { item, resolve, reject };
        const queue = queues.get(key);
        if (queue) {
          queue.push(waiting);
          return;
        }
        const fresh = [waiting];
        queues.set(key, fresh);
        void drain(key, fresh);
      });
    },
  };
}

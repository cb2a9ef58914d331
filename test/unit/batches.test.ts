import { describe, expect, it, vi } from 'vitest';
import { keyedBatches } from '@/platform/batches';

/** A failure that undid the whole call (the database refused a statement). */
class Refused extends Error {}

/**
 * A run that records each call's items and answers when `release` is called: 13 is refused (the
 * call undone), 66 loses the connection (the call's outcome unknown).
 */
function recordingRun() {
  const calls: { key: string; items: number[] }[] = [];
  const releases: (() => void)[] = [];
  const run = (key: string, items: number[]) => {
    calls.push({ key, items });
    return new Promise<string[]>((resolve, reject) => {
      releases.push(() => {
        if (items.includes(13)) reject(new Refused('unlucky'));
        else if (items.includes(66)) reject(new Error('connection lost'));
        else resolve(items.map((item) => `${key}:${item}`));
      });
    });
  };
  return { calls, run, release: () => releases.shift()?.() };
}

const undone = (error: unknown) => error instanceof Refused;

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('keyedBatches', () => {
  it('starts a lone item at once and puts what arrives meanwhile into the next call, in order', async () => {
    const { calls, run, release } = recordingRun();
    const batches = keyedBatches(run);
    const first = batches.submit('a', 1);
    expect(calls).toEqual([{ key: 'a', items: [1] }]);
    const rest = [2, 3, 4].map((item) => batches.submit('a', item));
    expect(calls).toHaveLength(1);
    release();
    expect(await first).toBe('a:1');
    await turn();
    expect(calls[1]).toEqual({ key: 'a', items: [2, 3, 4] });
    release();
    expect(await Promise.all(rest)).toEqual(['a:2', 'a:3', 'a:4']);
  });

  it('runs different keys side by side', async () => {
    const { calls, run, release } = recordingRun();
    const batches = keyedBatches(run);
    const a = batches.submit('a', 1);
    const b = batches.submit('b', 1);
    expect(calls.map((call) => call.key)).toEqual(['a', 'b']);
    release();
    release();
    expect(await Promise.all([a, b])).toEqual(['a:1', 'b:1']);
  });

  it('takes at most maxItems into one call', async () => {
    const { calls, run, release } = recordingRun();
    const batches = keyedBatches(run, { maxItems: 2 });
    const all = [1, 2, 3, 4].map((item) => batches.submit('a', item));
    for (let step = 0; step < 3; step++) {
      release();
      await turn();
    }
    expect(calls.map((call) => call.items)).toEqual([[1], [2, 3], [4]]);
    expect(await Promise.all(all)).toEqual(['a:1', 'a:2', 'a:3', 'a:4']);
  });

  it("when the database undid a call of several, runs each alone: one item's error is its own", async () => {
    const { calls, run, release } = recordingRun();
    const batches = keyedBatches(run, { undone });
    const first = batches.submit('a', 1);
    const rest = [12, 13, 14].map((item) => batches.submit('a', item).catch(String));
    release();
    await first;
    for (let step = 0; step < 4; step++) {
      await turn();
      release();
    }
    expect(await Promise.all(rest)).toEqual(['a:12', 'Error: unlucky', 'a:14']);
    expect(calls.map((call) => call.items)).toEqual([[1], [12, 13, 14], [12], [13], [14]]);
  });

  it("a call lost with its connection (it may have committed) is every item's error, and the waiting ones'", async () => {
    const { calls, run, release } = recordingRun();
    const batches = keyedBatches(run, { undone });
    const first = batches.submit('a', 1);
    const lost = [65, 66].map((item) => batches.submit('a', item).catch(String));
    release();
    await first;
    await turn();
    const queued = batches.submit('a', 67).catch(String);
    release();
    expect(await Promise.all([...lost, queued])).toEqual([
      'Error: connection lost',
      'Error: connection lost',
      'Error: connection lost',
    ]);
    // Nothing was run again: the items' outcome is unknown, never guessed from a second try.
    expect(calls.map((call) => call.items)).toEqual([[1], [65, 66]]);
    // The key starts afresh.
    const next = batches.submit('a', 2);
    release();
    expect(await next).toBe('a:2');
  });

  it('a call answering fewer results than items is an error for each, not a guess', async () => {
    const batches = keyedBatches(async (_key: string, items: number[]) =>
      items.length > 1 ? [String(items[0])] : items.map(String),
    );
    const answers = await Promise.all(
      [1, 2, 3].map((item) => batches.submit('a', item).catch(() => 'error')),
    );
    expect(answers).toEqual(['1', 'error', 'error']);
  });

  it('a call running past stallMs no longer holds the next call back', async () => {
    vi.useFakeTimers();
    try {
      const { calls, run, release } = recordingRun();
      const batches = keyedBatches(run, { stallMs: 1000 });
      const stalled = batches.submit('a', 1);
      const waiting = batches.submit('a', 2);
      await vi.advanceTimersByTimeAsync(999);
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls.map((call) => call.items)).toEqual([[1], [2]]);
      // A new arrival, while the only fresh call runs, waits for it.
      const third = batches.submit('a', 3);
      expect(calls).toHaveLength(2);
      release();
      release();
      expect(await Promise.all([stalled, waiting])).toEqual(['a:1', 'a:2']);
      await vi.advanceTimersByTimeAsync(0);
      expect(calls.map((call) => call.items)).toEqual([[1], [2], [3]]);
      release();
      expect(await third).toBe('a:3');
    } finally {
      vi.useRealTimers();
    }
  });
});

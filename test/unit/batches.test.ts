import { describe, expect, it } from 'vitest';
import { keyedBatches } from '@/platform/batches';

/** A run that records each call's items and answers when `release` is called. */
function recordingRun() {
  const calls: { key: string; items: number[] }[] = [];
  const releases: (() => void)[] = [];
  const run = (key: string, items: number[]) => {
    calls.push({ key, items });
    return new Promise<string[]>((resolve, reject) => {
      releases.push(() => {
        if (items.includes(13)) reject(new Error('unlucky'));
        else resolve(items.map((item) => `${key}:${item}`));
      });
    });
  };
  return { calls, run, release: () => releases.shift()?.() };
}

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

  it("when a call of several fails, runs each alone: one item's error is its own", async () => {
    const { calls, run, release } = recordingRun();
    const batches = keyedBatches(run);
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

  it('a call answering fewer results than items is a failure, not a wrong answer', async () => {
    const batches = keyedBatches(async (_key: string, items: number[]) =>
      items.length > 1 ? [String(items[0])] : items.map(String),
    );
    const answers = await Promise.all([1, 2, 3].map((item) => batches.submit('a', item)));
    expect(answers).toEqual(['1', '2', '3']);
  });
});

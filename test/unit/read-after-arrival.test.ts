/**
 * The public page cache learns the revision from a read that started after the request arrived
 * (src/platform/http/page-cache.ts): a read already running may predate a write the caller has
 * seen, so a caller arriving during it waits for the next one, shared by everyone arriving then.
 */
import { describe, expect, it } from 'vitest';
import { ReadAfterArrival } from '@/platform/http/page-cache';

describe('ReadAfterArrival', () => {
  it('answers each caller from a read started after its call, sharing reads between callers', async () => {
    let value = 0;
    let reads = 0;
    const finish: (() => void)[] = [];
    const reader = new ReadAfterArrival(() => {
      reads += 1;
      const seen = value;
      return new Promise<number>((resolve) => finish.push(() => resolve(seen)));
    });
    const first = reader.get();
    value = 1; // a write committed while the first read runs
    const second = reader.get();
    const third = reader.get();
    expect(reads).toBe(1);
    finish.shift()?.();
    expect(await first).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reads).toBe(2);
    finish.shift()?.();
    expect(await second).toBe(1);
    expect(await third).toBe(1);
    expect(reads).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { builtOnce } from '@/platform/db/prepared';
import type { Queryable } from '@/platform/db/types';

describe('builtOnce', () => {
  it('builds a query once per database, and apart for each database', () => {
    const builds: string[] = [];
    const query = builtOnce((db) => {
      const name = (db as unknown as { name: string }).name;
      builds.push(name);
      return { on: name };
    });
    const one = { name: 'one' } as unknown as Queryable;
    const two = { name: 'two' } as unknown as Queryable;
    expect(query(one)).toEqual({ on: 'one' });
    expect(query(one)).toBe(query(one));
    expect(query(two)).toEqual({ on: 'two' });
    expect(builds).toEqual(['one', 'two']);
  });
});

import { describe, expect, it } from 'vitest';
import { unmanagedHostChanges } from '../../src/events/rules';

describe('who may change an event’s hosts', () => {
  const keila = { role: 'organizer' as const, municipalityIds: [1] };

  it('lets an organizer add and remove only their own municipalities', () => {
    expect(unmanagedHostChanges(keila, [], [1])).toEqual([]);
    expect(unmanagedHostChanges(keila, [], [1, 2])).toEqual([2]);
    expect(unmanagedHostChanges(keila, [1, 2], [1, 2])).toEqual([]);
    expect(unmanagedHostChanges(keila, [1, 2], [2, 1])).toEqual([]);
    expect(unmanagedHostChanges(keila, [1, 2], [1])).toEqual([2]);
    expect(unmanagedHostChanges(keila, [1, 2], [1, 2, 3])).toEqual([3]);
    expect(unmanagedHostChanges(keila, [2], [1, 2])).toEqual([]);
  });

  it('lets an admin change any', () => {
    expect(unmanagedHostChanges({ role: 'admin', municipalityIds: [] }, [1], [2, 3])).toEqual([]);
  });
});

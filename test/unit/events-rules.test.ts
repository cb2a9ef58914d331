import { describe, expect, it } from 'vitest';
import { unmanagedHostChanges, wallClockShift } from '@/events/rules';

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

describe('copying an event keeps wall-clock times', () => {
  const summerStart = new Date('2027-07-14T13:00:00Z'); // 16:00 in Tallinn (UTC+3)

  it('moves every time by the same calendar distance, across the clock change', () => {
    const shift = wallClockShift('Europe/Tallinn', summerStart, '2027-11-10T16:00');
    expect(shift?.(summerStart)).toBe('2027-11-10T16:00');
    expect(shift?.(new Date('2027-07-14T16:00:00Z'))).toBe('2027-11-10T19:00');
    expect(shift?.(new Date('2027-06-14T06:00:00Z'))).toBe('2027-10-11T09:00');
  });

  it('takes a new start with an offset as that instant', () => {
    const shift = wallClockShift('Europe/Tallinn', summerStart, '2027-11-10T14:00:00Z');
    expect(shift?.(summerStart)).toBe('2027-11-10T16:00');
  });

  it('refuses a start the spring clock change skips, or no time at all', () => {
    expect(wallClockShift('Europe/Tallinn', summerStart, '2027-03-28T03:30')).toBeNull();
    expect(wallClockShift('Europe/Tallinn', summerStart, 'homme')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parseOffset } from '@/platform/offsets';
import { formatOffset } from '@/platform/time';

describe('parseOffset: every recording offset field reads h:mm:ss, m:ss or seconds', () => {
  it.each([
    ['0', 0],
    ['95', 95],
    [' 95 ', 95],
    ['0:00', 0],
    ['42:10', 2530],
    ['90:00', 5400],
    ['1:02:03', 3723],
    ['01:02:03', 3723],
    ['10:00:00', 36000],
  ] as const)('%s → %s', (text, seconds) => {
    expect(parseOffset(text)).toBe(seconds);
  });

  it.each([
    '',
    ' ',
    'abc',
    '-5',
    '1:75',
    '1:2',
    '1:60:00',
    '1:02:60',
    '1.5',
    '1h2m',
    '1:02:03:04',
    '12,5',
  ])('refuses %j', (text) => {
    expect(parseOffset(text)).toBeNull();
  });

  it('reads back what formatOffset writes (m:ss under an hour, h:mm:ss from an hour)', () => {
    expect(formatOffset(59)).toBe('0:59');
    expect(formatOffset(3599)).toBe('59:59');
    expect(formatOffset(3600)).toBe('1:00:00');
    for (const seconds of [0, 1, 59, 60, 599, 3599, 3600, 3723, 36000, 7 * 24 * 3600]) {
      expect(parseOffset(formatOffset(seconds))).toBe(seconds);
    }
  });
});

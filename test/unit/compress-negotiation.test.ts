import { describe, expect, it } from 'vitest';
import { preferredEncoding } from '@/platform/http/compress';

describe('preferredEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['deflate', null],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['BR; Q=1, GZIP', 'br'],
    ['gzip;q=0, br;q=0', null],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'gzip'],
    ['*;q=0', null],
    ['gzip;q=0, *', null],
    // A malformed weight is ignored (the coding stays acceptable).
    ['br;q=nonsense', 'br'],
  ] as const)('%s → %s', (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected);
  });
});

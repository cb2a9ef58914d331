import { describe, expect, it } from 'vitest';
import { isNotModified, strongEtag } from '@/platform/http/conditional';

describe('HTTP validators', () => {
  it('makes a strong ETag that changes with any part', async () => {
    const a = await strongEtag(['x', '1:abc']);
    expect(a).toMatch(/^"[0-9a-f]{40}"$/);
    expect(await strongEtag(['x', '1:abc'])).toBe(a);
    expect(await strongEtag(['x', '1:abd'])).not.toBe(a);
  });

  it('answers 304 for a matching ETag, or a date when no ETag was sent', () => {
    const current = { etag: '"abc"', lastModified: new Date('2026-11-01T10:00:30.500Z') };
    expect(isNotModified({ ifNoneMatch: '"abc"' }, current)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"x", "abc"' }, current)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"x"' }, current)).toBe(false);
    expect(isNotModified({ ifNoneMatch: 'W/"abc"' }, current)).toBe(true);
    // If-None-Match wins over If-Modified-Since.
    expect(
      isNotModified(
        { ifNoneMatch: '"x"', ifModifiedSince: 'Sun, 01 Nov 2026 10:00:30 GMT' },
        current,
      ),
    ).toBe(false);
    expect(isNotModified({ ifModifiedSince: 'Sun, 01 Nov 2026 10:00:30 GMT' }, current)).toBe(true);
    expect(isNotModified({ ifModifiedSince: 'Sun, 01 Nov 2026 10:00:29 GMT' }, current)).toBe(
      false,
    );
    expect(isNotModified({ ifModifiedSince: 'garbage' }, current)).toBe(false);
    expect(isNotModified({}, current)).toBe(false);
  });
});

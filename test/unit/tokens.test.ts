import { describe, expect, it } from 'vitest';
import { base64url, fromBase64url, hashToken, newToken } from '@/platform/tokens';

describe('tokens', () => {
  it('hashes as stored before: SHA-256 of the UTF-8 text, base64url without padding', async () => {
    // Stored hashes (manage links, sessions, feeds) must still match after any rewrite.
    expect(await hashToken('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
    expect(await hashToken('õun')).toBe(
      base64url(
        new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('õun'))),
      ),
    );
  });

  it('makes 256-bit url-safe tokens, each new', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => newToken()));
    expect(tokens.size).toBe(100);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(fromBase64url(token).byteLength).toBe(32);
    }
  });

  it('round-trips bytes through base64url, a view into a larger buffer too', () => {
    const whole = Uint8Array.from({ length: 40 }, (_, n) => (n * 37) & 255);
    const view = whole.subarray(3, 35);
    expect([...fromBase64url(base64url(view))]).toEqual([...view]);
  });
});

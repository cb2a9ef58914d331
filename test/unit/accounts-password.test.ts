import { describe, expect, it, vi } from 'vitest';
import {
  deriveInJavaScript,
  DUMMY_PASSWORD_HASH,
  hashPassword,
  PBKDF2_ITERATIONS,
  verifyPassword,
} from '@/platform/auth/password';

describe('password hashing', () => {
  it('uses PBKDF2-SHA256 at the OWASP count by default, salted', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^pbkdf2-sha256\$600000\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('correct horse battery staple', first)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', first)).toBe(false);
  });

  it('refuses malformed or foreign hashes rather than throwing', async () => {
    for (const stored of ['', 'plain', 'bcrypt$10$x$y', 'pbkdf2-sha256$abc$AA$AA']) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });

  it('has a dummy hash that costs as much as a real one and matches nothing', async () => {
    expect(DUMMY_PASSWORD_HASH.split('$')[1]).toBe(String(PBKDF2_ITERATIONS));
    expect(await verifyPassword('', DUMMY_PASSWORD_HASH)).toBe(false);
    // Similar timing: verifying against the dummy takes about as long as against a real hash.
    const real = await hashPassword('some password here');
    const time = async (stored: string) => {
      const start = performance.now();
      await verifyPassword('a wrong password', stored);
      return performance.now() - start;
    };
    // The fastest of three runs each, so a busy machine does not make the test flaky.
    const fastest = async (stored: string) =>
      Math.min(await time(stored), await time(stored), await time(stored));
    const dummy = await fastest(DUMMY_PASSWORD_HASH);
    const wrong = await fastest(real);
    expect(dummy / wrong).toBeGreaterThan(0.5);
    expect(dummy / wrong).toBeLessThan(2);
  });
});

describe('a runtime that refuses the iteration count (deployed Cloudflare Workers)', () => {
  const refusal = () =>
    Object.assign(
      new Error(
        'Pbkdf2 failed: iteration counts above 100000 are not supported (requested 600000)',
      ),
      { name: 'NotSupportedError' },
    );

  it('computes the same PBKDF2 in JavaScript as WebCrypto does', async () => {
    const salt = new Uint8Array(16).map((_, index) => index * 7);
    for (const password of ['', 'correct horse battery staple', 'Õun ja 🍏 ühes paroolis']) {
      const key = await crypto.subtle.importKey(
        'raw',
        new TextEncoder().encode(password),
        'PBKDF2',
        false,
        ['deriveBits'],
      );
      const expected = new Uint8Array(
        await crypto.subtle.deriveBits(
          { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1_000 },
          key,
          256,
        ),
      );
      expect(await deriveInJavaScript(password, salt, 1_000)).toEqual(expected);
    }
  });

  it('still verifies a 600 000-iteration hash when WebCrypto refuses it', async () => {
    const stored = await hashPassword('correct horse battery staple');
    const refuse = vi.spyOn(crypto.subtle, 'deriveBits').mockRejectedValue(refusal());
    try {
      expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
      expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
      expect(refuse).toHaveBeenCalledTimes(2);
    } finally {
      refuse.mockRestore();
    }
  });

  it('answers 503 login_unavailable for any other crypto failure, never a 500', async () => {
    const broken = vi
      .spyOn(crypto.subtle, 'deriveBits')
      .mockRejectedValueOnce(Object.assign(new Error('engine gone'), { name: 'OperationError' }));
    try {
      await expect(verifyPassword('x', DUMMY_PASSWORD_HASH)).rejects.toMatchObject({
        status: 503,
        code: 'login_unavailable',
      });
    } finally {
      broken.mockRestore();
    }
  });

  it('refuses a stored hash that asks for absurd work instead of computing it', async () => {
    expect(await verifyPassword('x', 'pbkdf2-sha256$99999999999$AAAAAAAAAAAAAAAAAAAAAA$AA')).toBe(
      false,
    );
  });
});

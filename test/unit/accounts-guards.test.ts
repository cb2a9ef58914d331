import { describe, expect, it } from 'vitest';
import { loginHref, safeNext } from '@/platform/auth/guards';
import { normaliseEmail } from '@/platform/auth/login';

describe('safeNext', () => {
  it('keeps paths on this site', () => {
    expect(safeNext('/admin/users?x=1')).toBe('/admin/users?x=1');
    expect(safeNext('/')).toBe('/');
  });

  it('falls back to /admin for anything that could leave the site', () => {
    for (const next of [
      undefined,
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r\n/evil.example',
      '/admin\\..\\\\evil.example',
      'javascript:alert(1)',
      'admin',
      // Paths that normalise to a protocol-relative '//host' (issue 21, finding 5).
      '/.//evil.example',
      '/..//evil.example',
      '/././/evil.example',
      '/a/..//evil.example',
      '/%2e//evil.example',
      '/%2e%2e//evil.example',
      '///evil.example',
      '/.\\/evil.example',
    ]) {
      expect(safeNext(next), String(next)).toBe('/admin');
    }
  });

  it('what it returns is a single-slash path that a browser keeps on this origin', () => {
    for (const next of [
      '/admin/users',
      '/admin/events/x?saved=1#top',
      '/a/../admin',
      '/%2e/admin',
      '/.%2f/x',
    ]) {
      const kept = safeNext(next);
      expect(kept.startsWith('/') && !kept.startsWith('//')).toBe(true);
      expect(new URL(kept, 'https://koda.test').origin).toBe('https://koda.test');
    }
  });

  it('builds the login address with next only when needed', () => {
    expect(loginHref('/admin')).toBe('/admin/login');
    expect(loginHref('/admin/audit?entity=user')).toBe(
      '/admin/login?next=%2Fadmin%2Faudit%3Fentity%3Duser',
    );
  });
});

describe('normaliseEmail', () => {
  it('makes one rate-limit key per account however the email is typed', () => {
    expect(normaliseEmail('  Kadri@Koda.Example ')).toBe('kadri@koda.example');
    expect(normaliseEmail('x'.repeat(300))).toHaveLength(254);
  });
});

import { describe, expect, it } from 'vitest';
import { translator } from '@/messages';
import { describeAudit, shownValue } from '@views/accounts/audit-page';

describe('describeAudit: what an audit row says changed', () => {
  it('an update: only the fields whose values differ (key order and updatedAt do not count)', () => {
    expect(
      describeAudit({
        action: 'update',
        before: { id: 1, title: 'A', tags: { a: 1, b: 2 }, updatedAt: '2026-01-01T00:00:00Z' },
        after: { id: 1, title: 'B', tags: { b: 2, a: 1 }, updatedAt: '2026-02-01T00:00:00Z' },
      }),
    ).toEqual({ kind: 'update', changes: [{ field: 'title', before: 'A', after: 'B' }] });
  });

  it('creations and deletions are named, not listed', () => {
    expect(
      describeAudit({ action: 'recording.create', before: null, after: { id: 3, title: 'Video' } }),
    ).toEqual({ kind: 'create', name: 'Video', fields: 1 });
    expect(
      describeAudit({ action: 'delete', before: { email: 'a@b.ee', role: 'x' }, after: null }),
    ).toEqual({ kind: 'delete', name: 'a@b.ee', fields: 2 });
  });

  it('other actions show their fields as they are', () => {
    expect(
      describeAudit({ action: 'user.tokens_revoke', before: null, after: { revoked: 2 } }),
    ).toEqual({ kind: 'other', changes: [{ field: 'revoked', before: undefined, after: 2 }] });
  });
});

describe('shownValue', () => {
  const t = translator('et');
  it('dates in the zone, yes/no, empty, long text cut short', () => {
    expect(shownValue('2026-12-15T14:00:00.000Z', t, 'et', 'Europe/Tallinn')).toContain('16');
    expect(shownValue(true, t, 'et', 'Europe/Tallinn')).toBe('jah');
    expect(shownValue(null, t, 'et', 'Europe/Tallinn')).toBe('(tühi)');
    const long = shownValue('a'.repeat(500), t, 'et', 'Europe/Tallinn');
    expect(long).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
  });
});

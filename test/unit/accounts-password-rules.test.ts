import { describe, expect, it } from 'vitest';
import { checkNewPassword } from '@/accounts/passwords';

describe('checkNewPassword', () => {
  const good = 'a long enough password';

  it('accepts a long enough password typed twice alike, different from the current one', () => {
    expect(checkNewPassword({ password: good, repeat: good })).toEqual({});
    expect(checkNewPassword({ current: 'the old one', password: good, repeat: good })).toEqual({});
  });

  it("uses newUserSchema's rule: 12 to 1000 characters", () => {
    expect(checkNewPassword({ password: 'x'.repeat(11), repeat: 'x'.repeat(11) })).toEqual({
      password: 'tooShort',
    });
    expect(checkNewPassword({ password: 'x'.repeat(12), repeat: 'x'.repeat(12) })).toEqual({});
    expect(checkNewPassword({ password: 'x'.repeat(1000), repeat: 'x'.repeat(1000) })).toEqual({});
    expect(checkNewPassword({ password: 'x'.repeat(1001), repeat: 'x'.repeat(1001) })).toEqual({
      password: 'tooLong',
    });
  });

  it('names every field that is wrong', () => {
    expect(checkNewPassword({ current: '', password: 'short', repeat: 'other' })).toEqual({
      current: 'required',
      password: 'tooShort',
      repeat: 'mismatch',
    });
    expect(checkNewPassword({ current: good, password: good, repeat: good })).toEqual({
      password: 'sameAsCurrent',
    });
  });
});

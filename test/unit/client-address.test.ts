import { describe, expect, it } from 'vitest';
import { limitKeyOfAddress } from '@/platform/http/client-address';

describe('limitKeyOfAddress', () => {
  it('keys every address of one IPv6 /64 the same, whichever way it is written', () => {
    const keys = [
      '2001:db8:1:2::1',
      '2001:db8:1:2:ffff:ffff:ffff:ffff',
      '2001:0DB8:0001:0002:0000:0000:0000:abcd',
      '[2001:db8:1:2::99]',
      '2001:db8:1:2::7%eth0',
      '2001:db8:1:2:0:0:1.2.3.4',
    ].map(limitKeyOfAddress);
    expect(new Set(keys)).toEqual(new Set(['2001:db8:1:2::/64']));
  });

  it('tells different /64 networks apart', () => {
    expect(limitKeyOfAddress('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(limitKeyOfAddress('::1')).toBe('0:0:0:0::/64');
    expect(limitKeyOfAddress('2001:db8::')).toBe('2001:db8:0:0::/64');
  });

  it('keeps IPv4 (also IPv4-mapped IPv6) as the address, and anything unreadable as it is', () => {
    expect(limitKeyOfAddress('192.0.2.7')).toBe('192.0.2.7');
    expect(limitKeyOfAddress('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(limitKeyOfAddress('0:0:0:0:0:ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(limitKeyOfAddress('unknown')).toBe('unknown');
    expect(limitKeyOfAddress('1::2::3')).toBe('1::2::3');
    expect(limitKeyOfAddress('1:2:3:4:5:6:7:8:9')).toBe('1:2:3:4:5:6:7:8:9');
  });
});

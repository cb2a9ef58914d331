import { describe, expect, it } from 'vitest';
import { formatSize } from '@/platform/i18n/size';

describe('formatSize', () => {
  it('writes sizes with the language’s units and decimal mark', () => {
    expect(formatSize(26_214_400, 'et')).toBe('25 MB');
    expect(formatSize(1_572_864, 'et')).toBe('1,5 MB');
    expect(formatSize(1_572_864, 'en')).toBe('1.5 MB');
    expect(formatSize(1_572_864, 'ru')).toBe('1,5 МБ');
    expect(formatSize(1_000_000, 'ru')).toBe('977 КБ');
    expect(formatSize(512, 'ru')).toBe('512 Б');
  });
});

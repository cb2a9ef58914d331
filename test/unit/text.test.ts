import { describe, expect, it } from 'vitest';
import { multiLineText, singleLineText } from '@/platform/text';

describe('text normalised at the boundary', () => {
  it('turns a surrogate without its pair into U+FFFD and keeps whole pairs', () => {
    expect(singleLineText('a\ud800b')).toBe('a\ufffdb');
    expect(singleLineText('a\udc00')).toBe('a\ufffd');
    expect(multiLineText('\ud800\nx')).toBe('\ufffd\nx');
    expect(singleLineText('Tere 👋 Рыуге')).toBe('Tere 👋 Рыуге');
    // What Postgres stores: a string JSON can carry without a lone surrogate.
    expect(JSON.stringify(multiLineText('x\udbff'))).toBe('"x\ufffd"');
  });

  it('drops control characters and folds line breaks as before', () => {
    expect(singleLineText('a\u0000b\r\nc')).toBe('ab c');
    expect(multiLineText('a\r\nb\u2028c\u0007')).toBe('a\nb\nc');
  });
});

import { describe, expect, it } from 'vitest';
import { parseCaptions } from '@/captions/parse';
import { captionText } from '@/captions/service';

/** Captions files as people and their tools write them (issue 19 review, items 5-7). */
describe('reading captions files leniently, like browsers', () => {
  it('takes a bare &, unknown tags, in-cue times and unknown settings; keeps the speaker, leaves no stray space', () => {
    const parsed = parseCaptions(
      [
        'WEBVTT',
        '',
        '00:00:01.000 --> 00:00:03.000 align:somewhere',
        '<v Mari Maasikas>Tere, mina olen <i>Mari</i>.</v>',
        '',
        '00:00:04.000 --> 00:00:06.000',
        'Tom & Jerry <u2>ja</u2> <c.yellow>Kollane</c> <00:00:05.000>tekst',
        '',
      ].join('\n'),
      'vtt',
    );
    expect(parsed).toEqual({
      ok: true,
      cues: [
        {
          startMs: 1000,
          endMs: 3000,
          text: 'Mari Maasikas: Tere, mina olen Mari.',
          voices: [{ speaker: 'Mari Maasikas', at: 0 }],
        },
        { startMs: 4000, endMs: 6000, text: 'Tom & Jerry ja Kollane tekst' },
      ],
    });
  });

  it('reads a SubRip file sent as WebVTT (a .srt renamed .vtt) by its content', () => {
    expect(parseCaptions('1\n00:00:01,000 --> 00:00:03,000\nSRT nimega vtt\n', 'vtt')).toEqual({
      ok: true,
      cues: [{ startMs: 1000, endMs: 3000, text: 'SRT nimega vtt' }],
    });
  });

  it('still refuses a timing line that does not read, naming it (browsers drop that cue)', () => {
    const parsed = parseCaptions('WEBVTT\n\n00:0:03.000 --> 00:00:04.000\nkadunud\n', 'vtt');
    expect(parsed).toMatchObject({ ok: false, problems: [{ line: 3, code: 'timing' }] });
  });

  it('refuses cues after the end of a recording of known length, naming the first (a minute of slack)', () => {
    const vtt = [
      'WEBVTT',
      '',
      '02:59:30.000 --> 02:59:35.000',
      'Lõpp',
      '',
      '03:00:50.000 --> 03:00:55.000',
      'Tiitrid',
      '',
      '22:00:00.000 --> 22:00:04.000',
      'Vale aeg',
      '',
    ].join('\n');
    expect(parseCaptions(vtt, 'vtt', 3 * 3600)).toMatchObject({
      ok: false,
      problems: [{ line: 9, code: 'pastEnd', params: { at: '22:00:00', duration: '3:00:00' } }],
    });
    expect(parseCaptions(vtt, 'vtt', null).ok).toBe(true);
  });
});

describe("a file's encoding", () => {
  const bytes = (...values: number[]) => new Uint8Array(values);
  it("reads UTF-8, else the legacy code page of the captions' language", () => {
    expect(captionText(new TextEncoder().encode('Õun ja äri'), 'ru')).toBe('Õun ja äri');
    // "Õun ja äri" in Windows-1257.
    const baltic = bytes(0xd5, 0x75, 0x6e, 0x20, 0x6a, 0x61, 0x20, 0xe4, 0x72, 0x69);
    expect(captionText(baltic, 'et')).toBe('Õun ja äri');
    // "Привет" in Windows-1251.
    const cyrillic = bytes(0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2);
    expect(captionText(cyrillic, 'ru')).toBe('Привет');
  });

  it('refuses bytes that are not UTF-8 in a language without a known code page', () => {
    expect(() => captionText(bytes(0xd5, 0x75), 'de')).toThrow(
      expect.objectContaining({
        details: [expect.objectContaining({ localized: { key: 'captions.problem.encoding' } })],
      }),
    );
  });
});

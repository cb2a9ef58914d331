import { describe, expect, it } from 'vitest';
import { fitSize, frameSnippet, iframeHtml, rowsFor } from '@/embeds/rules';
import { whenSource } from '@/embeds/scripts';
import { languages } from '@/platform/i18n';
import { formatWhen } from '@/platform/time';

type When = (start: string, end: string, zone: string, lang: string, now: Date) => string;

/** The web component's date phrasing, evaluated as /embed.js defines it. */
const when = new Function(`return ${whenSource()}`)() as When;

describe("the web component's dates", () => {
  const cases: [string, string, string, string][] = [
    // start, end, zone, now
    ['2026-12-15T16:00:00Z', '2026-12-15T19:00:00Z', 'Europe/Tallinn', '2026-12-01T00:00:00Z'],
    ['2026-12-15T16:00:00Z', '2026-12-15T19:00:00Z', 'Europe/Tallinn', '2025-06-01T00:00:00Z'],
    ['2027-01-03T07:05:00Z', '2027-01-03T08:00:00Z', 'Europe/Tallinn', '2026-12-01T00:00:00Z'],
    // Past midnight in the zone, not in UTC; a summer date in another zone.
    ['2026-03-28T22:30:00Z', '2026-03-29T01:30:00Z', 'Europe/Tallinn', '2026-01-01T00:00:00Z'],
    ['2026-07-04T13:00:00Z', '2026-07-04T15:30:00Z', 'America/New_York', '2026-01-01T00:00:00Z'],
    // Over several days: in one year, and across the new year.
    ['2026-05-11T06:00:00Z', '2026-05-13T12:00:00Z', 'Europe/Tallinn', '2026-01-01T00:00:00Z'],
    ['2026-12-31T18:00:00Z', '2027-01-01T10:00:00Z', 'Europe/Tallinn', '2026-01-01T00:00:00Z'],
    ['2026-12-31T18:00:00Z', '2027-01-01T10:00:00Z', 'Europe/Tallinn', '2024-01-01T00:00:00Z'],
  ];
  // Every weekday and month once too.
  for (let day = 0; day < 12; day += 1) {
    const start = new Date(Date.UTC(2026, day, 1 + day, 9, 0));
    const end = new Date(start.getTime() + 2 * 3600_000);
    cases.push([start.toISOString(), end.toISOString(), 'Europe/Tallinn', '2020-01-01T00:00:00Z']);
  }

  it.each(languages)('say it in %s as the pages and frames do (formatWhen)', (lang) => {
    for (const [start, end, zone, now] of cases) {
      const expected = formatWhen(new Date(start), new Date(end), zone, lang, {
        now: new Date(now),
      });
      expect(when(start, end, zone, lang, new Date(now)), `${start} ${zone}`).toBe(expected);
    }
  });

  it('reads naturally, not as a date format', () => {
    const args = ['2026-12-15T16:00:00Z', '2026-12-15T19:00:00Z', 'Europe/Tallinn'] as const;
    const now = new Date('2026-01-01T00:00:00Z');
    expect(when(...args, 'et', now)).toBe('teisipäeval, 15. detsembril kell 18.00–21.00');
    expect(when(...args, 'ru', now)).toBe('во вторник, 15 декабря, 18:00–21:00');
    expect(when(...args, 'en', now)).toBe('Tuesday 15 December, 18:00–21:00');
  });
});

describe('what is pasted', () => {
  it('a frame snippet is the frame and /embed.js, which fits it', () => {
    const html = frameSnippet(
      { src: 'https://koda.test/embed/plans/1', title: 'Kava', width: 600, height: 520 },
      'https://koda.test/embed.js',
    );
    expect(html.split('\n')).toEqual([
      '<iframe src="https://koda.test/embed/plans/1" title="Kava" width="600" height="520" loading="lazy" style="border:0;max-width:100%"></iframe>',
      '<script src="https://koda.test/embed.js" async></script>',
    ]);
  });

  it('maxheight caps the frame and how far it may grow', () => {
    expect(fitSize({ width: 600, height: 520 }, undefined, undefined)).toEqual({
      width: 600,
      height: 520,
    });
    expect(fitSize({ width: 600, height: 520 }, '320', '900')).toEqual({
      width: 320,
      height: 520,
      maxHeight: 900,
    });
    // Never larger than asked, however small (oEmbed: the embed must not exceed them).
    expect(fitSize({ width: 600, height: 520 }, '20', '50')).toEqual({
      width: 20,
      height: 50,
      maxHeight: 50,
    });
    expect(fitSize({ width: 600, height: 520 }, '0', '0')).toEqual({ width: 600, height: 520 });
    expect(fitSize({ width: 600, height: 520 }, 'x', '1e3')).toEqual({ width: 600, height: 520 });
    expect(
      iframeHtml({ src: 'https://k/', title: 't', width: 600, height: 200, maxHeight: 200 }),
    ).toContain(' height="200" data-koda-max-height="200" ');
  });

  it('a snippet textarea has a row for every line, long ones wrapped as a browser wraps them', () => {
    expect(rowsFor('a', 60)).toBe(2);
    expect(rowsFor(`${'x'.repeat(61)}\nb`, 60)).toBe(4);
    // Wrapped after a space or a hyphen, as a browser does: "aaa " | "bbb-" | "cc".
    expect(rowsFor('aaa bbb-cc', 5)).toBe(4);
  });
});

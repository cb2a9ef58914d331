import { describe, expect, it } from 'vitest';
import { chaptersVtt, vttTime } from '@/recordings/vtt';
import { liveState, type LiveEvent } from '@/recordings/live';
import {
  chapterProblems,
  chaptersFromAgenda,
  parseChapterLines,
  parseDurationField,
} from '@/recordings/chapters';

const event: LiveEvent = {
  startsAt: new Date('2014-10-02T13:00:00Z'), // 16:00 in Tallinn
  endsAt: new Date('2014-10-02T16:00:00Z'),
  status: 'published',
  onlineUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
};
const live = { id: 1, kind: 'live' as const, sourceUrl: 'https://vimeo.com/76979871' };
const archived = { id: 2, kind: 'recording' as const, sourceUrl: 'https://youtu.be/dQw4w9WgXcQ' };
const at = (iso: string) => new Date(iso);

describe('liveState', () => {
  it('moves from the note to the live player to the recordings at the 15-minute marks', () => {
    expect(liveState(event, [], at('2014-10-02T12:44:59Z'))).toEqual({
      phase: 'before',
      liveFrom: at('2014-10-02T12:45:00Z'),
      streamUrl: event.onlineUrl,
    });
    expect(liveState(event, [], at('2014-10-02T12:45:00Z'))).toMatchObject({
      phase: 'live',
      streamUrl: event.onlineUrl,
    });
    expect(liveState(event, [], at('2014-10-02T16:14:59Z')).phase).toBe('live');
    expect(liveState(event, [], at('2014-10-02T16:15:00Z'))).toEqual({ phase: 'soon' });
    expect(liveState(event, [archived], at('2014-10-02T16:15:00Z'))).toEqual({
      phase: 'after',
      recordings: [archived],
    });
  });

  it('prefers a live recording to the online URL and never shows it as an archive', () => {
    expect(liveState(event, [live, archived], at('2014-10-02T14:00:00Z'))).toEqual({
      phase: 'live',
      streamUrl: live.sourceUrl,
      recording: live,
    });
    expect(liveState(event, [live], at('2014-10-03T00:00:00Z'))).toEqual({ phase: 'soon' });
  });

  it('says nothing for events without a stream, or cancelled ones', () => {
    const noStream = { ...event, onlineUrl: null };
    for (const now of ['2014-10-01T00:00:00Z', '2014-10-02T14:00:00Z', '2014-10-05T00:00:00Z']) {
      expect(liveState(noStream, [], at(now))).toEqual({ phase: 'none' });
    }
    expect(liveState(noStream, [archived], at('2014-10-05T00:00:00Z')).phase).toBe('after');
    expect(
      liveState({ ...event, status: 'cancelled' }, [live], at('2014-10-02T14:00:00Z')),
    ).toEqual({
      phase: 'none',
    });
  });
});

describe('chaptersVtt', () => {
  it('writes cues that end where the next one starts and escapes the text', () => {
    const vtt = chaptersVtt(
      [
        { offsetSeconds: 1200, title: 'Ülevaade <omavalitsusest> & küsimused' },
        { offsetSeconds: 0, title: 'Avasõnad\n--> teine rida' },
      ],
      3723,
    );
    expect(vtt).toBe(
      [
        'WEBVTT',
        '',
        '1',
        '00:00:00.000 --> 00:20:00.000',
        'Avasõnad --&gt; teine rida',
        '',
        '2',
        '00:20:00.000 --> 01:02:03.000',
        'Ülevaade &lt;omavalitsusest&gt; &amp; küsimused',
        '',
      ].join('\n'),
    );
  });

  it('gives the last chapter an hour when the duration is unknown, and is valid when empty', () => {
    expect(chaptersVtt([{ offsetSeconds: 60, title: 'A' }], null)).toContain(
      '00:01:00.000 --> 01:01:00.000',
    );
    expect(chaptersVtt([], null)).toBe('WEBVTT\n');
    expect(vttTime(36000 + 61)).toBe('10:01:01.000');
  });
});

describe('chapters', () => {
  it('names each bad field', () => {
    expect(
      chapterProblems(
        [
          { offsetSeconds: -1, title: 'a' },
          { offsetSeconds: 700, title: 'b' },
          { offsetSeconds: 10, title: ' ', agendaItemId: 9 },
          { offsetSeconds: 600, title: 'ok', agendaItemId: 1 },
        ],
        600,
        new Set([1]),
      ).map((problem) => problem.path),
    ).toEqual([
      'chapters.0.offsetSeconds',
      'chapters.1.offsetSeconds',
      'chapters.2.title',
      'chapters.2.agendaItemId',
    ]);
  });

  it('reads the form lines and reports the wrong ones', () => {
    expect(
      parseChapterLines('0:00 Avasõnad\n\n20:00 Ülevaade\n1:05:00  Arutelu \nvale\n95 Küsimused'),
    ).toEqual({
      chapters: [
        { offsetSeconds: 0, title: 'Avasõnad' },
        { offsetSeconds: 1200, title: 'Ülevaade' },
        { offsetSeconds: 3900, title: 'Arutelu' },
        { offsetSeconds: 95, title: 'Küsimused' },
      ],
      badLines: [5],
    });
    expect(parseDurationField('3:00:00')).toBe(10800);
    expect(parseDurationField('')).toBeNull();
    expect(parseDurationField('kolm tundi')).toBeNaN();
  });

  it('makes chapters from the agenda relative to the recording start', () => {
    const start = new Date('2014-10-02T13:00:00Z');
    const agenda = [
      { id: 2, title: 'Teine', startsAt: new Date('2014-10-02T13:20:00Z') },
      { id: 1, title: 'Esimene', startsAt: new Date('2014-10-02T13:00:00Z') },
      { id: 3, title: 'Hiline', startsAt: new Date('2014-10-02T16:00:00Z') },
    ];
    expect(chaptersFromAgenda(agenda, start, 3 * 3600)).toEqual([
      { offsetSeconds: 0, title: 'Esimene', agendaItemId: 1 },
      { offsetSeconds: 1200, title: 'Teine', agendaItemId: 2 },
      { offsetSeconds: 10800, title: 'Hiline', agendaItemId: 3 },
    ]);
    expect(
      chaptersFromAgenda(agenda, new Date('2014-10-02T13:10:00Z'), 3600).map((c) => c.title),
    ).toEqual(['Teine']);
  });
});

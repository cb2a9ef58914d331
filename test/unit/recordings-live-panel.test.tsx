import { describe, expect, it } from 'vitest';
import { translator } from '@/messages';
import type { RecordingView } from '@/recordings/queries';
import { LivePanel } from '@views/recordings/live-panel';

const ctx = {
  lang: 'et' as const,
  t: translator('et'),
  path: '/events/x',
  publicUrl: 'https://koda.test',
};
const event = {
  title: 'Mõttekoda Keilas',
  startsAt: new Date('2014-10-02T13:00:00Z'),
  endsAt: new Date('2014-10-02T16:00:00Z'),
  timezone: 'Europe/Tallinn',
  status: 'published' as const,
  onlineUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
};
const recording: RecordingView = {
  id: 7,
  eventId: 1,
  agendaItemId: null,
  position: 0,
  title: 'Veebiülekanne: Keila',
  kind: 'recording',
  sourceUrl: 'https://vimeo.com/76979871',
  provider: 'vimeo',
  language: 'et',
  durationSeconds: 10800,
  captionsUrl: null,
  published: true,
  createdAt: new Date('2014-10-03T00:00:00Z'),
  updatedAt: new Date('2014-10-03T00:00:00Z'),
  chapters: [],
  originalLang: 'et',
  translations: {},
};

async function render(now: string, recordings: RecordingView[] = [], overrides = {}) {
  const element = LivePanel({
    ctx,
    event: { ...event, ...overrides },
    recordings,
    now: new Date(now),
  });
  return element === null ? '' : String(await element.toString());
}

describe('LivePanel', () => {
  it('announces the start time in the event zone with the link before the event', async () => {
    const html = await render('2014-10-01T10:00:00Z');
    expect(html).toContain('data-live-phase="before"');
    expect(html).toContain('Otseülekanne algab neljapäeval, 2. oktoobril kell 16.00.');
    expect(html).toContain('href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"');
    expect(html).not.toContain('<iframe');
  });

  it('shows the privacy-enhanced live player from 15 minutes before the start', async () => {
    const html = await render('2014-10-02T12:45:00Z');
    expect(html).toContain('data-live-phase="live"');
    expect(html).toContain(
      'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0&amp;enablejsapi=1"',
    );
    expect(html).toContain('class="badge live"');
  });

  it('shows the recordings afterwards, or that one is coming', async () => {
    const after = await render('2014-10-02T16:15:00Z', [recording]);
    expect(after).toContain('data-live-phase="after"');
    expect(after).toContain('<a href="/recordings/7">Veebiülekanne: Keila</a>');
    expect(after).toContain('https://player.vimeo.com/video/76979871');
    expect(await render('2014-10-02T16:15:00Z')).toContain('Salvestis tuleb peagi.');
  });

  it('gives an unknown stream host a link, never a frame, and renders nothing without a stream', async () => {
    const html = await render('2014-10-02T14:00:00Z', [], {
      onlineUrl: 'https://youtube.com.evil.example/live',
    });
    expect(html).not.toContain('<iframe');
    expect(html).toContain('href="https://youtube.com.evil.example/live"');
    expect(await render('2014-10-02T14:00:00Z', [], { onlineUrl: null })).toBe('');
    for (const now of ['2014-10-01T10:00:00Z', '2014-10-02T14:00:00Z', '2014-10-03T14:00:00Z']) {
      expect(await render(now, [], { onlineUrl: 'javascript:alert(1)' })).toBe('');
    }
  });
});

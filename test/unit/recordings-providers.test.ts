import { describe, expect, it } from 'vitest';
import { parseStartTime, playerForUrl, providerOf, recognizeSource } from '@/recordings/providers';

const ID = 'dQw4w9WgXcQ';

describe('recognizeSource', () => {
  const table: [string, string | null, Record<string, unknown>?][] = [
    // YouTube in all its forms
    [`https://www.youtube.com/watch?v=${ID}`, 'youtube', { id: ID, start: null }],
    [`https://youtube.com/watch?v=${ID}&t=1h2m3s`, 'youtube', { id: ID, start: 3723 }],
    [`https://www.youtube.com/watch?feature=share&v=${ID}&t=123`, 'youtube', { start: 123 }],
    [`https://youtu.be/${ID}?t=90s`, 'youtube', { id: ID, start: 90 }],
    [`https://www.youtube.com/live/${ID}?si=abc`, 'youtube', { id: ID }],
    [`https://www.youtube.com/shorts/${ID}`, 'youtube', { id: ID }],
    [`https://www.youtube.com/embed/${ID}?start=42`, 'youtube', { id: ID, start: 42 }],
    [`https://www.youtube-nocookie.com/embed/${ID}`, 'youtube', { id: ID }],
    [`https://m.youtube.com/watch?v=${ID}`, 'youtube', { id: ID }],
    [`https://music.youtube.com/watch?v=${ID}`, 'youtube', { id: ID }],
    [`HTTPS://WWW.YOUTUBE.COM/watch?v=${ID}`, 'youtube', { id: ID }],
    [`http://www.youtube.com/watch?v=${ID}#t=2m`, 'youtube', { id: ID, start: 120 }],
    // YouTube without a usable id, or not YouTube at all
    ['https://www.youtube.com/watch', 'link'],
    ['https://www.youtube.com/watch?v=short', 'link'],
    ['https://www.youtube.com/@ERRnews', 'link'],
    [`https://youtube.com.evil.example/watch?v=${ID}`, 'link'],
    [`https://evil.example/www.youtube.com/watch?v=${ID}`, 'link'],
    [`https://www.youtube.com@evil.example/watch?v=${ID}`, 'link'],
    [`https://notyoutube.com/watch?v=${ID}`, 'link'],
    [`https://www.youtube.com:8443/watch?v=${ID}`, 'link'],
    // Vimeo
    ['https://vimeo.com/76979871', 'vimeo', { id: '76979871', hash: null }],
    ['https://vimeo.com/76979871/abcdef1234', 'vimeo', { id: '76979871', hash: 'abcdef1234' }],
    ['https://player.vimeo.com/video/76979871?h=abc123', 'vimeo', { hash: 'abc123' }],
    ['https://vimeo.com/channels/staffpicks/76979871#t=1m5s', 'vimeo', { start: 65 }],
    ['https://vimeo.com/about', 'link'],
    ['https://vimeo.com.evil.example/76979871', 'link'],
    // Facebook
    [
      'https://www.facebook.com/keilalinn/videos/1234567890/',
      'facebook',
      { href: 'https://www.facebook.com/keilalinn/videos/1234567890/' },
    ],
    [
      'https://m.facebook.com/watch/?v=1234567890',
      'facebook',
      { href: 'https://www.facebook.com/watch/?v=1234567890' },
    ],
    ['https://www.facebook.com/keilalinn', 'link'],
    ['https://facebook.com.evil.example/x/videos/1234567890', 'link'],
    // Media files
    ['https://media.example.org/keila.mp4', 'file', { mime: 'video/mp4' }],
    ['https://media.example.org/KEILA.WEBM?token=1', 'file', { mime: 'video/webm' }],
    ['https://cdn.example.org/live/stream.m3u8', 'hls', { mime: 'application/vnd.apple.mpegurl' }],
    ['http://media.example.org/keila.mp4', 'link'],
    ['https://media.example.org/keila.mp4.html', 'link'],
    // Everything else
    ['https://www.err.ee/otse', 'link'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)//https://www.youtube.com/watch?v=dQw4w9WgXcQ', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['ftp://example.org/video.mp4', null],
    ['//www.youtube.com/watch?v=dQw4w9WgXcQ', null],
    ['not a url', null],
    ['', null],
  ];

  it.each(table)('%s → %s', (url, provider, fields) => {
    const source = recognizeSource(url);
    expect(source?.provider ?? null).toBe(provider);
    expect(providerOf(url)).toBe(provider);
    if (fields) expect(source).toMatchObject(fields);
  });
});

describe('playerFor', () => {
  it('embeds YouTube through youtube-nocookie.com with the start time', () => {
    expect(playerForUrl(`https://youtu.be/${ID}?t=1h2m3s`)).toEqual({
      type: 'iframe',
      provider: 'youtube',
      src: `https://www.youtube-nocookie.com/embed/${ID}?rel=0&enablejsapi=1&start=3723`,
      origin: 'https://www.youtube-nocookie.com',
    });
    // An explicit start (?t= on our page) wins over the URL's own.
    expect(playerForUrl(`https://youtu.be/${ID}?t=5`, 2530)).toMatchObject({
      src: `https://www.youtube-nocookie.com/embed/${ID}?rel=0&enablejsapi=1&start=2530`,
    });
  });

  it('builds Vimeo and Facebook player URLs', () => {
    expect(playerForUrl('https://vimeo.com/76979871/abcdef1234', 65)).toMatchObject({
      type: 'iframe',
      src: 'https://player.vimeo.com/video/76979871?dnt=1&h=abcdef1234#t=65s',
    });
    const facebook = playerForUrl('https://www.facebook.com/keilalinn/videos/1234567890/', 30);
    expect(facebook?.type).toBe('iframe');
    const src = new URL((facebook as { src: string }).src);
    expect(src.origin + src.pathname).toBe('https://www.facebook.com/plugins/video.php');
    expect(src.searchParams.get('href')).toBe(
      'https://www.facebook.com/keilalinn/videos/1234567890/',
    );
    expect(src.searchParams.get('t')).toBe('30');
  });

  it('plays files in <video> with a media fragment for the start', () => {
    expect(playerForUrl('https://media.example.org/keila.mp4#t=10', 75)).toEqual({
      type: 'video',
      provider: 'file',
      src: 'https://media.example.org/keila.mp4#t=75',
      mime: 'video/mp4',
      href: 'https://media.example.org/keila.mp4#t=10',
    });
    expect(playerForUrl('https://cdn.example.org/live/stream.m3u8')).toMatchObject({
      type: 'video',
      provider: 'hls',
    });
  });

  it('never makes an iframe for an unknown host', () => {
    for (const url of [
      'https://youtube.com.evil.example/embed/dQw4w9WgXcQ',
      'https://evil.example/embed/dQw4w9WgXcQ',
      'https://player.vimeo.com.evil.example/video/1',
      'https://www.facebook.com.evil.example/plugins/video.php',
    ]) {
      expect(playerForUrl(url)).toEqual({ type: 'link', provider: 'link', href: url });
    }
    expect(playerForUrl('javascript:alert(1)')).toBeNull();
  });
});

describe('parseStartTime', () => {
  it.each([
    ['123', 123],
    ['123s', 123],
    ['2m', 120],
    ['1h2m3s', 3723],
    ['1H', 3600],
    ['42:10', 2530],
    ['1:02:03', 3723],
    ['12.7', 12],
    ['', null],
    ['abc', null],
    ['-5', null],
    ['1h-2m', null],
  ] as const)('%s → %s', (text, seconds) => {
    expect(parseStartTime(text)).toBe(seconds);
  });
});

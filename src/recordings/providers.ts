/**
 * Turns a recording's source URL into the player for it. Pure: no I/O.
 *
 * Only hosts we know are embedded, and always through URLs we build ourselves (the
 * privacy-enhanced youtube-nocookie.com, player.vimeo.com, the Facebook video plugin).
 * Anything else is a plain link, never an iframe; anything that is not http(s) is nothing.
 */

export type Provider = 'youtube' | 'vimeo' | 'facebook' | 'file' | 'hls' | 'link';

export const providers: readonly Provider[] = [
  'youtube',
  'vimeo',
  'facebook',
  'file',
  'hls',
  'link',
];

export type Source =
  | { provider: 'youtube'; id: string; start: number | null; url: string }
  | { provider: 'vimeo'; id: string; hash: string | null; start: number | null; url: string }
  | { provider: 'facebook'; href: string; start: number | null; url: string }
  | { provider: 'file'; mime: string; start: number | null; url: string }
  | { provider: 'hls'; mime: string; start: number | null; url: string }
  | { provider: 'link'; start: null; url: string };

export type Player =
  | { type: 'iframe'; provider: 'youtube' | 'vimeo' | 'facebook'; src: string; origin: string }
  | { type: 'video'; provider: 'file' | 'hls'; src: string; mime: string; href: string }
  | { type: 'link'; provider: 'link'; href: string };

/** The origins a page may frame: exactly the players this module builds. */
export const FRAME_ORIGINS = {
  youtube: 'https://www.youtube-nocookie.com',
  vimeo: 'https://player.vimeo.com',
  facebook: 'https://www.facebook.com',
} as const;

const youtubeHosts = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'music.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);
const vimeoHosts = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);
const facebookHosts = new Set([
  'facebook.com',
  'www.facebook.com',
  'm.facebook.com',
  'web.facebook.com',
]);

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const NUMERIC_ID = /^\d{1,20}$/;

/** Parses an http(s) URL; anything else (javascript:, data:, relative, garbage) is null. */
export function parseHttpUrl(input: string): URL | null {
  const text = input.trim();
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname) return null;
    return url;
  } catch {
    return null;
  }
}

/**
 * A start time as YouTube and Vimeo write it: "123", "123s", "2m3s", "1h2m3s" (and "01:02:03").
 * Returns whole seconds, or null when it is not a time.
 */
export function parseStartTime(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim().toLowerCase();
  if (text === '') return null;
  if (/^\d{1,7}(\.\d+)?s?$/.test(text)) return Math.floor(Number.parseFloat(text));
  const units = /^(?:(\d{1,4})h)?(?:(\d{1,5})m)?(?:(\d{1,7})s)?$/.exec(text);
  if (units && (units[1] || units[2] || units[3])) {
    return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
  }
  const clock = /^(?:(\d{1,4}):)?(\d{1,2}):(\d{2})$/.exec(text);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  return null;
}

function fragmentParam(url: URL, name: string): string | null {
  const hash = url.hash.replace(/^#/, '');
  if (!hash) return null;
  return new URLSearchParams(hash).get(name);
}

function youtubeId(url: URL): string | null {
  const segments = url.pathname.split('/').filter(Boolean);
  let candidate: string | undefined;
  if (url.hostname === 'youtu.be') candidate = segments[0];
  else if (segments[0] === 'watch') candidate = url.searchParams.get('v') ?? undefined;
  else if (['live', 'shorts', 'embed', 'v', 'e'].includes(segments[0] ?? ''))
    candidate = segments[1];
  return candidate && YOUTUBE_ID.test(candidate) ? candidate : null;
}

function vimeoIds(url: URL): { id: string; hash: string | null } | null {
  const segments = url.pathname.split('/').filter(Boolean);
  if (url.hostname === 'player.vimeo.com') {
    if (segments[0] !== 'video' || !NUMERIC_ID.test(segments[1] ?? '')) return null;
    return { id: segments[1] as string, hash: url.searchParams.get('h') };
  }
  // vimeo.com/123, vimeo.com/123/abcdef (unlisted), vimeo.com/channels/x/123, vimeo.com/groups/x/videos/123
  const index = segments.findIndex((segment) => NUMERIC_ID.test(segment));
  if (index < 0) return null;
  const before = segments.slice(0, index);
  const allowed =
    before.length === 0 ||
    (before[0] === 'channels' && before.length === 2) ||
    (before[0] === 'groups' && before.length === 3 && before[2] === 'videos') ||
    (before[0] === 'showcase' && before.length === 3 && before[2] === 'video');
  if (!allowed) return null;
  const next = segments[index + 1];
  const hash = next && /^[0-9a-f]{6,20}$/i.test(next) ? next : url.searchParams.get('h');
  return { id: segments[index] as string, hash: hash ?? null };
}

function facebookHref(url: URL): string | null {
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments[0] === 'watch') {
    const v = url.searchParams.get('v');
    return v && NUMERIC_ID.test(v) ? `https://www.facebook.com/watch/?v=${v}` : null;
  }
  // /{page}/videos/{id} and /{page}/videos/{title}/{id}
  const at = segments.indexOf('videos');
  if (at === 1) {
    const id = segments.slice(2).find((segment) => NUMERIC_ID.test(segment));
    const page = segments[0] as string;
    if (id && /^[A-Za-z0-9.\-_]+$/.test(page)) {
      return `https://www.facebook.com/${page}/videos/${id}/`;
    }
  }
  if (segments[0] === 'reel' && NUMERIC_ID.test(segments[1] ?? '')) {
    return `https://www.facebook.com/reel/${segments[1]}/`;
  }
  return null;
}

const fileTypes: Record<string, { provider: 'file' | 'hls'; mime: string }> = {
  mp4: { provider: 'file', mime: 'video/mp4' },
  m4v: { provider: 'file', mime: 'video/mp4' },
  webm: { provider: 'file', mime: 'video/webm' },
  ogv: { provider: 'file', mime: 'video/ogg' },
  m3u8: { provider: 'hls', mime: 'application/vnd.apple.mpegurl' },
};

/** What a source URL is. Null when it is not an http(s) URL at all. */
export function recognizeSource(input: string): Source | null {
  const url = parseHttpUrl(input);
  if (!url) return null;
  const href = url.toString();
  const link: Source = { provider: 'link', start: null, url: href };
  // Credentials or an unusual port: not the provider's own page, so only a link.
  if (url.username || url.password || url.port) return link;
  const host = url.hostname.toLowerCase();
  const start =
    parseStartTime(url.searchParams.get('t')) ??
    parseStartTime(url.searchParams.get('start')) ??
    parseStartTime(fragmentParam(url, 't'));

  if (youtubeHosts.has(host) || host === 'youtu.be') {
    const id = youtubeId(url);
    return id ? { provider: 'youtube', id, start, url: href } : link;
  }
  if (vimeoHosts.has(host)) {
    const ids = vimeoIds(url);
    return ids ? { provider: 'vimeo', ...ids, start, url: href } : link;
  }
  if (facebookHosts.has(host)) {
    const canonical = facebookHref(url);
    return canonical ? { provider: 'facebook', href: canonical, start, url: href } : link;
  }
  const extension = /\.([a-z0-9]{2,5})$/i.exec(url.pathname)?.[1]?.toLowerCase();
  const type = extension ? fileTypes[extension] : undefined;
  // Media over plain http would be blocked on an https page: offer it as a link instead.
  if (type && url.protocol === 'https:') {
    return { provider: type.provider, mime: type.mime, start, url: href };
  }
  return link;
}

/** The provider name stored with a recording; null for a URL that is not http(s). */
export function providerOf(input: string): Provider | null {
  return recognizeSource(input)?.provider ?? null;
}

/**
 * The player for a source, starting at `startSeconds` (or the URL's own start time).
 * Iframes get `enablejsapi`/`api` so that the chapter script can seek them.
 */
export function playerFor(source: Source, startSeconds?: number | null): Player {
  const start = startSeconds ?? source.start ?? null;
  switch (source.provider) {
    case 'youtube': {
      const params = new URLSearchParams({ rel: '0', enablejsapi: '1' });
      if (start) params.set('start', String(start));
      return {
        type: 'iframe',
        provider: 'youtube',
        src: `${FRAME_ORIGINS.youtube}/embed/${source.id}?${params.toString()}`,
        origin: FRAME_ORIGINS.youtube,
      };
    }
    case 'vimeo': {
      const params = new URLSearchParams({ dnt: '1' });
      if (source.hash && /^[0-9a-f]+$/i.test(source.hash)) params.set('h', source.hash);
      return {
        type: 'iframe',
        provider: 'vimeo',
        src: `${FRAME_ORIGINS.vimeo}/video/${source.id}?${params.toString()}${start ? `#t=${start}s` : ''}`,
        origin: FRAME_ORIGINS.vimeo,
      };
    }
    case 'facebook': {
      const params = new URLSearchParams({ href: source.href, show_text: 'false' });
      if (start) params.set('t', String(start));
      return {
        type: 'iframe',
        provider: 'facebook',
        src: `${FRAME_ORIGINS.facebook}/plugins/video.php?${params.toString()}`,
        origin: FRAME_ORIGINS.facebook,
      };
    }
    case 'file':
    case 'hls': {
      const base = source.url.replace(/#.*$/, '');
      return {
        type: 'video',
        provider: source.provider,
        src: start ? `${base}#t=${start}` : base,
        mime: source.mime,
        href: source.url,
      };
    }
    case 'link':
      return { type: 'link', provider: 'link', href: source.url };
  }
}

/** Source URL to player in one step; null for a URL that is not http(s). */
export function playerForUrl(input: string, startSeconds?: number | null): Player | null {
  const source = recognizeSource(input);
  return source ? playerFor(source, startSeconds) : null;
}

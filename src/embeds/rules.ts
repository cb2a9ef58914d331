import { eventKinds, type EventKind } from '@/events';
import { escapeHtml } from '@/platform/markdown';

/**
 * Rules of the embeds (no I/O): which paths are embeds, what their query parameters may be,
 * which Koda addresses oEmbed answers for, and the HTML an editor pastes.
 */

/** Paths another site may frame or load: the embeds, the component script and oEmbed. */
export function isEmbedPath(path: string): boolean {
  return path.startsWith('/embed/') || path === '/embed.js' || path === '/oembed';
}

export type Theme = 'light' | 'dark';

export function parseTheme(raw: string | undefined): Theme {
  return raw === 'dark' ? 'dark' : 'light';
}

/**
 * The host site's accent colour: six (or three) hex digits, with or without `#`. Anything else
 * is no accent (the default colours), so nothing a query string holds reaches the stylesheet
 * but the digits this accepts, lowercased and written out to six.
 */
export function parseAccent(raw: string | undefined): string | null {
  const match = /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.exec(raw ?? '');
  if (!match) return null;
  const hex = match[1]!.toLowerCase();
  return hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
}

/** Relative luminance (WCAG 2.x) of a six-digit hex colour. */
function luminance(hex: string): number {
  const channels = [0, 2, 4].map((at) => {
    const value = parseInt(hex.slice(at, at + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!;
}

/** Text on the accent: black or white, whichever reads better (WCAG contrast). */
export function textOnAccent(hex: string): '#000000' | '#ffffff' {
  const l = luminance(hex);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 20;

/** How many events to show: 1–20, the default for anything else. */
export function parseLimit(raw: string | undefined): number {
  if (!raw || !/^\d{1,3}$/.test(raw)) return DEFAULT_LIMIT;
  const value = Number(raw);
  return value >= 1 && value <= MAX_LIMIT ? value : DEFAULT_LIMIT;
}

/** `keila,tartu` → the slugs that could be municipalities' (at most 20); the rest is ignored. */
export function parseSlugs(raw: string | undefined): string[] {
  return [
    ...new Set(
      (raw ?? '')
        .split(',')
        .map((part) => part.trim().toLowerCase())
        .filter((part) => /^[a-z0-9-]{1,100}$/.test(part)),
    ),
  ].slice(0, 20);
}

/** `think_tank,forum` → the known kinds among them; unknown ones are ignored. */
export function parseKinds(raw: string | undefined): EventKind[] {
  const known = eventKinds as readonly string[];
  return [
    ...new Set(
      (raw ?? '')
        .split(',')
        .map((part) => part.trim())
        .filter((part): part is EventKind => known.includes(part)),
    ),
  ];
}

/** What can be embedded by address. */
export type EmbedTarget =
  | { kind: 'events'; municipality: string }
  | { kind: 'event'; slug: string }
  | { kind: 'recording'; id: number }
  | { kind: 'plan'; id: number };

const MAX_ID = 2_147_483_647;

/**
 * The embeddable thing a Koda page address names (oEmbed's `url`): `/municipalities/:slug` (its
 * upcoming events), `/events/:slug`, `/recordings/:id` or `/plans/:id` on Koda's own origin,
 * with its `?lang=` if it has one.
 * Another site's address, another path or an id that cannot exist → null.
 */
export function targetOfUrl(
  raw: string,
  publicUrl: string,
): { target: EmbedTarget; lang: string | null } | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const koda = new URL(publicUrl);
  // http and https of Koda's own host are the same pages; nothing else is Koda's.
  if (url.host !== koda.host || !['http:', 'https:'].includes(url.protocol)) return null;
  if (url.username || url.password) return null;
  const base = koda.pathname.replace(/\/$/, '');
  if (base && !url.pathname.startsWith(`${base}/`)) return null;
  const path = url.pathname.slice(base.length).replace(/\/$/, '');
  const lang = url.searchParams.get('lang');
  const municipality = /^\/municipalities\/([a-z0-9-]{1,100})$/.exec(path);
  if (municipality) return { target: { kind: 'events', municipality: municipality[1]! }, lang };
  const event = /^\/events\/([a-z0-9-]{1,200})$/.exec(path);
  if (event) return { target: { kind: 'event', slug: event[1]! }, lang };
  const numbered = /^\/(recordings|plans)\/([1-9]\d{0,9})$/.exec(path);
  if (numbered && Number(numbered[2]) <= MAX_ID) {
    const id = Number(numbered[2]);
    return {
      target: numbered[1] === 'plans' ? { kind: 'plan', id } : { kind: 'recording', id },
      lang,
    };
  }
  return null;
}

/** Where a target's embed lives, below Koda's address. */
export function embedPathOf(target: EmbedTarget): string {
  switch (target.kind) {
    case 'events':
      return `/embed/events?municipality=${target.municipality}`;
    case 'event':
      return `/embed/events/${target.slug}`;
    case 'recording':
      return `/embed/recordings/${target.id}`;
    case 'plan':
      return `/embed/plans/${target.id}`;
  }
}

/** The page a target's oEmbed answer describes. */
export function pagePathOf(target: EmbedTarget): string {
  switch (target.kind) {
    case 'events':
      return `/municipalities/${target.municipality}`;
    case 'event':
      return `/events/${target.slug}`;
    case 'recording':
      return `/recordings/${target.id}`;
    case 'plan':
      return `/plans/${target.id}`;
  }
}

/** The frame's size when the host asks nothing: wide enough for a column, tall enough for a card. */
export const DEFAULT_SIZE: Record<EmbedTarget['kind'], { width: number; height: number }> = {
  events: { width: 600, height: 480 },
  event: { width: 600, height: 360 },
  recording: { width: 600, height: 240 },
  plan: { width: 600, height: 520 },
};

/**
 * oEmbed's maxwidth/maxheight: the default size, made no larger than asked (the spec: the embed
 * must not exceed them, so a small one is kept, not raised; 0 or a non-number is ignored).
 * A `maxheight` is also the most the frame may grow to when it fits its content (`maxHeight`).
 */
export function fitSize(
  size: { width: number; height: number },
  maxwidth: string | undefined,
  maxheight: string | undefined,
): { width: number; height: number; maxHeight?: number } {
  const limit = (raw: string | undefined) =>
    raw && /^\d{1,5}$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined;
  const [widest, tallest] = [limit(maxwidth), limit(maxheight)];
  return {
    width: Math.min(size.width, widest ?? size.width),
    height: Math.min(size.height, tallest ?? size.height),
    ...(tallest === undefined ? {} : { maxHeight: tallest }),
  };
}

/**
 * The `<iframe>` an editor pastes (and oEmbed's `html`): escaped title, lazy, no border. The
 * width is 100% in the snippet (the frame fills its column) or pixels for oEmbed. `maxHeight`
 * (oEmbed's `maxheight`) is the most /embed.js may make it grow to (`data-koda-max-height`).
 * `lines` writes the attributes on lines of their own, as a person reads a snippet.
 */
export function iframeHtml(options: {
  src: string;
  title: string;
  width: number | '100%';
  height: number;
  maxHeight?: number;
  lines?: boolean;
}): string {
  const attributes = [
    `src="${escapeHtml(options.src)}"`,
    `title="${escapeHtml(options.title)}"`,
    `width="${options.width}" height="${options.height}"` +
      (options.maxHeight ? ` data-koda-max-height="${options.maxHeight}"` : ''),
    `loading="lazy" style="border:0;max-width:100%"`,
  ];
  return `<iframe ${attributes.join(options.lines ? '\n  ' : ' ')}></iframe>`;
}

/** The script that defines the components and fits Koda's frames to their content. */
export function scriptHtml(scriptSrc: string): string {
  return `<script src="${escapeHtml(scriptSrc)}" async></script>`;
}

/**
 * What is pasted to frame Koda (the snippet, and oEmbed's `html`): the frame, then /embed.js,
 * which grows or shrinks the frame to the height its content reports. Without the script the
 * frame keeps its fixed height, which cuts a card on a narrow phone or leaves a gap below a short
 * list; with it twice on a page (two embeds) nothing is done twice.
 */
export function frameSnippet(iframe: Parameters<typeof iframeHtml>[0], scriptSrc: string): string {
  return `${iframeHtml(iframe)}\n${scriptHtml(scriptSrc)}`;
}

/** The web components /embed.js defines. */
export type ComponentTag = 'koda-events' | 'koda-event' | 'koda-plan';

/** The web component snippet: the script once, then the element with its plain-link fallback. */
export function componentHtml(options: {
  scriptSrc: string;
  tag: ComponentTag;
  attributes: Record<string, string>;
  fallbackHref: string;
  fallbackText: string;
}): string {
  const attributes = Object.entries(options.attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return (
    `${scriptHtml(options.scriptSrc)}\n` +
    `<${options.tag}${attributes}>\n` +
    `  <a href="${escapeHtml(options.fallbackHref)}">${escapeHtml(options.fallbackText)}</a>\n` +
    `</${options.tag}>`
  );
}

/**
 * Rows for a readonly snippet's textarea so that all of it shows (the `<script>` line too): its
 * lines wrapped as a browser wraps them at `width` characters (after a space or a hyphen, a word
 * longer than a line anywhere), plus one spare.
 */
export function rowsFor(text: string, width: number): number {
  let rows = 1;
  for (const line of text.split('\n')) {
    let used = 0;
    rows += 1;
    for (const piece of line.match(/[^ -]*[ -]*/g)!.filter(Boolean)) {
      const length = piece.trimEnd().length;
      if (used + length <= width) {
        used += piece.length;
      } else if (length <= width) {
        rows += 1;
        used = piece.length;
      } else {
        rows += Math.ceil((used + length) / width) - 1;
        used = (used + piece.length) % width;
      }
    }
  }
  return rows;
}

import type { Context } from 'hono';

/** The origins of the embedded players Koda builds (src/recordings/providers.ts). */
export const PLAYER_FRAME_ORIGINS = [
  'https://www.youtube-nocookie.com',
  'https://player.vimeo.com',
  'https://www.facebook.com',
] as const;

type Directives = {
  defaultSrc: string[];
  imgSrc: string[];
  styleSrc: string[];
  scriptSrc: string[];
  frameSrc: string[];
  mediaSrc: string[];
  frameAncestors: string[];
  formAction: string[];
  baseUri: string[];
  objectSrc: string[];
};

/**
 * The site's Content-Security-Policy (secureHeaders in src/app.ts). Frames only from the
 * player origins; a page can narrow that to the players it actually shows with
 * `setFrameSources`. `<video>` may load media over https from anywhere.
 */
export const CSP_DIRECTIVES: Directives = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'https:'],
  styleSrc: ["'self'"],
  scriptSrc: ["'self'"],
  frameSrc: [...PLAYER_FRAME_ORIGINS],
  mediaSrc: ["'self'", 'https:'],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

export function cspHeaderValue(directives: Directives): string {
  return Object.entries(directives)
    .map(
      ([name, values]) =>
        `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`,
    )
    .join('; ');
}

/**
 * Sets this response's policy with frames allowed only from the given origins ('none' when
 * there are none). secureHeaders keeps a policy a handler has set (overwrite: false).
 */
export function setFrameSources(c: Context, origins: readonly string[]): void {
  const allowed = [...new Set(origins)].filter((origin) =>
    (PLAYER_FRAME_ORIGINS as readonly string[]).includes(origin),
  );
  c.header(
    'Content-Security-Policy',
    cspHeaderValue({ ...CSP_DIRECTIVES, frameSrc: allowed.length > 0 ? allowed : ["'none'"] }),
  );
}

/**
 * Lets this response's page frame Koda's own pages too (besides the players): a page that shows
 * a live preview of its own embed. Other pages keep frames to the players only.
 */
export function allowOwnFrames(c: Context): void {
  c.header(
    'Content-Security-Policy',
    cspHeaderValue({ ...CSP_DIRECTIVES, frameSrc: ["'self'", ...CSP_DIRECTIVES.frameSrc] }),
  );
}

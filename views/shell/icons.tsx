import { raw } from 'hono/html';

/**
 * Inline SVG icons (no files to fetch, nothing the CSP must allow): 24×24 strokes in the text's
 * colour, hidden from screen readers (the text beside them says the same).
 */
const paths = {
  /** A light bulb: a think tank. */
  think_tank:
    '<path d="M9 18h6M10 21h4"/><path d="M12 3a6 6 0 0 0-3.6 10.8c.6.5 1 1.2 1.1 2V16h5v-.2c.1-.8.5-1.5 1.1-2A6 6 0 0 0 12 3z"/>',
  /** Two speech bubbles: a forum. */
  forum:
    '<path d="M4 5h11a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H9l-4 3v-3H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z"/><path d="M16 9h4a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1h-1v3l-4-3h-4a1 1 0 0 1-1-1v-1"/>',
  /** A pencil over a sheet: a workshop. */
  workshop: '<path d="M4 20h5L20 9l-5-5L4 15z"/><path d="M13.5 5.5l5 5"/>',
  /** People around a table: a meeting. */
  meeting:
    '<circle cx="7" cy="7" r="2.5"/><circle cx="17" cy="7" r="2.5"/><path d="M3 14h18"/><path d="M5 14v6M19 14v6"/><path d="M4 12c.5-1.5 1.6-2.5 3-2.5s2.5 1 3 2.5M14 12c.5-1.5 1.6-2.5 3-2.5s2.5 1 3 2.5"/>',
  calendar: '<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/>',
  place:
    '<path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z"/><circle cx="12" cy="9.5" r="2.5"/>',
  clock: '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>',
  play: '<circle cx="12" cy="12" r="9"/><path d="M10 8.5v7l6-3.5z"/>',
  feed: '<path d="M5 5a14 14 0 0 1 14 14M5 11a8 8 0 0 1 8 8"/><circle cx="6" cy="18" r="1.5"/>',
  /** A magnifying glass: search. */
  search: '<circle cx="10.5" cy="10.5" r="6.5"/><path d="M15.5 15.5 20 20"/>',
  seat: '<path d="M6 4v9h12M6 13l-1 7M18 13l1 7M9 4h6a1 1 0 0 1 1 1v6H8V5a1 1 0 0 1 1-1z"/>',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, class: className }: { name: IconName; class?: string }) {
  return raw(
    `<svg class="icon${className ? ` ${className}` : ''}" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${paths[name]}</svg>`,
  );
}

/** The mark beside the site's name and in the favicon: a roof over three voices. */
export const LOGO_PATHS =
  '<path d="M6 30 32 10l26 20" fill="none" stroke="currentColor" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/><circle cx="20" cy="41" r="6" fill="currentColor"/><circle cx="32" cy="41" r="6" fill="currentColor"/><circle cx="44" cy="41" r="6" fill="currentColor"/><path d="M12 56h40" stroke="currentColor" stroke-width="5" stroke-linecap="round"/>';

export function Logo() {
  return raw(
    `<svg viewBox="0 0 64 64" width="28" height="28" aria-hidden="true" focusable="false">${LOGO_PATHS}</svg>`,
  );
}

/** /favicon.svg: the mark, white on the brand's blue. */
export const faviconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#0f2d4f"/><g color="#fff">${LOGO_PATHS}</g></svg>`;

import { languages, type Lang } from '@/platform/i18n';
/** The rules of documents that need no I/O: accepted types, file names, headers, ranges. */

import { RESIZABLE_IMAGE_TYPES } from '@/platform/files/images';

export const attachmentKinds = [
  'agenda',
  'slides',
  'minutes',
  'handout',
  'photo',
  'document',
] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

/** How many bytes of an upload decide its type (enough for an OOXML file's first entries). */
export const SNIFF_BYTES = 64 * 1024;

/** The types Koda keeps, by what the content is (never by name or the client's header). */
const ACCEPTED: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/vnd.oasis.opendocument.graphics': 'odg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/tiff': 'tif',
  'image/bmp': 'bmp',
  'image/svg+xml': 'svg',
  'text/plain': 'txt',
  'text/csv': 'csv',
};

/** Shown in the browser; everything else (SVG, HTML-like text, office files) is downloaded. */
const INLINE = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'text/plain',
]);

/** Images a preview is made of. */
export const PREVIEWABLE: ReadonlySet<string> = new Set(RESIZABLE_IMAGE_TYPES);

export type AcceptedType = { contentType: string; extension: string };

/** A UTF-8 text without control characters but tab, line feed, carriage return and form feed. */
function isPlainText(head: Uint8Array, complete: boolean): boolean {
  let text: string;
  try {
    // Streaming: a sample that ends inside a character is not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- exactly the characters a text file does not hold
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
}

/**
 * The type of an upload from its first bytes and what file-type found there, or null when
 * Koda does not keep it (415). Text is checked by hand (file-type knows only binary formats):
 * SVG is kept (and always downloaded), other markup (HTML, XML) is refused; `.csv` names a CSV.
 */
export function decideType(
  head: Uint8Array,
  detected: string | undefined,
  filename: string,
  complete: boolean,
): AcceptedType | null {
  if (detected && detected !== 'application/xml' && detected !== 'image/svg+xml') {
    const extension = ACCEPTED[detected];
    return extension ? { contentType: detected, extension } : null;
  }
  if (head.byteLength === 0 || !isPlainText(head, complete)) return null;
  const start = new TextDecoder()
    .decode(head.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (start.startsWith('<')) {
    const markup = new TextDecoder().decode(head).toLowerCase();
    if (/<svg[\s>]/.test(markup) && !/<(html|body|head)[\s>]/.test(markup)) {
      return { contentType: 'image/svg+xml', extension: 'svg' };
    }
    return null;
  }
  if (/\.csv$/i.test(filename)) return { contentType: 'text/csv', extension: 'csv' };
  return { contentType: 'text/plain', extension: 'txt' };
}

/** The longest file name kept, in characters, the extension included. */
const MAX_NAME = 120;

/**
 * A file name safe to store and send: the last part of what the client sent, in NFC, without
 * control characters, path separators or characters Windows refuses, spaces collapsed, no
 * leading dots; its extension that of the type found (`kava.exe` holding a PDF is `kava.pdf`).
 */
export function sanitizeFilename(name: string, extension: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  const cleaned = last
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters never belong in a name
    .replace(/[\u0000-\u001F\u007F-\u009F<>:"|?*\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  const dot = cleaned.lastIndexOf('.');
  const stem = (dot > 0 ? cleaned.slice(0, dot) : cleaned).replace(/[.\s]+$/, '');
  const kept = Array.from(stem || 'fail')
    .slice(0, MAX_NAME - extension.length - 1)
    .join('');
  return `${kept}.${extension}`;
}

/** RFC 5987 encoding of a header parameter value (UTF-8, percent-encoded). */
function extValue(value: string): string {
  return `UTF-8''${encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * `Content-Disposition` (RFC 6266): an ASCII `filename` for old clients (letters without their
 * marks: `Mõttekoja kava.pdf` → `Mottekoja kava.pdf`) and the exact name in `filename*`.
 */
export function contentDisposition(type: 'inline' | 'attachment', filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7E]/g, '_')
    .replace(/["\\%]/g, '_');
  return `${type}; filename="${ascii}"; filename*=${extValue(filename)}`;
}

/** Whether a type is shown in the browser rather than downloaded. */
export function servedInline(contentType: string): boolean {
  return INLINE.has(contentType);
}

export type RangeAnswer =
  { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * A `Range` header (RFC 9110 §14) against a size: one byte range is answered 206; several
 * ranges, other units or a malformed header get the whole file (which the RFC allows); a range
 * starting beyond the end is 416.
 */
export function parseRange(header: string | undefined, size: number): RangeAnswer {
  if (!header) return { kind: 'full' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'full' };
  const [, from = '', to = ''] = match;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (to !== '' && Number(to) < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}

/** The path of a stored attachment's download (its name percent-encoded). */
export function downloadPath(id: number, filename: string): string {
  return `/files/${id}/${encodeURIComponent(filename)}`;
}

/** The widths previews are made in (a fixed few, so no request can make the server resize at will). */
export const PREVIEW_WIDTHS = [320, 640, 1280] as const;
export type PreviewWidth = (typeof PREVIEW_WIDTHS)[number];

/** A `?w=` value as a preview width: the smallest made that is at least as wide, else the largest. */
export function previewWidth(requested: string | undefined): PreviewWidth {
  const wanted = Number(requested);
  if (!requested || !Number.isFinite(wanted)) return 640;
  return PREVIEW_WIDTHS.find((width) => width >= wanted) ?? 1280;
}

/**
 * The store's key of a file's preview: derived from the file's own key (its bytes never change,
 * a new upload is a new key), so it needs no row of its own, goes with the file and is an
 * orphan exactly when the file's key is.
 */
export function previewKey(storageKey: string, width: PreviewWidth): string {
  return `${storageKey}.w${width}.webp`;
}

/** The file's key a preview key was derived from, or null for a key that is no preview's. */
export function previewSource(key: string): string | null {
  const match = /^(.+)\.w\d+\.webp$/.exec(key);
  return match ? match[1]! : null;
}

/** The path of an image's preview. */
export function previewPath(id: number, width: PreviewWidth = 640): string {
  return `/files/${id}/preview?w=${width}`;
}

/** The language an uploaded title is in when the upload does not say: the site's own, Estonian. */
export const DEFAULT_TITLE_LANG: Lang = languages[0];

import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const allowedTags = [
  'p',
  'br',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

/** Plain text made safe inside HTML (text or a quoted attribute). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Markdown with raw HTML shown as the text it is, never as markup. */
const markdown = new Marked({
  async: false,
  gfm: true,
  breaks: false,
  renderer: { html: ({ text }) => escapeHtml(text) },
});

/**
 * Markdown written by organizers, rendered without raw HTML (it shows as text): headings are
 * demoted below the page's own h2, and only http(s) links survive (no javascript:, data:,
 * mailto: or images).
 */
export function renderMarkdown(source: string | null | undefined): string {
  if (!source) return '';
  const known = rendered.get(source);
  if (known !== undefined) {
    // Most recently used last: the oldest is the first one out.
    rendered.delete(source);
    rendered.set(source, known);
    return known;
  }
  const html = sanitizedHtml(source);
  rendered.set(source, html);
  if (rendered.size > RENDERED_KEPT) {
    const oldest = rendered.keys().next();
    if (!oldest.done) rendered.delete(oldest.value);
  }
  return html;
}

/**
 * Rendering and sanitising costs about a millisecond per kilobyte and the result depends on the
 * source alone, so each source is rendered once while it is among the last RENDERED_KEPT used.
 */
const RENDERED_KEPT = 1000;
const rendered = new Map<string, string>();

function sanitizedHtml(source: string): string {
  const html = markdown.parse(source, { async: false });
  return sanitizeHtml(html, {
    allowedTags,
    allowedAttributes: { a: ['href', 'title', 'rel'], th: ['align'], td: ['align'] },
    allowedSchemes: ['http', 'https'],
    allowProtocolRelative: false,
    transformTags: {
      h1: 'h3',
      h2: 'h3',
      a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener ugc' }),
    },
    disallowedTagsMode: 'escape',
  });
}

/** Block elements whose end is a line break in plain text. */
const blockEnd = /<\/(p|li|h[3-6]|blockquote|pre|tr|table)>|<br\s*\/?>|<hr\s*\/?>/g;

/**
 * The same Markdown as plain text (for Atom summaries, where readers show text as it is): what
 * `renderMarkdown` shows, without the markup, one line per paragraph, list item or row. Raw
 * HTML stays the text it was written as.
 */
export function markdownText(source: string | null | undefined): string {
  const html = renderMarkdown(source).replace(blockEnd, (tag) => `${tag}\n`);
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

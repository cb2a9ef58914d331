/** A minimal Atom 1.0 (RFC 4287) writer. Pure: no I/O. */

import { escapeHtml } from '@/platform/markdown';

export type AtomEntry = {
  id: string;
  title: string;
  /** The title as HTML (`type="html"`), when a part of it must be marked (`<span lang>`). */
  titleHtml?: string | null;
  link: string;
  updated: Date;
  published: Date;
  /** Plain text (no markup: readers show it as it is). */
  summary?: string | null;
  /** The summary's language, when it may differ from the feed's (written as `xml:lang`). */
  summaryLang?: string | null;
  /** The entry as HTML, already sanitized (e.g. by renderMarkdown); sent as `type="html"`. */
  content?: string | null;
  /** The content's language, when it may differ from the feed's (written as `xml:lang`). */
  contentLang?: string | null;
  category?: string | null;
};

export type AtomFeed = {
  id: string;
  title: string;
  selfUrl: string;
  alternateUrl: string;
  updated: Date;
  lang: string;
  entries: AtomEntry[];
};

/** Escapes text for XML and drops characters XML 1.0 does not allow. */
export function xmlText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing the control characters XML forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/**
 * An entry's `titleHtml` when some of the texts its message places are shown in another language
 * than the feed's (untranslated titles): those are marked `<span lang>`. Null when none is.
 */
export function markedTitle<K extends string>(
  message: (slots: Record<K, string>) => string,
  texts: Record<K, { text: string; lang: string }>,
  feedLang: string,
): string | null {
  const names = Object.keys(texts) as K[];
  if (names.every((name) => texts[name].lang === feedLang)) return null;
  // Each text's place is its number between NULs (which no stored text holds).
  const slots = Object.fromEntries(names.map((name, at) => [name, `\u0000${at}\u0000`]));
  return message(slots as Record<K, string>)
    .split('\u0000')
    .map((part, at) => {
      if (at % 2 === 0) return escapeHtml(part);
      const { text, lang } = texts[names[Number(part)]!];
      return lang === feedLang
        ? escapeHtml(text)
        : `<span lang="${escapeHtml(lang)}">${escapeHtml(text)}</span>`;
    })
    .join('');
}

export function atomFeed(feed: AtomFeed): string {
  // RFC 4287 §2: any element may say its own language; the feed's is the default.
  const langOf = (lang: string | null | undefined) =>
    lang && lang !== feed.lang ? ` xml:lang="${xmlText(lang)}"` : '';
  const entries = feed.entries.map((entry) =>
    [
      '  <entry>',
      `    <id>${xmlText(entry.id)}</id>`,
      entry.titleHtml
        ? `    <title type="html">${xmlText(entry.titleHtml)}</title>`
        : `    <title type="text">${xmlText(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(entry.link)}"/>`,
      `    <published>${entry.published.toISOString()}</published>`,
      `    <updated>${entry.updated.toISOString()}</updated>`,
      entry.category ? `    <category term="${xmlText(entry.category)}"/>` : null,
      entry.summary
        ? `    <summary type="text"${langOf(entry.summaryLang)}>${xmlText(entry.summary)}</summary>`
        : null,
      entry.content
        ? `    <content type="html"${langOf(entry.contentLang)}>${xmlText(entry.content)}</content>`
        : null,
      '  </entry>',
    ]
      .filter((line) => line !== null)
      .join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.lang)}">`,
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title type="text">${xmlText(feed.title)}</title>`,
    `  <updated>${feed.updated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.alternateUrl)}"/>`,
    '  <author><name>Koda</name></author>',
    '  <generator>Koda</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

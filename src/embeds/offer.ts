import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { EmbedSnippets } from '@views/embeds/snippets';
import type { AppEnv } from '@/platform/deps';
import { allowOwnFrames } from '@/platform/http/csp';
import { DEFAULT_SIZE, componentHtml, embedPathOf, frameSnippet, pagePathOf } from './rules';

/** What a Koda page offers for embedding: its oEmbed discovery address and the snippets. */
export type EmbedOffer = { oembed?: string; embed?: Child };

/** The page whose embed is offered. */
export type EmbedSubject =
  | { kind: 'events'; municipality: string; name: string }
  | { kind: 'event'; slug: string; title: string; hosts: string[] }
  | { kind: 'plan'; id: number; title: string }
  | { kind: 'recording'; id: number };

/** The oEmbed address of a Koda page (for `<link rel="alternate" type="application/json+oembed">`). */
export function oembedHref(publicUrl: string, pagePath: string): string {
  const query = new URLSearchParams({ url: publicUrl + pagePath, format: 'json' });
  return `${publicUrl}/oembed?${query}`;
}

/**
 * The embed a page offers: the oEmbed link for its head (municipalities, events, plans,
 * recordings) and the
 * snippets with their live preview (municipalities, events, plans). A page with a preview frames
 * Koda itself, so its CSP lets it (frame-src 'self').
 */
export function embedOffer(c: Context<AppEnv>, subject: EmbedSubject): EmbedOffer {
  const { publicUrl } = c.get('deps').config;
  const t = c.get('t');
  const lang = c.get('lang');
  if (subject.kind === 'recording') {
    return { oembed: oembedHref(publicUrl, pagePathOf(subject)) };
  }
  allowOwnFrames(c);
  const scriptSrc = `${publicUrl}/embed.js`;
  let path: string;
  let title: string;
  let component: string;
  if (subject.kind === 'events') {
    const query = new URLSearchParams({ municipality: subject.municipality, lang });
    path = `/embed/events?${query}`;
    title = `${subject.name}: ${t('embeds.events.title')}`;
    component = componentHtml({
      scriptSrc,
      tag: 'koda-events',
      attributes: { municipality: subject.municipality, lang, limit: '5' },
      fallbackHref: `${publicUrl}/municipalities/${subject.municipality}`,
      fallbackText: t('embeds.snippets.fallbackEvents', { name: subject.name }),
    });
  } else if (subject.kind === 'event') {
    path = `${embedPathOf(subject)}?lang=${lang}`;
    title = subject.title;
    component = componentHtml({
      scriptSrc,
      tag: 'koda-event',
      attributes: { slug: subject.slug, lang },
      fallbackHref: `${publicUrl}${pagePathOf(subject)}`,
      fallbackText: t('embeds.snippets.fallbackEvent', { title: subject.title }),
    });
  } else {
    path = `${embedPathOf(subject)}?lang=${lang}`;
    title = subject.title;
    component = componentHtml({
      scriptSrc,
      tag: 'koda-plan',
      attributes: { plan: String(subject.id), lang },
      fallbackHref: `${publicUrl}${pagePathOf(subject)}`,
      fallbackText: t('embeds.snippets.fallbackPlan', { title: subject.title }),
    });
  }
  const height = DEFAULT_SIZE[subject.kind].height;
  const iframe = frameSnippet(
    { src: publicUrl + path, title, width: '100%', height, lines: true },
    scriptSrc,
  );
  return {
    oembed: oembedHref(publicUrl, pagePathOf(subject)),
    embed: EmbedSnippets({
      t,
      id: `embed-${subject.kind}`,
      iframe,
      component,
      previewSrc: path,
      previewTitle: title,
      previewHeight: height,
    }),
  };
}

import { Hono } from 'hono';
import { ArchivePage } from '@views/archive/archive-page';
import type { AppEnv } from '@/platform/deps';
import type { MessageKey } from '@/platform/i18n';
import { pageContext } from '@/platform/http/page';
import { escapeHtml, markdownText, renderMarkdown } from '@/platform/markdown';
import { formatOffset } from '@/platform/time';
import { ARCHIVE_PAGE_SIZE } from '@/recordings';
import { archiveFacets, archiveFeedItems, searchArchive } from '@/recordings';
import { atomFeed, markedTitle, type AtomEntry } from './atom';
import { documentsForFeed } from '@/documents';
import { answerWithValidators } from '@/platform/http/conditional';
import { filterQuerySchema, readFilters, type FilterQuery } from '@/search';

/** The archive's filters: the search's, with the recordings' own kinds (src/search/filters.ts). */
const pageQuery = filterQuerySchema(['live', 'recording'] as const, 10_000);

export type ArchiveQuery = FilterQuery<'live' | 'recording'>;

export function archiveRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/archive', async (c) => {
    const { db } = c.get('deps');
    const query = readFilters(pageQuery, c.req.query());
    const page = query.page ?? 1;
    const [result, facets] = await Promise.all([
      searchArchive(db, {
        q: query.q,
        municipality: query.municipality,
        year: query.year,
        kind: query.kind,
        limit: ARCHIVE_PAGE_SIZE,
        offset: (page - 1) * ARCHIVE_PAGE_SIZE,
      }),
      archiveFacets(db),
    ]);
    return c.html(
      ArchivePage({
        ...pageContext(c),
        query,
        page,
        pageSize: ARCHIVE_PAGE_SIZE,
        items: result.items,
        total: result.total,
        facets,
      }),
    );
  });

  routes.get('/archive/feed.xml', async (c) => {
    const { db, config } = c.get('deps');
    const t = c.get('t');
    const base = config.publicUrl;
    const lang = c.get('lang');
    const items = await archiveFeedItems(db, lang, 50);
    const documents = await documentsForFeed(db, 50, lang);
    const updated = [...items, ...documents].reduce(
      (latest, item) => (item.updatedAt > latest ? item.updatedAt : latest),
      new Date(0),
    );
    // Documents (agendas, slides, minutes) with the recordings and outcomes, newest 50 in all.
    const documentEntries: AtomEntry[] = documents.map((document) => ({
      id: `${base}/files/${document.id}`,
      title: t('documents.feed.entry', { title: document.title }),
      titleHtml: markedTitle(
        (slots) => t('documents.feed.entry', slots),
        { title: { text: document.title, lang: document.titleLang } },
        lang,
      ),
      link: document.href.startsWith('/') ? `${base}${document.href}` : document.href,
      published: document.createdAt,
      updated: document.updatedAt,
      category: `document:${document.kind}`,
      summary: `${t(`documents.kind.${document.kind}`)} · ${document.eventTitle}`,
    }));
    const xml = atomFeed({
      id: `${base}/archive/feed.xml`,
      title: t('archive.feedTitle'),
      selfUrl: `${base}/archive/feed.xml`,
      alternateUrl: `${base}/archive`,
      updated,
      lang,
      entries: [
        ...documentEntries,
        ...items.map((item): AtomEntry => {
          const texts = {
            title: { text: item.title, lang: item.titleLang },
            event: { text: item.eventTitle, lang: item.eventTitleLang },
          };
          return item.type === 'recording'
            ? {
                id: `${base}/recordings/${item.id}`,
                title: t('archive.feedRecording', { title: item.title, event: item.eventTitle }),
                titleHtml: markedTitle((slots) => t('archive.feedRecording', slots), texts, lang),
                link: `${base}/recordings/${item.id}`,
                published: item.createdAt,
                updated: item.updatedAt,
                category: 'recording',
                summary: item.summary,
                summaryLang: item.summaryLang,
              }
            : {
                id: `${base}/events/${item.eventSlug}#outcome-${item.id}`,
                title: t('archive.feedOutcome', {
                  kind: t(`recordings.outcome.${item.kind}` as MessageKey),
                  title: item.title,
                  event: item.eventTitle,
                }),
                titleHtml: markedTitle(
                  (slots) =>
                    t('archive.feedOutcome', {
                      kind: t(`recordings.outcome.${item.kind}` as MessageKey),
                      ...slots,
                    }),
                  texts,
                  lang,
                ),
                link:
                  item.recordingId !== null && item.offsetSeconds !== null
                    ? `${base}/recordings/${item.recordingId}?t=${item.offsetSeconds}`
                    : `${base}/events/${item.eventSlug}#outcome-${item.id}`,
                published: item.createdAt,
                updated: item.updatedAt,
                category: `outcome:${item.kind}`,
                // The body is Markdown: readers get it rendered (sanitized) and as plain text.
                summary:
                  item.offsetSeconds !== null
                    ? `${formatOffset(item.offsetSeconds)} · ${markdownText(item.body)}`
                    : markdownText(item.body),
                summaryLang: item.bodyLang,
                content:
                  (item.offsetSeconds !== null
                    ? `<p>${escapeHtml(formatOffset(item.offsetSeconds))}</p>`
                    : '') + renderMarkdown(item.body),
                contentLang: item.bodyLang,
              };
        }),
      ]
        .sort((a, b) => b.updated.getTime() - a.updated.getTime())
        .slice(0, 50),
    });
    return answerWithValidators(c, xml, {
      lastModified: updated,
      cacheControl: 'public, max-age=300',
      contentType: 'application/atom+xml; charset=utf-8',
    });
  });

  return routes;
}

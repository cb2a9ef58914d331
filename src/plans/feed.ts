import { contentLang, localize } from '@/platform/i18n/content';
import { asc, eq, inArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { dueDateMoveText, planDate } from '@views/plans/parts';
import { atomFeed } from '@/archive';
import { actionItems, actionItemUpdates } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import { escapeHtml } from '@/platform/markdown';
import type { Lang, Translate } from '@/platform/i18n';
import { PLAN_ZONE, type PlanRow, type PlanWithMunicipality } from './reads';
import { dueDateMoveOf, type DueDateMove, type ItemStatus } from './rules';

/** What a report changed, in words: status and progress (from the item's previous report), due date. */
function changes(report: FeedReport, t: Translate): string[] {
  const parts: string[] = [];
  if (report.status !== null) {
    const to = t(`plans.status.${report.status}`);
    parts.push(
      report.previousStatus !== null && report.previousStatus !== report.status
        ? t('plans.feed.status', { from: t(`plans.status.${report.previousStatus}`), to })
        : t('plans.feed.statusSet', { to }),
    );
  }
  if (report.progress !== null) {
    parts.push(
      report.previousProgress !== null && report.previousProgress !== report.progress
        ? t('plans.feed.progress', { from: report.previousProgress, to: report.progress })
        : t('plans.feed.progressSet', { to: report.progress }),
    );
  }
  if (report.dueDateMove) parts.push(dueDateMoveText(report.dueDateMove, t));
  return parts;
}

/**
 * The plan's public progress reports as Atom (the archive's writer). Each entry is one report:
 * the item's title and what changed, the report's date, and the note, as HTML content and as a
 * plain-text summary. Its id is the report's,
 * so a reader sees each report once however the item's title is later corrected.
 */
export function planFeedXml(args: {
  plan: PlanWithMunicipality;
  reports: FeedReport[];
  lastModified: Date;
  base: string;
  lang: Lang;
  t: Translate;
}): string {
  const { plan, base, t, lang } = args;
  const planUrl = `${base}/plans/${plan.id}`;
  return atomFeed({
    id: `${planUrl}/feed.xml`,
    // In the feed's language where translated, else the original (issue 18).
    title: t('plans.feed.title', { plan: localize(plan, 'title', plan.title, lang).text }),
    selfUrl: `${planUrl}/feed.xml`,
    alternateUrl: planUrl,
    updated: args.lastModified,
    lang,
    entries: args.reports.map((report) => {
      const changed = changes(report, t);
      const published = DateTime.fromISO(report.date, { zone: PLAN_ZONE }).toJSDate();
      const dateLine = t('plans.feed.date', { date: planDate(report.date, lang) });
      const after = changed.length > 0 ? ` — ${changed.join(', ')}` : '';
      return {
        id: `${planUrl}#update-${report.id}`,
        title: `${report.itemTitle}${after}`,
        // A title shown untranslated is marked with its language, as on the plan's page.
        titleHtml:
          report.itemTitleLang === lang
            ? null
            : `<span lang="${report.itemTitleLang}">${escapeHtml(report.itemTitle)}</span>${escapeHtml(after)}`,
        link: `${planUrl}#item-${report.itemId}`,
        published,
        updated: report.createdAt > published ? report.createdAt : published,
        category: report.status,
        summary: [dateLine, ...changed, report.note].join('\n'),
        // The note is plain text (as on the plan's page): escaped, its line breaks kept.
        content: [
          `<p>${escapeHtml(dateLine)}</p>`,
          changed.length > 0
            ? `<ul>${changed.map((change) => `<li>${escapeHtml(change)}</li>`).join('')}</ul>`
            : '',
          `<p>${escapeHtml(report.note).replace(/\r?\n/g, '<br>')}</p>`,
        ].join(''),
      };
    }),
  });
}

/** A public progress report as the plan's Atom feed tells it: what changed, and why. */
export type FeedReport = {
  id: number;
  itemId: number;
  itemTitle: string;
  /** The language the title is in: the feed's where translated, else the original's. */
  itemTitleLang: Lang;
  date: string;
  createdAt: Date;
  status: ItemStatus | null;
  /** The status the item's previous report set, if one did. */
  previousStatus: ItemStatus | null;
  progress: number | null;
  previousProgress: number | null;
  dueDateMove: DueDateMove | null;
  note: string;
};

/**
 * The plan's progress reports, newest (by report date) first, at most `limit`; and when the
 * plan, its items or their reports last changed. No author is read: the feed names none.
 */
export async function planFeedReports(
  db: Queryable,
  plan: PlanRow,
  limit = 100,
  lang?: Lang,
): Promise<{ reports: FeedReport[]; lastModified: Date }> {
  const items = await db
    .select({
      id: actionItems.id,
      title: actionItems.title,
      updatedAt: actionItems.updatedAt,
      originalLang: actionItems.originalLang,
      translations: actionItems.translations,
    })
    .from(actionItems)
    .where(eq(actionItems.planId, plan.id));
  let lastModified = plan.updatedAt;
  for (const item of items) if (item.updatedAt > lastModified) lastModified = item.updatedAt;
  if (items.length === 0) return { reports: [], lastModified };
  const updates = await db
    .select({
      id: actionItemUpdates.id,
      itemId: actionItemUpdates.actionItemId,
      date: actionItemUpdates.date,
      status: actionItemUpdates.status,
      progress: actionItemUpdates.progress,
      dueDateMoved: actionItemUpdates.dueDateMoved,
      dueDate: actionItemUpdates.dueDate,
      previousDueDate: actionItemUpdates.previousDueDate,
      note: actionItemUpdates.note,
      createdAt: actionItemUpdates.createdAt,
    })
    .from(actionItemUpdates)
    .where(
      inArray(
        actionItemUpdates.actionItemId,
        items.map((item) => item.id),
      ),
    )
    .orderBy(asc(actionItemUpdates.date), asc(actionItemUpdates.id));
  const titles = new Map(
    items.map((item) => [
      item.id,
      lang
        ? localize(item, 'title', item.title, lang)
        : { text: item.title, lang: contentLang(item.originalLang) },
    ]),
  );
  // Walk each item's timeline in the order the page shows it, remembering what came before.
  const last = new Map<number, { status: ItemStatus | null; progress: number | null }>();
  const reports: FeedReport[] = updates.map((update) => {
    const before = last.get(update.itemId) ?? { status: null, progress: null };
    last.set(update.itemId, {
      status: update.status ?? before.status,
      progress: update.progress ?? before.progress,
    });
    if (update.createdAt > lastModified) lastModified = update.createdAt;
    const title = titles.get(update.itemId);
    return {
      id: update.id,
      itemId: update.itemId,
      itemTitle: title?.text ?? '',
      itemTitleLang: title?.lang ?? contentLang(plan.originalLang),
      date: update.date,
      createdAt: update.createdAt,
      status: update.status,
      previousStatus: before.status,
      progress: update.progress,
      previousProgress: before.progress,
      dueDateMove: dueDateMoveOf(update),
      note: update.note,
    };
  });
  reports.sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
  return { reports: reports.slice(0, limit), lastModified };
}

import { DateTime } from 'luxon';
import { dueDateMoveText, planDate } from '@views/plans/parts';
import { atomFeed } from '@/archive';
import type { Lang, Translate } from '@/platform/i18n';
import { PLAN_ZONE, type FeedReport, type PlanWithMunicipality } from './service';

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
 * the item's title and what changed, the report's date, and the note. Its id is the report's,
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
    title: t('plans.feed.title', { plan: plan.title }),
    selfUrl: `${planUrl}/feed.xml`,
    alternateUrl: planUrl,
    updated: args.lastModified,
    lang,
    entries: args.reports.map((report) => {
      const changed = changes(report, t);
      const published = DateTime.fromISO(report.date, { zone: PLAN_ZONE }).toJSDate();
      return {
        id: `${planUrl}#update-${report.id}`,
        title:
          changed.length > 0 ? `${report.itemTitle} — ${changed.join(', ')}` : report.itemTitle,
        link: `${planUrl}#item-${report.itemId}`,
        published,
        updated: report.createdAt > published ? report.createdAt : published,
        category: report.status,
        summary: [
          t('plans.feed.date', { date: planDate(report.date, lang) }),
          ...changed,
          report.note,
        ].join('\n'),
      };
    }),
  });
}

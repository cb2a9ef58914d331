import { z } from 'zod';
import { toZonedIso } from '@/platform/time';
import type { Lang } from '@/platform/i18n';
import {
  fieldTranslations,
  localize,
  localizeFields,
  translationsResponse,
} from '@/platform/i18n/content';
import {
  ITEM_TEXT_FIELDS,
  PLAN_TEXT_FIELDS,
  itemStatuses,
  planStatuses,
  type ProgressSummary,
} from './rules';
import type { ItemDetail, PlanListEntry, PlanWithMunicipality } from './reads';

/** A plan for the API; with `lang`, its texts in that language (else the original) (issue 18). */
export function planJson(stored: PlanWithMunicipality, publicUrl: string, lang?: Lang) {
  const plan = lang ? localizeFields(stored, PLAN_TEXT_FIELDS, lang) : stored;
  return {
    id: plan.id,
    municipality: { slug: plan.municipality.slug, name: plan.municipality.name },
    title: plan.title,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    status: plan.status,
    summary: plan.summary,
    originalLang: stored.originalLang,
    translations: fieldTranslations(stored, PLAN_TEXT_FIELDS),
    documentUrl: plan.documentUrl,
    url: `${publicUrl}/plans/${plan.id}`,
  };
}

/** An item with its sources (each with its event and recording deep link) and its timeline. */
export function itemJson(
  stored: ItemDetail,
  publicUrl: string,
  today: string | null = null,
  lang?: Lang,
) {
  const item = lang ? localizeFields(stored, ITEM_TEXT_FIELDS, lang) : stored;
  return {
    id: item.id,
    position: item.position,
    title: item.title,
    description: item.description,
    originalLang: stored.originalLang,
    translations: fieldTranslations(stored, ITEM_TEXT_FIELDS),
    responsible: item.responsible,
    dueDate: item.dueDate,
    dueDateMoves: item.dueDateMoves,
    status: item.status,
    progress: item.progress,
    overdue:
      today !== null &&
      item.dueDate !== null &&
      item.dueDate < today &&
      item.status !== 'done' &&
      item.status !== 'dropped',
    sources: item.sources.map((source) => ({
      outcomeId: source.outcomeId,
      kind: source.kind,
      title: lang ? localize(source, 'title', source.title, lang).text : source.title,
      event: {
        slug: source.event.slug,
        title: lang
          ? localize(source.event, 'title', source.event.title, lang).text
          : source.event.title,
        startsAt: toZonedIso(source.event.startsAt, source.event.timezone),
        url: `${publicUrl}/events/${source.event.slug}`,
      },
      recordingId: source.recordingId,
      offsetSeconds: source.offsetSeconds,
      recordingUrl:
        source.recordingId !== null
          ? `${publicUrl}/recordings/${source.recordingId}${source.offsetSeconds !== null ? `?t=${source.offsetSeconds}` : ''}`
          : null,
    })),
    updates: item.updates.map((update) => ({
      id: update.id,
      date: update.date,
      status: update.status,
      progress: update.progress,
      dueDateMoved: update.dueDateMoved,
      dueDate: update.dueDate,
      previousDueDate: update.previousDueDate,
      dueDateRemoved: update.dueDateMoved && update.dueDate === null,
      note: update.note,
    })),
  };
}

const planResponseBase = z.object({
  id: z.number().int(),
  municipality: z.object({ slug: z.string(), name: z.string() }),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(planStatuses),
  summary: z.string().nullable(),
  originalLang: z.string().meta({ description: 'The language the plan was written in' }),
  translations: translationsResponse,
  documentUrl: z.string().nullable(),
  url: z.string(),
});
export const planResponse = planResponseBase;

export const itemResponse = z.object({
  id: z.number().int(),
  position: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  originalLang: z.string().meta({ description: 'The language the item was written in' }),
  translations: translationsResponse,
  responsible: z.string().nullable(),
  dueDate: z.string().nullable(),
  dueDateMoves: z
    .number()
    .int()
    .describe('How many progress reports moved (or removed) the due date since it was promised'),
  status: z.enum(itemStatuses),
  progress: z.number().int(),
  overdue: z.boolean(),
  sources: z.array(
    z.object({
      outcomeId: z.number().int(),
      kind: z.string(),
      title: z.string(),
      event: z.object({
        slug: z.string(),
        title: z.string(),
        startsAt: z.string(),
        url: z.string(),
      }),
      recordingId: z.number().int().nullable(),
      offsetSeconds: z.number().int().nullable(),
      recordingUrl: z.string().nullable(),
    }),
  ),
  updates: z.array(
    z.object({
      id: z.number().int(),
      date: z.string(),
      status: z.enum(itemStatuses).nullable(),
      progress: z.number().int().nullable(),
      dueDateMoved: z.boolean().describe('This report moved (or removed) the item’s due date'),
      dueDate: z
        .string()
        .nullable()
        .describe(
          'The due date this report moved the item to; null when it did not move it, or removed it (dueDateRemoved)',
        ),
      previousDueDate: z
        .string()
        .nullable()
        .describe(
          'The due date before this report moved it; null when it did not, or there was none',
        ),
      dueDateRemoved: z.boolean().describe('This report removed the item’s due date'),
      note: z.string().describe('What was done; for a due-date move, the reason'),
    }),
  ),
});

export const summaryResponse = z.object({
  total: z.number().int(),
  done: z.number().int(),
  dropped: z.number().int(),
  overdue: z.number().int(),
  donePercent: z.number().int(),
  averageProgress: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
});

export const planDetailResponse = planResponseBase.extend({
  progress: summaryResponse,
  items: z.array(itemResponse),
});

/**
 * Headers of an items CSV. The full one (unpublished outcomes cited too) is for the plan's
 * managers only, so no shared cache may keep it.
 */
export function csvHeaders(planId: number, full: boolean): Record<string, string> {
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="plan-${planId}-items.csv"`,
    ...(full ? { 'Cache-Control': 'private, no-store' } : {}),
  };
}

export function summaryJson(summary: ProgressSummary) {
  return { ...summary, byStatus: { ...summary.byStatus } };
}

/** A plan in the public list: what /plans shows, with its page and feed addresses. */
export function planListJson(plan: PlanListEntry, publicUrl: string, lang?: Lang) {
  return {
    ...planJson(plan, publicUrl, lang),
    progress: { ...summaryJson(plan.progress), itemsWithDueDateMoved: plan.itemsWithDueDateMoved },
    feedUrl: `${publicUrl}/plans/${plan.id}/feed.xml`,
  };
}

export const planListResponse = z.object({
  items: z.array(
    planResponseBase.extend({
      progress: summaryResponse.extend({
        itemsWithDueDateMoved: z
          .number()
          .int()
          .describe('Items whose due date was moved (or removed) at least once'),
      }),
      feedUrl: z.string().describe('Atom feed of the plan’s progress reports'),
    }),
  ),
  total: z.number().int(),
});

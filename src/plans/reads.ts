import type { Translations } from '@/platform/i18n/content';
import { and, asc, desc, eq, gt, inArray, lte, ne } from 'drizzle-orm';
import { eventStartOf, findEventsByIds, isPublicEvent, type EventStatus } from '@/events';
import { canManage, type CurrentUser } from '@/platform/auth/auth';
import {
  actionItems,
  actionItemSources,
  actionItemUpdates,
  actionPlans,
  municipalities,
  outcomes,
} from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import {
  PLAN_ZONE,
  dueDateMoveOf,
  localDate,
  summarizeProgress,
  type DueDateMove,
  type ProgressSummary,
} from './rules';

/** Reading plans: one plan with its items and timelines, the lists, and progress in numbers. */

export type PlanRow = typeof actionPlans.$inferSelect;
export type ItemRow = typeof actionItems.$inferSelect;
export type UpdateRow = typeof actionItemUpdates.$inferSelect;
export type PlanWithMunicipality = PlanRow & {
  municipality: { id: number; slug: string; name: string };
};

export { PLAN_ZONE };

export async function findPlan(db: Queryable, id: number): Promise<PlanWithMunicipality | null> {
  const [row] = await db
    .select({
      plan: actionPlans,
      municipality: { id: municipalities.id, slug: municipalities.slug, name: municipalities.name },
    })
    .from(actionPlans)
    .innerJoin(municipalities, eq(municipalities.id, actionPlans.municipalityId))
    .where(eq(actionPlans.id, id));
  return row ? { ...row.plan, municipality: row.municipality } : null;
}

/** A draft plan exists only for those who may manage it. */
export async function findVisiblePlan(
  db: Queryable,
  id: number,
  user: CurrentUser | null,
): Promise<PlanWithMunicipality | null> {
  const plan = await findPlan(db, id);
  if (!plan) return null;
  if (plan.status === 'draft' && !(user && canManage(user, [plan.municipalityId]))) return null;
  return plan;
}

export type ItemSource = {
  outcomeId: number;
  kind: string;
  title: string;
  published: boolean;
  recordingId: number | null;
  offsetSeconds: number | null;
  event: {
    slug: string;
    title: string;
    startsAt: Date;
    timezone: string;
    status: EventStatus;
    /** The event title's language and translations (issue 18). */
    originalLang: string;
    translations: Translations;
  };
  /** The note's title's language and translations (issue 18). */
  originalLang: string;
  translations: Translations;
};

/** A timeline entry as it is shown: with what the report did to the due date, if anything. */
export type TimelineUpdate = UpdateRow & { dueDateMove: DueDateMove | null };

export type ItemDetail = ItemRow & {
  sources: ItemSource[];
  updates: TimelineUpdate[];
  /** How many reports moved (or removed) the due date: a promise that keeps slipping shows. */
  dueDateMoves: number;
};

function timelineOf(updates: UpdateRow[]): TimelineUpdate[] {
  return updates.map((update) => ({ ...update, dueDateMove: dueDateMoveOf(update) }));
}

export async function loadItems(
  db: Queryable,
  planId: number,
  options: { publicOnly: boolean },
): Promise<ItemDetail[]> {
  const items = await db
    .select()
    .from(actionItems)
    .where(eq(actionItems.planId, planId))
    .orderBy(asc(actionItems.position), asc(actionItems.id));
  if (items.length === 0) return [];
  const ids = items.map((item) => item.id);
  const [sources, updates] = await Promise.all([
    db
      .select({
        itemId: actionItemSources.actionItemId,
        outcomeId: outcomes.id,
        kind: outcomes.kind,
        title: outcomes.title,
        published: outcomes.published,
        recordingId: outcomes.recordingId,
        offsetSeconds: outcomes.offsetSeconds,
        eventId: outcomes.eventId,
        originalLang: outcomes.originalLang,
        translations: outcomes.translations,
      })
      .from(actionItemSources)
      .innerJoin(outcomes, eq(outcomes.id, actionItemSources.outcomeId))
      .where(inArray(actionItemSources.actionItemId, ids))
      .orderBy(asc(eventStartOf(outcomes.eventId)), asc(outcomes.id)),
    db
      .select()
      .from(actionItemUpdates)
      .where(inArray(actionItemUpdates.actionItemId, ids))
      .orderBy(asc(actionItemUpdates.date), asc(actionItemUpdates.id)),
  ]);
  const events = await findEventsByIds(
    db,
    sources.map((source) => source.eventId),
  );
  const cited: (ItemSource & { itemId: number })[] = sources.flatMap(({ eventId, ...source }) => {
    const event = events.get(eventId);
    if (!event) return [];
    const { slug, title, startsAt, timezone, status, originalLang, translations } = event;
    return [
      {
        ...source,
        event: { slug, title, startsAt, timezone, status, originalLang, translations },
      },
    ];
  });
  return items.map((item) => {
    const timeline = timelineOf(updates.filter((update) => update.actionItemId === item.id));
    return {
      ...item,
      sources: cited
        .filter((source) => source.itemId === item.id)
        .filter(
          (source) => !options.publicOnly || (source.published && isPublicEvent(source.event)),
        )
        .map(({ itemId: _itemId, ...source }) => source),
      updates: timeline,
      dueDateMoves: timeline.filter((update) => update.dueDateMove !== null).length,
    };
  });
}

export async function loadPlanDetail(
  db: Queryable,
  plan: PlanWithMunicipality,
  now: Date,
  options: { publicOnly: boolean },
) {
  const items = await loadItems(db, plan.id, options);
  const today = localDate(now, PLAN_ZONE);
  return { plan, items, today, summary: summarizeProgress(items, today) };
}

export async function findItemDetail(db: Queryable, id: number): Promise<ItemDetail | null> {
  const [item] = await db.select().from(actionItems).where(eq(actionItems.id, id));
  if (!item) return null;
  return (
    (await loadItems(db, item.planId, { publicOnly: false })).find((row) => row.id === id) ?? null
  );
}

/** Plans an organizer manages (admins: all), newest first. */
export async function listManagedPlans(db: Queryable, user: CurrentUser) {
  const rows = await db
    .select({
      id: actionPlans.id,
      title: actionPlans.title,
      originalLang: actionPlans.originalLang,
      status: actionPlans.status,
      periodStart: actionPlans.periodStart,
      periodEnd: actionPlans.periodEnd,
      municipalityId: actionPlans.municipalityId,
      municipalityName: municipalities.name,
    })
    .from(actionPlans)
    .innerJoin(municipalities, eq(municipalities.id, actionPlans.municipalityId))
    .orderBy(asc(municipalities.name), desc(actionPlans.periodStart));
  return rows.filter((row) => canManage(user, [row.municipalityId]));
}

/** The municipality's current public plan: the newest adopted one, else the newest archived. */
export async function findMunicipalityPlan(db: Queryable, municipalityId: number) {
  const rows = await db
    .select()
    .from(actionPlans)
    .where(and(eq(actionPlans.municipalityId, municipalityId), ne(actionPlans.status, 'draft')))
    .orderBy(asc(actionPlans.status), desc(actionPlans.periodStart));
  return rows[0] ?? null;
}

/** Public plans with their progress, for the home page. */
export async function listPublicPlanProgress(db: Queryable, now: Date) {
  const plans = await db
    .select({
      id: actionPlans.id,
      title: actionPlans.title,
      originalLang: actionPlans.originalLang,
      translations: actionPlans.translations,
      municipalityName: municipalities.name,
      municipalitySlug: municipalities.slug,
    })
    .from(actionPlans)
    .innerJoin(municipalities, eq(municipalities.id, actionPlans.municipalityId))
    .where(eq(actionPlans.status, 'adopted'))
    .orderBy(asc(municipalities.name));
  if (plans.length === 0) return [];
  const items = await db
    .select({
      planId: actionItems.planId,
      status: actionItems.status,
      progress: actionItems.progress,
      dueDate: actionItems.dueDate,
    })
    .from(actionItems)
    .where(
      inArray(
        actionItems.planId,
        plans.map((plan) => plan.id),
      ),
    );
  const today = localDate(now, PLAN_ZONE);
  return plans.map((plan) => ({
    ...plan,
    summary: summarizeProgress(
      items.filter((item) => item.planId === plan.id),
      today,
    ),
  }));
}

/** A plan in the public list: its progress in numbers and how many items' due dates moved. */
export type PlanListEntry = PlanWithMunicipality & {
  progress: ProgressSummary;
  /** Items whose due date was moved (or removed) at least once since the plan was adopted. */
  itemsWithDueDateMoved: number;
};

/**
 * Every plan this user may see (drafts only for those who may manage them, as findVisiblePlan
 * decides), by municipality name in Estonian order, then the newest period first.
 */
export async function listVisiblePlans(
  db: Queryable,
  user: CurrentUser | null,
  now: Date,
): Promise<PlanListEntry[]> {
  const rows = await db
    .select({
      plan: actionPlans,
      municipality: { id: municipalities.id, slug: municipalities.slug, name: municipalities.name },
    })
    .from(actionPlans)
    .innerJoin(municipalities, eq(municipalities.id, actionPlans.municipalityId))
    .orderBy(desc(actionPlans.periodStart), desc(actionPlans.id));
  const plans = rows
    .map((row) => ({ ...row.plan, municipality: row.municipality }))
    .filter(
      (plan) =>
        plan.status !== 'draft' || (user !== null && canManage(user, [plan.municipalityId])),
    );
  if (plans.length === 0) return [];
  const planIds = plans.map((plan) => plan.id);
  const [items, moved] = await Promise.all([
    db
      .select({
        id: actionItems.id,
        planId: actionItems.planId,
        status: actionItems.status,
        progress: actionItems.progress,
        dueDate: actionItems.dueDate,
      })
      .from(actionItems)
      .where(inArray(actionItems.planId, planIds)),
    db
      .selectDistinct({ itemId: actionItemUpdates.actionItemId })
      .from(actionItemUpdates)
      .innerJoin(actionItems, eq(actionItems.id, actionItemUpdates.actionItemId))
      .where(and(inArray(actionItems.planId, planIds), eq(actionItemUpdates.dueDateMoved, true))),
  ]);
  const movedIds = new Set(moved.map((row) => row.itemId));
  const today = localDate(now, PLAN_ZONE);
  const byName = new Intl.Collator('et');
  return plans
    .map((plan) => {
      const own = items.filter((item) => item.planId === plan.id);
      return {
        ...plan,
        progress: summarizeProgress(own, today),
        itemsWithDueDateMoved: own.filter((item) => movedIds.has(item.id)).length,
      };
    })
    .sort((a, b) => byName.compare(a.municipality.name, b.municipality.name));
}

/** The plan an item belongs to; null when there is no such item. */
export async function planIdOfItem(db: Queryable, itemId: number): Promise<number | null> {
  const [row] = await db
    .select({ planId: actionItems.planId })
    .from(actionItems)
    .where(eq(actionItems.id, itemId));
  return row?.planId ?? null;
}

/** The municipalities this user may make plans for (admins: all), by name. */
export async function listManageableMunicipalities(db: Queryable, user: CurrentUser) {
  const all = await db
    .select({ id: municipalities.id, slug: municipalities.slug, name: municipalities.name })
    .from(municipalities)
    .orderBy(asc(municipalities.name));
  return all.filter((municipality) => canManage(user, [municipality.id]));
}

/** A public item (its plan is not a draft) with its plan's title; null otherwise. */
export async function findPublicItem(db: Queryable, itemId: number) {
  const [row] = await db
    .select({ id: actionItems.id, title: actionItems.title, planId: actionPlans.id })
    .from(actionItems)
    .innerJoin(actionPlans, eq(actionPlans.id, actionItems.planId))
    .where(and(eq(actionItems.id, itemId), ne(actionPlans.status, 'draft')));
  return row ?? null;
}

/** A news line of a plan: one progress report written in the window, with what it changed. */
export type PlanNews = {
  planId: number;
  itemId: number;
  itemTitle: string;
  date: string;
  status: ItemRow['status'] | null;
  progress: number | null;
  dueDateMove: DueDateMove | null;
  createdAt: Date;
};

/**
 * The progress reports of a public plan (or of one of its items) written after `after` up to
 * `until`, oldest first: what followers of the plan or item hear of.
 */
export async function planNewsBetween(
  db: Queryable,
  target: { planId: number } | { itemId: number },
  after: Date,
  until: Date,
): Promise<PlanNews[]> {
  const rows = await db
    .select({
      planId: actionPlans.id,
      itemId: actionItems.id,
      itemTitle: actionItems.title,
      update: actionItemUpdates,
    })
    .from(actionItemUpdates)
    .innerJoin(actionItems, eq(actionItems.id, actionItemUpdates.actionItemId))
    .innerJoin(actionPlans, eq(actionPlans.id, actionItems.planId))
    .where(
      and(
        'planId' in target ? eq(actionPlans.id, target.planId) : eq(actionItems.id, target.itemId),
        ne(actionPlans.status, 'draft'),
        gt(actionItemUpdates.createdAt, after),
        lte(actionItemUpdates.createdAt, until),
      ),
    )
    .orderBy(asc(actionItemUpdates.createdAt), asc(actionItemUpdates.id));
  return rows.map((row) => ({
    planId: row.planId,
    itemId: row.itemId,
    itemTitle: row.itemTitle,
    date: row.update.date,
    status: row.update.status,
    progress: row.update.progress,
    dueDateMove: dueDateMoveOf(row.update),
    createdAt: row.update.createdAt,
  }));
}

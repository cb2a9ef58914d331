import { and, asc, desc, eq, inArray, isNotNull, isNull, max, min, ne } from 'drizzle-orm';
import { assertCanManage, canManage, type CurrentUser } from '@/platform/auth/auth';
import { recordAudit } from '@/platform/audit/audit';
import {
  actionItems,
  actionItemSources,
  actionItemUpdates,
  actionPlans,
  eventHosts,
  events,
  municipalities,
  outcomes,
  registrations,
} from '@/platform/db/schema';
import type { Db, Queryable, Tx } from '@/platform/db/types';
import type { Clock } from '@/platform/clock';
import {
  HttpError,
  invalidFields,
  notFound,
  parseOrThrow,
  type ErrorDetail,
} from '@/platform/http/errors';
import { DEFAULT_TIMEZONE } from '@/platform/time';
import { enqueueEmail } from '@/platform/mail/outbox/enqueue';
import { statusChangeEmail } from './emails';
import {
  dueDateMoveOf,
  itemsToCsv,
  localDate,
  summarizeProgress,
  type CsvItem,
  type DueDateMove,
  planInputSchema,
  type ItemInput,
  type ItemPatch,
  type ItemStatus,
  type PlanInput,
  type PlanPatch,
  type ProgressSummary,
  type UpdateInput,
} from './rules';

export type PlanRow = typeof actionPlans.$inferSelect;
export type ItemRow = typeof actionItems.$inferSelect;
export type UpdateRow = typeof actionItemUpdates.$inferSelect;
export type PlanWithMunicipality = PlanRow & {
  municipality: { id: number; slug: string; name: string };
};

type WriteContext = { db: Db; clock: Clock; user: CurrentUser; publicUrl: string };

/** Plans are dated in the network's zone (all Estonian municipalities). */
export const PLAN_ZONE = DEFAULT_TIMEZONE;

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
  event: { slug: string; title: string; startsAt: Date; timezone: string; status: string };
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
        event: {
          slug: events.slug,
          title: events.title,
          startsAt: events.startsAt,
          timezone: events.timezone,
          status: events.status,
        },
      })
      .from(actionItemSources)
      .innerJoin(outcomes, eq(outcomes.id, actionItemSources.outcomeId))
      .innerJoin(events, eq(events.id, outcomes.eventId))
      .where(inArray(actionItemSources.actionItemId, ids))
      .orderBy(asc(events.startsAt), asc(outcomes.id)),
    db
      .select()
      .from(actionItemUpdates)
      .where(inArray(actionItemUpdates.actionItemId, ids))
      .orderBy(asc(actionItemUpdates.date), asc(actionItemUpdates.id)),
  ]);
  return items.map((item) => {
    const timeline = timelineOf(updates.filter((update) => update.actionItemId === item.id));
    return {
      ...item,
      sources: sources
        .filter((source) => source.itemId === item.id)
        .filter(
          (source) => !options.publicOnly || (source.published && source.event.status !== 'draft'),
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

async function findMunicipalityBySlug(db: Queryable, slug: string) {
  const [row] = await db.select().from(municipalities).where(eq(municipalities.slug, slug));
  return row ?? null;
}

export async function createPlan(
  { db, clock, user }: WriteContext,
  municipalitySlug: string,
  input: PlanInput,
): Promise<PlanWithMunicipality> {
  const now = clock.now();
  const id = await db.transaction(async (tx) => {
    const municipality = await findMunicipalityBySlug(tx, municipalitySlug);
    if (!municipality) throw notFound('No such municipality');
    assertCanManage(user, [municipality.id]);
    const [row] = await tx
      .insert(actionPlans)
      .values({
        municipalityId: municipality.id,
        title: input.title,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        status: input.status ?? 'draft',
        summary: input.summary ?? null,
        documentUrl: input.documentUrl ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('plan insert returned nothing');
    await recordAudit(
      tx,
      user,
      { action: 'create', entity: 'plan', entityId: row.id, after: row },
      now,
    );
    return row.id;
  });
  return (await findPlan(db, id)) as PlanWithMunicipality;
}

/** The values of a PATCH that it sets (undefined means "leave as it is"; null clears). */
function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

/** 409: deleting belongs to drafts; once adopted, a plan and its items are the public record. */
function planNotDraft(message: string): HttpError {
  return new HttpError('plan_not_draft', message);
}

/**
 * Changes any subset of the plan's fields (the admin form sends them all). The merged plan is
 * validated whole, so a new start after the stored end is refused on periodEnd. A plan that
 * has been adopted cannot go back to draft: that would let its record be deleted.
 */
export async function updatePlan(
  { db, clock, user }: WriteContext,
  id: number,
  patch: PlanPatch,
): Promise<PlanWithMunicipality> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(actionPlans)
      .where(eq(actionPlans.id, id))
      .for('update');
    if (!current) throw notFound('No such plan');
    assertCanManage(user, [current.municipalityId]);
    const merged = parseOrThrow(planInputSchema, {
      title: current.title,
      periodStart: current.periodStart,
      periodEnd: current.periodEnd,
      status: current.status,
      summary: current.summary,
      documentUrl: current.documentUrl,
      ...definedOnly(patch),
    });
    if (current.status !== 'draft' && merged.status === 'draft') {
      throw invalidFields([
        {
          path: 'status',
          message: `The plan is ${current.status}; it cannot return to draft (archive it instead)`,
        },
      ]);
    }
    if (merged.periodStart > current.periodStart) {
      // Progress reports are never dated before the period starts (addUpdate): keep it so.
      const [earliest] = await tx
        .select({ date: min(actionItemUpdates.date) })
        .from(actionItemUpdates)
        .innerJoin(actionItems, eq(actionItems.id, actionItemUpdates.actionItemId))
        .where(eq(actionItems.planId, id));
      if (earliest?.date && earliest.date < merged.periodStart) {
        throw invalidFields([
          {
            path: 'periodStart',
            message: `Progress reports are dated from ${earliest.date}; the period cannot start later`,
          },
        ]);
      }
    }
    const [row] = await tx
      .update(actionPlans)
      .set({
        title: merged.title,
        periodStart: merged.periodStart,
        periodEnd: merged.periodEnd,
        status: merged.status ?? current.status,
        summary: merged.summary ?? null,
        documentUrl: merged.documentUrl ?? null,
        updatedAt: now,
      })
      .where(eq(actionPlans.id, id))
      .returning();
    await recordAudit(
      tx,
      user,
      { action: 'update', entity: 'plan', entityId: id, before: current, after: row },
      now,
    );
  });
  return (await findPlan(db, id)) as PlanWithMunicipality;
}

/** Only a draft plan can be deleted; its items, their sources and timelines go with it. */
export async function deletePlan({ db, clock, user }: WriteContext, id: number): Promise<void> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    // Items before the plan: the order addUpdate locks them in, so the two cannot deadlock.
    await tx
      .select({ id: actionItems.id })
      .from(actionItems)
      .where(eq(actionItems.planId, id))
      .for('update');
    const plan = await lockManagedPlan(tx, user, id);
    if (plan.status !== 'draft') {
      throw planNotDraft(
        `The plan is ${plan.status}: only a draft can be deleted. Archive it instead (status: archived)`,
      );
    }
    const items = await itemsWithSourceIds(tx, id);
    await tx.delete(actionPlans).where(eq(actionPlans.id, id));
    await recordAudit(
      tx,
      user,
      { action: 'delete', entity: 'plan', entityId: id, before: { ...plan, items } },
      now,
    );
  });
}

async function sourceIdsOf(db: Queryable, itemId: number): Promise<number[]> {
  const rows = await db
    .select({ outcomeId: actionItemSources.outcomeId })
    .from(actionItemSources)
    .where(eq(actionItemSources.actionItemId, itemId))
    .orderBy(asc(actionItemSources.outcomeId));
  return rows.map((row) => row.outcomeId);
}

async function itemsWithSourceIds(db: Queryable, planId: number) {
  const items = await db
    .select()
    .from(actionItems)
    .where(eq(actionItems.planId, planId))
    .orderBy(asc(actionItems.position), asc(actionItems.id));
  return Promise.all(
    items.map(async (item) => ({ ...item, sourceOutcomeIds: await sourceIdsOf(db, item.id) })),
  );
}

async function lockManagedPlan(tx: Tx, user: CurrentUser, planId: number) {
  const [plan] = await tx
    .select()
    .from(actionPlans)
    .where(eq(actionPlans.id, planId))
    .for('update');
  if (!plan) throw notFound('No such plan');
  assertCanManage(user, [plan.municipalityId]);
  return plan;
}

/**
 * Which of these outcomes may this user cite in a plan of this municipality: those of events
 * the municipality hosted, and those of events the user manages (admins: all). Returns the
 * indexes of the ones that may not be cited (or do not exist).
 */
async function uncitable(
  db: Queryable,
  user: CurrentUser,
  municipalityId: number,
  outcomeIds: number[],
): Promise<number[]> {
  if (outcomeIds.length === 0) return [];
  const rows = await db
    .select({ outcomeId: outcomes.id, hostId: eventHosts.municipalityId })
    .from(outcomes)
    .innerJoin(eventHosts, eq(eventHosts.eventId, outcomes.eventId))
    .where(inArray(outcomes.id, outcomeIds));
  const hosts = new Map<number, number[]>();
  for (const row of rows)
    hosts.set(row.outcomeId, [...(hosts.get(row.outcomeId) ?? []), row.hostId]);
  return outcomeIds.flatMap((id, index) => {
    const of = hosts.get(id);
    const ok = of !== undefined && (of.includes(municipalityId) || canManage(user, of));
    return ok ? [] : [index];
  });
}

/** Outcomes this user may cite in a plan of this municipality (for the admin form). */
export async function listCitableOutcomes(
  db: Queryable,
  user: CurrentUser,
  municipalityId: number,
) {
  const rows = await db
    .select({
      id: outcomes.id,
      kind: outcomes.kind,
      title: outcomes.title,
      eventTitle: events.title,
      startsAt: events.startsAt,
      hostId: eventHosts.municipalityId,
    })
    .from(outcomes)
    .innerJoin(events, eq(events.id, outcomes.eventId))
    .innerJoin(eventHosts, eq(eventHosts.eventId, outcomes.eventId))
    .where(ne(outcomes.kind, 'minutes'))
    .orderBy(desc(events.startsAt), asc(outcomes.id));
  const seen = new Set<number>();
  return rows.filter((row) => {
    const ok = row.hostId === municipalityId || canManage(user, [row.hostId]);
    if (!ok || seen.has(row.id)) return false;
    seen.add(row.id);
    return true;
  });
}

/** 422 naming each outcome id (by its index) that may not be cited; already cited ones stay citable. */
async function assertCitable(
  tx: Tx,
  user: CurrentUser,
  municipalityId: number,
  outcomeIds: number[],
  pathPrefix = '',
  alreadyCited: number[] = [],
) {
  const bad = (await uncitable(tx, user, municipalityId, outcomeIds)).filter(
    (index) => !alreadyCited.includes(outcomeIds[index] as number),
  );
  if (bad.length > 0) {
    throw invalidFields(
      bad.map((index) => ({
        path: `${pathPrefix}sourceOutcomeIds.${index}`,
        message:
          'You may not cite this outcome in this plan (unknown, or another municipality’s event)',
      })),
    );
  }
}

async function insertItem(
  tx: Tx,
  user: CurrentUser,
  plan: PlanRow,
  position: number,
  input: ItemInput,
  now: Date,
  pathPrefix = '',
): Promise<ItemRow> {
  const sourceIds = [...new Set(input.sourceOutcomeIds ?? [])];
  await assertCitable(tx, user, plan.municipalityId, input.sourceOutcomeIds ?? [], pathPrefix);
  const [row] = await tx
    .insert(actionItems)
    .values({
      planId: plan.id,
      position,
      title: input.title,
      description: input.description ?? null,
      responsible: input.responsible ?? null,
      dueDate: input.dueDate ?? null,
      status: input.status ?? 'planned',
      progress: input.progress ?? (input.status === 'done' ? 100 : 0),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('item insert returned nothing');
  if (sourceIds.length > 0) {
    await tx
      .insert(actionItemSources)
      .values(sourceIds.map((outcomeId) => ({ actionItemId: row.id, outcomeId })));
  }
  return row;
}

async function nextPosition(tx: Tx, planId: number): Promise<number> {
  const [row] = await tx
    .select({ last: max(actionItems.position) })
    .from(actionItems)
    .where(eq(actionItems.planId, planId));
  return row?.last === null || row?.last === undefined ? 0 : row.last + 1;
}

export async function addItem(
  { db, clock, user }: WriteContext,
  planId: number,
  input: ItemInput,
): Promise<ItemDetail> {
  const now = clock.now();
  const id = await db.transaction(async (tx) => {
    const plan = await lockManagedPlan(tx, user, planId);
    const row = await insertItem(tx, user, plan, await nextPosition(tx, planId), input, now);
    await recordAudit(
      tx,
      user,
      {
        action: 'create',
        entity: 'action_item',
        entityId: row.id,
        after: { ...row, sourceOutcomeIds: input.sourceOutcomeIds ?? [] },
      },
      now,
    );
    return row.id;
  });
  return (await findItemDetail(db, id)) as ItemDetail;
}

/** Locks an item and its plan, in the order addUpdate does, and checks the user may manage it. */
async function lockManagedItem(tx: Tx, user: CurrentUser, itemId: number) {
  const [item] = await tx
    .select()
    .from(actionItems)
    .where(eq(actionItems.id, itemId))
    .for('update');
  if (!item) throw notFound('No such action item');
  const plan = await lockManagedPlan(tx, user, item.planId);
  return { item, plan };
}

/**
 * Corrects what describes an item (title, description, responsible, due date, sources). Its
 * status and progress change only through dated updates, so the public timeline stays whole.
 */
export async function updateItem(
  { db, clock, user }: WriteContext,
  itemId: number,
  patch: ItemPatch,
): Promise<ItemDetail> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { item, plan } = await lockManagedItem(tx, user, itemId);
    const cited = await sourceIdsOf(tx, itemId);
    const { sourceOutcomeIds, ...fields } = definedOnly(patch);
    // An adopted plan's due dates are promises: one moves only with a dated, explained report.
    // Sending the date it already has is no change (a client may send the whole item back).
    if (
      plan.status !== 'draft' &&
      fields.dueDate !== undefined &&
      fields.dueDate !== item.dueDate
    ) {
      throw invalidFields([
        {
          path: 'dueDate',
          message: `The plan is ${plan.status}, so this due date is a public promise: move it with a progress report giving the reason (POST /plan-items/${itemId}/updates with dueDate and note)`,
        },
      ]);
    }
    if (sourceOutcomeIds !== undefined) {
      await assertCitable(tx, user, plan.municipalityId, sourceOutcomeIds, '', cited);
    }
    const [row] = await tx
      .update(actionItems)
      .set({ ...fields, updatedAt: now })
      .where(eq(actionItems.id, itemId))
      .returning();
    if (!row) throw notFound('No such action item');
    const sources = sourceOutcomeIds === undefined ? cited : [...new Set(sourceOutcomeIds)];
    if (sourceOutcomeIds !== undefined) {
      await tx.delete(actionItemSources).where(eq(actionItemSources.actionItemId, itemId));
      if (sources.length > 0) {
        await tx
          .insert(actionItemSources)
          .values(sources.map((outcomeId) => ({ actionItemId: itemId, outcomeId })));
      }
    }
    await recordAudit(
      tx,
      user,
      {
        action: 'update',
        entity: 'action_item',
        entityId: itemId,
        before: { ...item, sourceOutcomeIds: cited },
        after: { ...row, sourceOutcomeIds: sources },
      },
      now,
    );
  });
  return (await findItemDetail(db, itemId)) as ItemDetail;
}

/** Only a draft plan's items can be deleted; an adopted plan's item is dropped with an update. */
export async function deleteItem(
  { db, clock, user }: WriteContext,
  itemId: number,
): Promise<ItemRow> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { item, plan } = await lockManagedItem(tx, user, itemId);
    if (plan.status !== 'draft') {
      throw planNotDraft(
        `The plan is ${plan.status}: an adopted plan's items stay on the record. Report status dropped with an update (POST /plan-items/${itemId}/updates)`,
      );
    }
    const sourceOutcomeIds = await sourceIdsOf(tx, itemId);
    await tx.delete(actionItems).where(eq(actionItems.id, itemId));
    await recordAudit(
      tx,
      user,
      {
        action: 'delete',
        entity: 'action_item',
        entityId: itemId,
        before: { ...item, sourceOutcomeIds },
      },
      now,
    );
    return item;
  });
}

export async function findItemDetail(db: Queryable, id: number): Promise<ItemDetail | null> {
  const [item] = await db.select().from(actionItems).where(eq(actionItems.id, id));
  if (!item) return null;
  return (
    (await loadItems(db, item.planId, { publicOnly: false })).find((row) => row.id === id) ?? null
  );
}

/**
 * A dated progress report. It also becomes the item's current status and progress; when the
 * status changes, the consenting participants of every event the item came from are told.
 *
 * With dueDate it moves the item's due date (null: removes it), and the note is the reason.
 * Only an adopted or archived plan's dates move this way; a draft's are corrected with PATCH.
 * So once a plan is adopted its items' due dates change only here, and every move in the
 * timeline starts where the one before it ended.
 */
export async function addUpdate(
  { db, clock, user, publicUrl }: WriteContext,
  itemId: number,
  input: UpdateInput,
): Promise<{ update: UpdateRow; item: ItemRow; notified: number }> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(actionItems)
      .where(eq(actionItems.id, itemId))
      .for('update');
    if (!item) throw notFound('No such action item');
    const plan = await lockManagedPlan(tx, user, item.planId);
    const date = input.date ?? localDate(now, PLAN_ZONE);
    const details: ErrorDetail[] = [];
    if (date < plan.periodStart) {
      details.push({ path: 'date', message: `The plan's period starts on ${plan.periodStart}` });
    }
    const moves = input.dueDate !== undefined;
    if (moves && plan.status === 'draft') {
      details.push({
        path: 'dueDate',
        message: `The plan is a draft: correct the due date with PATCH /plan-items/${itemId}; reports move due dates once the plan is adopted`,
      });
    } else if (moves && input.dueDate === item.dueDate) {
      details.push({
        path: 'dueDate',
        message:
          item.dueDate === null
            ? 'The item has no due date to remove'
            : `The due date already is ${item.dueDate}`,
      });
    }
    if (details.length > 0) throw invalidFields(details);
    const [update] = await tx
      .insert(actionItemUpdates)
      .values({
        actionItemId: item.id,
        date,
        status: input.status ?? null,
        progress: input.progress ?? null,
        dueDateMoved: moves,
        dueDate: moves ? (input.dueDate ?? null) : null,
        previousDueDate: moves ? item.dueDate : null,
        note: input.note,
        authorId: user.id,
        createdAt: now,
      })
      .returning();
    if (!update) throw new Error('update insert returned nothing');
    const status = input.status ?? item.status;
    const progress = input.progress ?? (input.status === 'done' ? 100 : item.progress);
    const dueDate = moves ? (input.dueDate ?? null) : item.dueDate;
    const [after] = await tx
      .update(actionItems)
      .set({ status, progress, dueDate, updatedAt: now })
      .where(eq(actionItems.id, item.id))
      .returning();
    if (!after) throw notFound('No such action item');
    await recordAudit(
      tx,
      user,
      {
        action: 'update',
        entity: 'action_item',
        entityId: item.id,
        before: item,
        after: { ...after, update },
      },
      now,
    );
    const notified =
      status !== item.status && plan.status !== 'draft'
        ? await notifyStatusChange(tx, {
            item: after,
            previous: item.status,
            plan,
            update,
            publicUrl,
            now,
          })
        : 0;
    return { update, item: after, notified };
  });
}

/** Emails (through the outbox, in the caller's transaction) everyone who asked to hear. */
async function notifyStatusChange(
  tx: Tx,
  args: {
    item: ItemRow;
    previous: ItemStatus;
    plan: PlanRow;
    update: UpdateRow;
    publicUrl: string;
    now: Date;
  },
): Promise<number> {
  const sourceEvents = await tx
    .selectDistinct({ id: events.id, title: events.title })
    .from(actionItemSources)
    .innerJoin(outcomes, eq(outcomes.id, actionItemSources.outcomeId))
    .innerJoin(events, eq(events.id, outcomes.eventId))
    .where(eq(actionItemSources.actionItemId, args.item.id));
  if (sourceEvents.length === 0) return 0;
  const people = await tx
    .select({
      email: registrations.email,
      lang: registrations.lang,
      eventId: registrations.eventId,
    })
    .from(registrations)
    .where(
      and(
        inArray(
          registrations.eventId,
          sourceEvents.map((event) => event.id),
        ),
        isNotNull(registrations.followUpConsentAt),
        isNotNull(registrations.email),
        isNull(registrations.anonymizedAt),
        ne(registrations.status, 'cancelled'),
      ),
    )
    .orderBy(asc(registrations.id));
  const sent = new Set<string>();
  for (const person of people) {
    if (!person.email) continue;
    const key = person.email.toLowerCase();
    if (sent.has(key)) continue;
    sent.add(key);
    const event = sourceEvents.find((row) => row.id === person.eventId);
    const email = statusChangeEmail(person.lang === 'en' ? 'en' : 'et', {
      itemTitle: args.item.title,
      planTitle: args.plan.title,
      eventTitle: event?.title ?? '',
      previous: args.previous,
      status: args.item.status,
      progress: args.item.progress,
      note: args.update.note,
      planUrl: `${args.publicUrl}/plans/${args.plan.id}#item-${args.item.id}`,
    });
    await enqueueEmail(
      tx,
      {
        kind: 'plan.item_status',
        recipient: person.email,
        subject: email.subject,
        text: email.text,
        dedupeKey: `plan-item-update:${args.update.id}:${key}`,
      },
      args.now,
    );
  }
  return sent.size;
}

/** Items of the plan as CSV rows (the export; the same columns the import reads). */
export function csvItemsOf(items: ItemDetail[]): CsvItem[] {
  return items.map((item) => ({
    title: item.title,
    description: item.description,
    responsible: item.responsible,
    dueDate: item.dueDate,
    status: item.status,
    progress: item.progress,
    sourceOutcomeIds: item.sources.map((source) => source.outcomeId),
  }));
}

/**
 * The items CSV. It cites unpublished outcomes (and those of draft events) only for those who
 * may manage the plan: everyone else gets what the public page and JSON show.
 */
export async function planItemsCsv(
  db: Queryable,
  plan: PlanWithMunicipality,
  user: CurrentUser | null,
  now: Date,
): Promise<{ csv: string; full: boolean }> {
  const full = user !== null && canManage(user, [plan.municipalityId]);
  const detail = await loadPlanDetail(db, plan, now, { publicOnly: !full });
  return { csv: itemsToCsv(csvItemsOf(detail.items)), full };
}

/** Appends the items in file order; all or nothing. Source problems name the CSV line. */
export async function importItems(
  { db, clock, user }: WriteContext,
  planId: number,
  rows: CsvItem[],
): Promise<number> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const plan = await lockManagedPlan(tx, user, planId);
    let position = await nextPosition(tx, planId);
    const details: ErrorDetail[] = [];
    for (const [index, row] of rows.entries()) {
      const bad = await uncitable(tx, user, plan.municipalityId, row.sourceOutcomeIds);
      for (const at of bad) {
        details.push({
          path: `line.${index + 2}.source_outcome_ids`,
          message: `Line ${index + 2}: you may not cite outcome ${row.sourceOutcomeIds[at]} in this plan`,
        });
      }
    }
    if (details.length > 0) throw invalidFields(details);
    for (const row of rows) {
      await insertItem(tx, user, plan, position++, row, now);
    }
    await recordAudit(
      tx,
      user,
      { action: 'import_items', entity: 'plan', entityId: plan.id, after: { count: rows.length } },
      now,
    );
    return rows.length;
  });
}

/** Plans an organizer manages (admins: all), newest first. */
export async function listManagedPlans(db: Queryable, user: CurrentUser) {
  const rows = await db
    .select({
      id: actionPlans.id,
      title: actionPlans.title,
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

/** A public progress report as the plan's Atom feed tells it: what changed, and why. */
export type FeedReport = {
  id: number;
  itemId: number;
  itemTitle: string;
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
): Promise<{ reports: FeedReport[]; lastModified: Date }> {
  const items = await db
    .select({ id: actionItems.id, title: actionItems.title, updatedAt: actionItems.updatedAt })
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
  const titles = new Map(items.map((item) => [item.id, item.title]));
  // Walk each item's timeline in the order the page shows it, remembering what came before.
  const last = new Map<number, { status: ItemStatus | null; progress: number | null }>();
  const reports: FeedReport[] = updates.map((update) => {
    const before = last.get(update.itemId) ?? { status: null, progress: null };
    last.set(update.itemId, {
      status: update.status ?? before.status,
      progress: update.progress ?? before.progress,
    });
    if (update.createdAt > lastModified) lastModified = update.createdAt;
    return {
      id: update.id,
      itemId: update.itemId,
      itemTitle: titles.get(update.itemId) ?? '',
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

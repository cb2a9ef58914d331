import { mergeTranslations, separateTexts } from '@/platform/i18n/content';
import { asc, eq, max, min } from 'drizzle-orm';
import { assertCanManage, type CurrentUser } from '@/platform/auth/auth';
import { recordAudit } from '@/platform/audit/audit';
import {
  actionItems,
  actionItemSources,
  actionItemUpdates,
  actionPlans,
  municipalities,
} from '@/platform/db/schema';
import type { Db, Queryable, Tx } from '@/platform/db/types';
import type { Clock } from '@/platform/clock';
import type { Deps } from '@/platform/deps';
import { deleteStoredFiles, storedFilesUnder } from '@/documents';
import { HttpError, invalidFields, notFound, parseOrThrow } from '@/platform/http/errors';
import { assertCitable } from './citations';
import {
  findItemDetail,
  findPlan,
  type ItemDetail,
  type ItemRow,
  type PlanRow,
  type PlanWithMunicipality,
} from './reads';
import {
  numericDate,
  planInputSchema,
  type ItemInput,
  type ItemPatch,
  type PlanInput,
  type PlanPatch,
} from './rules';

/** Changing plans and their items; progress reports (and due-date moves) are in progress.ts. */

export type WriteContext = { db: Db; clock: Clock; user: CurrentUser; publicUrl: string };

async function findMunicipalityBySlug(db: Queryable, slug: string) {
  const [row] = await db.select().from(municipalities).where(eq(municipalities.slug, slug));
  return row ?? null;
}

const PLAN_TEXTS = { title: 'title', summary: 'summary' };
const ITEM_TEXTS = { title: 'title', description: 'description' };

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
    const texts = separateTexts(input, PLAN_TEXTS, undefined, input.originalLang);
    if (texts.missing.length > 0) throw invalidFields(texts.missing);
    const [row] = await tx
      .insert(actionPlans)
      .values({
        municipalityId: municipality.id,
        title: texts.body.title as string,
        originalLang: texts.originalLang,
        translations: mergeTranslations({}, texts.translations),
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        status: input.status ?? 'draft',
        summary: (texts.body.summary as string | null | undefined) ?? null,
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
function planNotDraft(
  message: string,
  key: 'plans.admin.planNotDraft' | 'plans.admin.itemNotDraft',
): HttpError {
  return new HttpError('plan_not_draft', message, [], { key });
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
    const texts = separateTexts(patch, PLAN_TEXTS, current, patch.originalLang);
    if (texts.missing.length > 0) throw invalidFields(texts.missing);
    const merged = parseOrThrow(planInputSchema, {
      title: current.title,
      periodStart: current.periodStart,
      periodEnd: current.periodEnd,
      status: current.status,
      summary: current.summary,
      documentUrl: current.documentUrl,
      ...definedOnly(texts.body as PlanPatch),
    });
    if (current.status !== 'draft' && merged.status === 'draft') {
      throw invalidFields([
        {
          path: 'status',
          message: `The plan is ${current.status}; it cannot return to draft (archive it instead)`,
          localized: { key: 'plans.error.noReturnToDraft' },
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
            localized: {
              key: 'plans.error.reportsBeforeStart',
              params: { date: numericDate(earliest.date) },
            },
          },
        ]);
      }
    }
    const [row] = await tx
      .update(actionPlans)
      .set({
        title: merged.title as string,
        originalLang: texts.originalLang,
        translations: mergeTranslations(current.translations, texts.translations),
        periodStart: merged.periodStart,
        periodEnd: merged.periodEnd,
        status: merged.status ?? current.status,
        summary: (merged.summary as string | null | undefined) ?? null,
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
export async function deletePlan(
  { db, clock, user }: WriteContext,
  id: number,
  store: Pick<Deps, 'files' | 'log'>,
): Promise<void> {
  const now = clock.now();
  const stored = await db.transaction(async (tx) => {
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
        'plans.admin.planNotDraft',
      );
    }
    const items = await itemsWithSourceIds(tx, id);
    // The plan's and its items' documents: their rows go by cascade, their files just after.
    const files = await storedFilesUnder(tx, { planId: id });
    await tx.delete(actionPlans).where(eq(actionPlans.id, id));
    await recordAudit(
      tx,
      user,
      { action: 'delete', entity: 'plan', entityId: id, before: { ...plan, items } },
      now,
    );
    return files;
  });
  await deleteStoredFiles(store, stored);
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

export async function lockManagedPlan(tx: Tx, user: CurrentUser, planId: number) {
  const [plan] = await tx
    .select()
    .from(actionPlans)
    .where(eq(actionPlans.id, planId))
    .for('update');
  if (!plan) throw notFound('No such plan');
  assertCanManage(user, [plan.municipalityId]);
  return plan;
}

export async function insertItem(
  tx: Tx,
  user: CurrentUser,
  plan: PlanRow,
  position: number,
  input: ItemInput,
  now: Date,
  pathPrefix = '',
): Promise<ItemRow> {
  const texts = separateTexts(input, ITEM_TEXTS, undefined, input.originalLang);
  if (texts.missing.length > 0) {
    throw invalidFields(texts.missing.map((d) => ({ ...d, path: `${pathPrefix}${d.path}` })));
  }
  const sourceIds = [...new Set(input.sourceOutcomeIds ?? [])];
  await assertCitable(tx, user, plan.municipalityId, input.sourceOutcomeIds ?? [], pathPrefix);
  const [row] = await tx
    .insert(actionItems)
    .values({
      planId: plan.id,
      position,
      title: texts.body.title as string,
      description: (texts.body.description as string | null | undefined) ?? null,
      originalLang: texts.originalLang,
      translations: mergeTranslations({}, texts.translations),
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

export async function nextPosition(tx: Tx, planId: number): Promise<number> {
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
    const texts = separateTexts(patch, ITEM_TEXTS, item, patch.originalLang);
    if (texts.missing.length > 0) throw invalidFields(texts.missing);
    const {
      sourceOutcomeIds,
      originalLang: _originalLang,
      ...fields
    } = definedOnly(texts.body as ItemPatch & { title?: string; description?: string | null });
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
          localized: { key: 'plans.error.dueDateLocked' },
        },
      ]);
    }
    if (sourceOutcomeIds !== undefined) {
      await assertCitable(tx, user, plan.municipalityId, sourceOutcomeIds, '', cited);
    }
    const [row] = await tx
      .update(actionItems)
      .set({
        ...(fields as { title?: string; description?: string | null }),
        originalLang: texts.originalLang,
        translations: mergeTranslations(item.translations, texts.translations),
        updatedAt: now,
      })
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
  store: Pick<Deps, 'files' | 'log'>,
): Promise<ItemRow> {
  const now = clock.now();
  const { item, stored } = await db.transaction(async (tx) => {
    const { item, plan } = await lockManagedItem(tx, user, itemId);
    if (plan.status !== 'draft') {
      throw planNotDraft(
        `The plan is ${plan.status}: an adopted plan's items stay on the record. Report status dropped with an update (POST /plan-items/${itemId}/updates)`,
        'plans.admin.itemNotDraft',
      );
    }
    const sourceOutcomeIds = await sourceIdsOf(tx, itemId);
    const stored = await storedFilesUnder(tx, { planItemId: itemId });
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
    return { item, stored };
  });
  await deleteStoredFiles(store, stored);
  return item;
}

import { eq } from 'drizzle-orm';
import { recordAudit } from '@/platform/audit/audit';
import { actionItems, actionItemUpdates } from '@/platform/db/schema';
import { invalidFields, notFound, type ErrorDetail } from '@/platform/http/errors';
import { notifyStatusChange } from './notifications';
import { PLAN_ZONE, type ItemRow, type UpdateRow } from './reads';
import { localDate, numericDate, type UpdateInput } from './rules';
import { lockManagedPlan, type WriteContext } from './writes';

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
      details.push({
        path: 'date',
        message: `The plan's period starts on ${plan.periodStart}`,
        localized: {
          key: 'plans.error.dateBeforePeriod',
          params: { date: numericDate(plan.periodStart) },
        },
      });
    }
    const moves = input.dueDate !== undefined;
    if (moves && plan.status === 'draft') {
      details.push({
        path: 'dueDate',
        message: `The plan is a draft: correct the due date with PATCH /plan-items/${itemId}; reports move due dates once the plan is adopted`,
        localized: { key: 'plans.error.draftDueDate' },
      });
    } else if (moves && input.dueDate === item.dueDate) {
      details.push({
        path: 'dueDate',
        message:
          item.dueDate === null
            ? 'The item has no due date to remove'
            : `The due date already is ${item.dueDate}`,
        localized:
          item.dueDate === null
            ? { key: 'plans.error.noDueDate' }
            : { key: 'plans.error.sameDueDate', params: { date: numericDate(item.dueDate) } },
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

import { and, asc, desc, eq, inArray, isNotNull, ne, notInArray } from 'drizzle-orm';
import { actionItems, actionPlans, municipalities } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import type { CurrentUser } from '@/platform/auth/auth';
import { isOverdue, localDate } from './rules';
import { PLAN_ZONE } from './reads';

/** A plan as the dashboard lists it. */
export type ManagedPlan = {
  id: number;
  title: string;
  /** The title's language (organizers see the original, marked when not the page's). */
  originalLang: string;
  status: 'draft' | 'adopted' | 'archived';
  periodStart: string;
  periodEnd: string;
  municipality: string;
};

function managedPlans(user: CurrentUser) {
  return user.role === 'admin'
    ? undefined
    : inArray(actionPlans.municipalityId, user.municipalityIds);
}

/** The plans of the municipalities a user manages (all for admins), drafts included: one query. */
export async function plansFor(db: Queryable, user: CurrentUser): Promise<ManagedPlan[]> {
  if (user.role !== 'admin' && user.municipalityIds.length === 0) return [];
  return db
    .select({
      id: actionPlans.id,
      title: actionPlans.title,
      originalLang: actionPlans.originalLang,
      status: actionPlans.status,
      periodStart: actionPlans.periodStart,
      periodEnd: actionPlans.periodEnd,
      municipality: municipalities.name,
    })
    .from(actionPlans)
    .innerJoin(municipalities, eq(municipalities.id, actionPlans.municipalityId))
    .where(managedPlans(user))
    .orderBy(asc(municipalities.name), desc(actionPlans.periodStart))
    .limit(200);
}

/** Overdue items per managed non-draft plan (today in the plans' zone), from one query. */
export async function overdueByPlan(
  db: Queryable,
  user: CurrentUser,
  now: Date,
): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  if (user.role !== 'admin' && user.municipalityIds.length === 0) return result;
  const items = await db
    .select({
      planId: actionItems.planId,
      status: actionItems.status,
      progress: actionItems.progress,
      dueDate: actionItems.dueDate,
    })
    .from(actionItems)
    .innerJoin(actionPlans, eq(actionPlans.id, actionItems.planId))
    .where(
      and(
        managedPlans(user),
        ne(actionPlans.status, 'draft'),
        isNotNull(actionItems.dueDate),
        notInArray(actionItems.status, ['done', 'dropped']),
      ),
    );
  const today = localDate(now, PLAN_ZONE);
  for (const item of items) {
    if (isOverdue(item, today)) result.set(item.planId, (result.get(item.planId) ?? 0) + 1);
  }
  return result;
}

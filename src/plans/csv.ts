import { canManage, type CurrentUser } from '@/platform/auth/auth';
import { recordAudit } from '@/platform/audit/audit';
import type { Queryable } from '@/platform/db/types';
import { invalidFields, type ErrorDetail } from '@/platform/http/errors';
import { uncitable } from './citations';
import { loadPlanDetail, type ItemDetail, type PlanWithMunicipality } from './reads';
import { itemsToCsv, type CsvItem } from './rules';
import { insertItem, lockManagedPlan, nextPosition, type WriteContext } from './writes';

/** The items CSV: the export (what the public sees, or everything for the plan's managers) and the import. */

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
          localized: {
            key: 'plans.csv.notCitable',
            params: { line: index + 2, id: row.sourceOutcomeIds[at] ?? 0 },
          },
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

import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';

export type AuditRow = {
  id: number;
  at: Date;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

export const AUDIT_PAGE_SIZE = 50;

/** Newest first; `beforeId` pages back. Filtered by entity (and id) when given. */
export async function listAudit(
  db: Queryable,
  filter: { entity?: string; entityId?: string; beforeId?: number },
): Promise<AuditRow[]> {
  const conditions: SQL[] = [];
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.beforeId) conditions.push(lt(auditLog.id, filter.beforeId));
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorName: auditLog.actorName,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE);
}

export async function auditEntities(db: Queryable): Promise<string[]> {
  const rows = await db
    .selectDistinct({ entity: auditLog.entity })
    .from(auditLog)
    .orderBy(sql`1`);
  return rows.map((row) => row.entity);
}

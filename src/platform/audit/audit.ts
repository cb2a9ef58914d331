import { auditLog } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';
import type { CurrentUser } from '@/platform/auth/auth';

export type AuditEntry = {
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
};

/** Writes who changed what; call it inside the transaction that makes the change. */
export async function recordAudit(
  db: Queryable,
  actor: Pick<CurrentUser, 'id' | 'name' | 'email'> | null,
  entry: AuditEntry,
  at: Date,
) {
  await db.insert(auditLog).values({
    at,
    userId: actor?.id ?? null,
    actorName: actor ? `${actor.name} <${actor.email}>` : 'system',
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

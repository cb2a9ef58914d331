import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { apiTokens, users } from '@/platform/db/schema';
import type { Db, Queryable } from '@/platform/db/types';
import { notFound } from '@/platform/http/errors';
import { hashToken, newToken } from '@/platform/tokens';
import { recordAudit } from '@/platform/audit/audit';
import type { CurrentUser } from './auth';

async function insertToken(db: Queryable, userId: number, label: string | null, now?: Date) {
  const token = `koda_${newToken()}`;
  const [row] = await db
    .insert(apiTokens)
    .values({
      userId,
      tokenHash: await hashToken(token),
      label,
      ...(now ? { createdAt: now } : {}),
    })
    .returning({ id: apiTokens.id });
  if (!row) throw new Error('insert returned no row');
  return { id: row.id, token };
}

/** Creates an API token for a user; the plain token is returned once and only its hash is stored. */
export async function createApiToken(db: Db, email: string, label?: string): Promise<string> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (!user) throw notFound(`No user with email ${email}`);
  return (await insertToken(db, user.id, label ?? null)).token;
}

/** A token for the signed-in user, from the admin pages; audited (label only, never the token). */
export async function createOwnApiToken(
  db: Db,
  actor: CurrentUser,
  label: string | null,
  now: Date,
): Promise<string> {
  return db.transaction(async (tx) => {
    const { id, token } = await insertToken(tx, actor.id, label, now);
    await recordAudit(
      tx,
      actor,
      { action: 'api_token.create', entity: 'api_token', entityId: id, after: { label } },
      now,
    );
    return token;
  });
}

export type TokenRow = {
  id: number;
  label: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** A user's tokens, newest first: label and times, never the token or its hash. */
export async function listApiTokens(db: Queryable, userId: number): Promise<TokenRow[]> {
  return db
    .select({
      id: apiTokens.id,
      label: apiTokens.label,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** For the CLI: a user's tokens by email (404 when there is no such user). */
export async function listApiTokensByEmail(db: Queryable, email: string): Promise<TokenRow[]> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (!user) throw notFound(`No user with email ${email}`);
  return listApiTokens(db, user.id);
}

/**
 * Revokes a token. With `ownerId` only that user's token can be hit (another user's id is
 * simply not found); without it (the CLI) any token. Audited; revoking twice changes nothing.
 */
export async function revokeApiToken(
  db: Db,
  actor: CurrentUser | null,
  tokenId: number,
  now: Date,
  ownerId?: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: apiTokens.id, userId: apiTokens.userId, label: apiTokens.label })
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.id, tokenId),
          ownerId === undefined ? undefined : eq(apiTokens.userId, ownerId),
        ),
      );
    if (!row) throw notFound('No such API token');
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (revoked.length === 0) return;
    await recordAudit(
      tx,
      actor,
      {
        action: 'api_token.revoke',
        entity: 'api_token',
        entityId: row.id,
        before: { label: row.label, userId: row.userId, revoked: false },
        after: { label: row.label, userId: row.userId, revoked: true },
      },
      now,
    );
  });
}

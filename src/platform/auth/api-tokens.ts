import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { apiTokens, users } from '@/platform/db/schema';
import type { Db, Queryable } from '@/platform/db/types';
import { HttpError, invalidFields, notFound } from '@/platform/http/errors';
import { hashToken, newToken } from '@/platform/tokens';
import { recordAudit } from '@/platform/audit/audit';
import type { CurrentUser } from './auth';
import {
  DEFAULT_TOKEN_DAYS,
  knownScopes,
  MAX_TOKEN_DAYS,
  scopesForRole,
  type ApiScope,
} from './scopes';

export type TokenOptions = {
  label?: string | null;
  /** Default: every scope the user's role allows. */
  scopes?: readonly ApiScope[];
  /** Default: DEFAULT_TOKEN_DAYS. */
  expiresInDays?: number;
};

/**
 * Checks what a new token asks for against the user's role: at least one scope, `admin` only
 * for admins, a lifetime of whole days within MAX_TOKEN_DAYS (422 naming the field otherwise).
 */
export function tokenGrant(
  role: CurrentUser['role'],
  options: TokenOptions,
  now: Date,
): { scopes: ApiScope[]; expiresAt: Date } {
  const allowed = scopesForRole(role);
  const scopes = options.scopes ? knownScopes(options.scopes) : allowed;
  if (scopes.length === 0) {
    throw invalidFields([{ path: 'scopes', message: 'Choose at least one scope' }]);
  }
  if (scopes.some((scope) => !allowed.includes(scope))) {
    throw invalidFields([
      { path: 'scopes', message: 'Only admins may give a token the admin scope' },
    ]);
  }
  const days = options.expiresInDays ?? DEFAULT_TOKEN_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
    throw invalidFields([
      { path: 'expiresInDays', message: `A whole number of days from 1 to ${MAX_TOKEN_DAYS}` },
    ]);
  }
  return { scopes, expiresAt: new Date(now.getTime() + days * 24 * 60 * 60 * 1000) };
}

async function insertToken(
  db: Queryable,
  user: { id: number; role: CurrentUser['role'] },
  options: TokenOptions,
  now: Date,
) {
  const { scopes, expiresAt } = tokenGrant(user.role, options, now);
  const token = `koda_${newToken()}`;
  const [row] = await db
    .insert(apiTokens)
    .values({
      userId: user.id,
      tokenHash: await hashToken(token),
      label: options.label ?? null,
      scopes,
      createdAt: now,
      expiresAt,
    })
    .returning({ id: apiTokens.id });
  if (!row) throw new Error('insert returned no row');
  return { id: row.id, token, scopes, expiresAt };
}

/**
 * Creates an API token for a user (the CLI); the plain token is returned once and only its hash
 * is stored. A disabled account gets none (409). Audited like the page's, without the token.
 */
export async function createApiToken(
  db: Db,
  email: string,
  options: TokenOptions = {},
  now: Date = new Date(),
): Promise<string> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, role: users.role, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
    if (!user) throw notFound(`No user with email ${email}`);
    if (user.disabledAt) {
      throw new HttpError('account_disabled', 'The account is disabled; enable it first');
    }
    const created = await insertToken(tx, user, options, now);
    await recordAudit(
      tx,
      null,
      {
        action: 'api_token.create',
        entity: 'api_token',
        entityId: created.id,
        after: auditView(user.id, options.label ?? null, created),
      },
      now,
    );
    return created.token;
  });
}

function auditView(
  userId: number,
  label: string | null,
  created: { scopes: ApiScope[]; expiresAt: Date },
) {
  return { userId, label, scopes: created.scopes, expiresAt: created.expiresAt.toISOString() };
}

/** A token for the signed-in user, from the admin pages; audited (never the token). */
export async function createOwnApiToken(
  db: Db,
  actor: CurrentUser,
  options: TokenOptions,
  now: Date,
): Promise<string> {
  return db.transaction(async (tx) => {
    const created = await insertToken(tx, actor, options, now);
    await recordAudit(
      tx,
      actor,
      {
        action: 'api_token.create',
        entity: 'api_token',
        entityId: created.id,
        after: auditView(actor.id, options.label ?? null, created),
      },
      now,
    );
    return created.token;
  });
}

export type TokenRow = {
  id: number;
  label: string | null;
  scopes: ApiScope[];
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** A user's tokens, newest first: label, scopes and times, never the token or its hash. */
export async function listApiTokens(db: Queryable, userId: number): Promise<TokenRow[]> {
  const rows = await db
    .select({
      id: apiTokens.id,
      label: apiTokens.label,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map((row) => ({ ...row, scopes: knownScopes(row.scopes) }));
}

/**
 * Revokes every open token of a user, in the caller's transaction (a password reset or change,
 * disabling the account, an admin's "revoke all"); returns how many were open.
 */
export async function revokeUserTokens(db: Queryable, userId: number, now: Date): Promise<number> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length;
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

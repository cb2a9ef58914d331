import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { memberships, municipalities, users } from '@/platform/db/schema';
import type { Db, Queryable } from '@/platform/db/types';
import { HttpError, invalidFields, notFound, parseOrThrow } from '@/platform/http/errors';
import { recordAudit } from '@/platform/audit/audit';
import type { CurrentUser } from '@/platform/auth/auth';
import { revokeUserTokens } from '@/platform/auth/api-tokens';
import { revokeUserSessions } from '@/platform/auth/sessions';
import { unknownMunicipalities } from './users';

export type UserRow = {
  id: number;
  email: string;
  name: string;
  role: 'admin' | 'organizer';
  disabledAt: Date | null;
  createdAt: Date;
  municipalities: { slug: string; name: string }[];
};

export type MunicipalityOption = { id: number; slug: string; name: string };

export async function listMunicipalityOptions(db: Queryable): Promise<MunicipalityOption[]> {
  return db
    .select({ id: municipalities.id, slug: municipalities.slug, name: municipalities.name })
    .from(municipalities)
    .orderBy(asc(municipalities.name));
}

/** Users with their municipalities; never their password hashes. */
export async function listUsers(db: Queryable, ids?: number[]): Promise<UserRow[]> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(ids ? inArray(users.id, ids) : undefined)
    .orderBy(asc(users.name), asc(users.id));
  if (rows.length === 0) return [];
  const links = await db
    .select({
      userId: memberships.userId,
      slug: municipalities.slug,
      name: municipalities.name,
    })
    .from(memberships)
    .innerJoin(municipalities, eq(municipalities.id, memberships.municipalityId))
    .where(
      inArray(
        memberships.userId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(municipalities.name));
  return rows.map((row) => ({
    ...row,
    municipalities: links
      .filter((link) => link.userId === row.id)
      .map(({ slug, name }) => ({ slug, name })),
  }));
}

export async function getUser(db: Queryable, id: number): Promise<UserRow> {
  const [user] = await listUsers(db, [id]);
  if (!user) throw notFound('No such user');
  return user;
}

/** What the audit log keeps about a user: no password, no tokens. */
function auditView(user: UserRow) {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabledAt !== null,
    municipalities: user.municipalities.map((m) => m.slug).sort(),
  };
}

export const accessSchema = z.object({
  role: z.enum(['admin', 'organizer']),
  municipalities: z.array(z.string().min(1)).default([]),
});

/** Sets a user's role and municipalities (replacing the old ones), recorded in the audit log. */
export async function updateUserAccess(
  db: Db,
  actor: CurrentUser,
  userId: number,
  input: z.input<typeof accessSchema>,
  now: Date,
): Promise<UserRow> {
  const access = parseOrThrow(accessSchema, input);
  if (actor.id === userId && actor.role === 'admin' && access.role !== 'admin') {
    throw new HttpError('self_demotion', 'You cannot take away your own admin role');
  }
  return db.transaction(async (tx) => {
    const before = await getUser(tx, userId);
    const found = access.municipalities.length
      ? await tx
          .select({ id: municipalities.id, slug: municipalities.slug })
          .from(municipalities)
          .where(inArray(municipalities.slug, access.municipalities))
      : [];
    const unknown = access.municipalities.filter((slug) => !found.some((m) => m.slug === slug));
    if (unknown.length > 0) {
      throw invalidFields([unknownMunicipalities(unknown)]);
    }
    await tx.update(users).set({ role: access.role }).where(eq(users.id, userId));
    await tx.delete(memberships).where(eq(memberships.userId, userId));
    if (found.length > 0) {
      await tx.insert(memberships).values(found.map((m) => ({ userId, municipalityId: m.id })));
    }
    const after = await getUser(tx, userId);
    await recordAudit(
      tx,
      actor,
      {
        action: 'user.access',
        entity: 'user',
        entityId: userId,
        before: auditView(before),
        after: auditView(after),
      },
      now,
    );
    return after;
  });
}

/**
 * Disables (or re-enables) an account. Disabling revokes every session and API token of the
 * user in the same transaction, so they are out at once; re-enabling does not bring those back.
 */
export async function setUserDisabled(
  db: Db,
  actor: CurrentUser,
  userId: number,
  disabled: boolean,
  now: Date,
): Promise<UserRow> {
  if (disabled && actor.id === userId) {
    throw new HttpError('self_disable', 'You cannot disable your own account');
  }
  return db.transaction(async (tx) => {
    const before = await getUser(tx, userId);
    if ((before.disabledAt !== null) === disabled) return before;
    await tx
      .update(users)
      .set({ disabledAt: disabled ? now : null })
      .where(eq(users.id, userId));
    if (disabled) {
      await revokeUserSessions(tx, userId, now);
      await revokeUserTokens(tx, userId, now);
    }
    const after = await getUser(tx, userId);
    await recordAudit(
      tx,
      actor,
      {
        action: disabled ? 'user.disable' : 'user.enable',
        entity: 'user',
        entityId: userId,
        before: auditView(before),
        after: auditView(after),
      },
      now,
    );
    return after;
  });
}

/**
 * An admin revokes every API token of a user at once (a leaked token, a lost laptop); audited
 * with how many were open. Returns that number.
 */
export async function revokeAllTokens(
  db: Db,
  actor: CurrentUser,
  userId: number,
  now: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    await getUser(tx, userId);
    const revoked = await revokeUserTokens(tx, userId, now);
    await recordAudit(
      tx,
      actor,
      { action: 'user.tokens_revoke', entity: 'user', entityId: userId, after: { revoked } },
      now,
    );
    return revoked;
  });
}

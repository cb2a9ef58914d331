import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { memberships, municipalities, users } from '@/platform/db/schema';
import type { Db } from '@/platform/db/types';
import { HttpError, invalidFields, parseOrThrow, type ErrorDetail } from '@/platform/http/errors';
import { recordAudit } from '@/platform/audit/audit';
import type { CurrentUser } from '@/platform/auth/auth';
import { hashPassword } from '@/platform/auth/password';
import { singleLine } from '@/platform/text';

/** The one password rule: for new users, changed and reset passwords alike. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1000;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH);

export const newUserSchema = z.object({
  email: z.email().max(254),
  name: singleLine().min(1).max(200),
  password: passwordSchema,
  role: z.enum(['admin', 'organizer']),
  municipalities: z.array(z.string().min(1)).default([]),
});

export type NewUser = z.input<typeof newUserSchema>;

/** The refusal of slugs that name no municipality: the API names them, pages say it in words. */
export function unknownMunicipalities(slugs: string[]): ErrorDetail {
  return {
    path: 'municipalities',
    message: `Unknown municipality: ${slugs.join(', ')}`,
    localized: { key: 'accounts.users.unknownMunicipality' },
  };
}

/**
 * Creates a user with their memberships. With `audit`, the creation is recorded (never the
 * password or its hash) in the same transaction.
 */
export async function createUser(
  db: Db,
  input: NewUser,
  passwordIterations?: number,
  audit?: { actor: CurrentUser | null; at: Date },
) {
  const user = parseOrThrow(newUserSchema, input);
  const passwordHash = await hashPassword(user.password, passwordIterations);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, user.email.toLowerCase()));
    if (existing) throw new HttpError('duplicate', `A user with email ${user.email} exists`);
    const found = user.municipalities.length
      ? await tx
          .select({ id: municipalities.id, slug: municipalities.slug })
          .from(municipalities)
          .where(inArray(municipalities.slug, user.municipalities))
      : [];
    const unknown = user.municipalities.filter((slug) => !found.some((m) => m.slug === slug));
    if (unknown.length > 0) {
      throw invalidFields([unknownMunicipalities(unknown)]);
    }
    const [created] = await tx
      .insert(users)
      .values({ email: user.email, name: user.name, role: user.role, passwordHash })
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
    if (!created) throw new Error('insert returned no row');
    if (found.length > 0) {
      await tx
        .insert(memberships)
        .values(found.map((m) => ({ userId: created.id, municipalityId: m.id })));
    }
    if (audit) {
      await recordAudit(
        tx,
        audit.actor,
        {
          action: 'user.create',
          entity: 'user',
          entityId: created.id,
          after: { ...created, municipalities: found.map((m) => m.slug).sort() },
        },
        audit.at,
      );
    }
    return created;
  });
}

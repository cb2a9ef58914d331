import { eq, sql } from 'drizzle-orm';
import { apiTokens, users } from '../db/schema/index';
import type { Db } from '../db/types';
import { notFound } from '../lib/http';
import { hashToken, newToken } from '../lib/tokens';

/** Creates an API token for a user; the plain token is returned once and only its hash is stored. */
export async function createApiToken(db: Db, email: string, label?: string): Promise<string> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (!user) throw notFound(`No user with email ${email}`);
  const token = `koda_${newToken()}`;
  await db
    .insert(apiTokens)
    .values({ userId: user.id, tokenHash: await hashToken(token), label: label ?? null });
  return token;
}

import { eq } from 'drizzle-orm';
import { municipalities } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';

export async function findMunicipality(db: Queryable, slug: string) {
  const [row] = await db.select().from(municipalities).where(eq(municipalities.slug, slug));
  return row ?? null;
}

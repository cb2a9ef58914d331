import { asc, inArray } from 'drizzle-orm';
import { municipalities } from '@/platform/db/schema';
import type { Queryable } from '@/platform/db/types';

/** The names of these municipalities, alphabetically (e.g. what a user manages). */
export async function municipalityNames(db: Queryable, ids: number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(inArray(municipalities.id, ids))
    .orderBy(asc(municipalities.name));
  return rows.map((row) => row.name);
}

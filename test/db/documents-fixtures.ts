import { municipalities } from '@/platform/db/schema';
import type { TestContext } from '../helpers/app';

/** The municipalities the document tests host their events in (without the whole demo). */
export async function seedMunicipalitiesOnly(ctx: TestContext): Promise<void> {
  await ctx.deps.db
    .insert(municipalities)
    .values([
      { slug: 'keila', name: 'Keila', kind: 'city' },
      { slug: 'tartu', name: 'Tartu', kind: 'city' },
    ])
    .onConflictDoNothing();
}

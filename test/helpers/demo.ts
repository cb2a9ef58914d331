import type { Db } from '@/platform/db/types';
import type { FileStore } from '@/platform/files/store';
import { seedDemo as seedDemoAtProductionCost } from '../../demo/seed';
import { TEST_PASSWORD_ITERATIONS } from './session';

/**
 * The demo as `npm start` loads it, but its two logins' passwords hashed at the tests' cheap count
 * (two production hashes cost ~0.2 s of CPU). A test that needs it from the start takes
 * createTestContext({ demo: true }), a copy of one seeded by this once per run; this is for the
 * others. test/db/demo-logins.test.ts seeds at the production count and logs in with it.
 */
export function seedDemo(db: Db, now: Date, files?: FileStore) {
  return seedDemoAtProductionCost(db, now, files, TEST_PASSWORD_ITERATIONS);
}

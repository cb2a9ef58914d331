/**
 * `npm run cli seed:demo` tells the operator what `npm start` tells when it seeds the demo: the
 * logins and a participant's feedback and registration links, whose tokens are stored only as
 * hashes (a start after it finds data and prints none of them).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/platform/db/open';
import { feedbackRequests, registrations } from '@/platform/db/schema';
import { hashToken } from '@/platform/tokens';
import { cli } from './processes';

let dataDir: string;
const env = () => ({
  DATA_DIR: dataDir,
  DATABASE_URL: undefined,
  PUBLIC_URL: 'https://koda.example.org',
  LOG_LEVEL: 'silent',
});

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'koda-cli-demo-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run cli seed:demo', () => {
  it("prints the demo's logins and a participant's links, which lead to their rows", async () => {
    const seeded = await cli(['seed:demo'], env());
    expect(seeded.code).toBe(0);
    expect(seeded.output).toContain('Demo programme loaded.');
    expect(seeded.output).toContain(
      'Demo organizer login: korraldaja@koda.example / mottekoda-2014 at https://koda.example.org/admin',
    );
    expect(seeded.output).toContain('Demo admin login');
    const feedback =
      /Demo participant's feedback form: https:\/\/koda\.example\.org\/feedback\/([\w-]{43})\n/.exec(
        seeded.output,
      )?.[1];
    const manage =
      /Demo participant's registration: https:\/\/koda\.example\.org\/registrations\/([\w-]{43})\n/.exec(
        seeded.output,
      )?.[1];
    expect(feedback).toBeDefined();
    expect(manage).toBeDefined();

    const database = await openDatabase({ dataDir, databaseUrl: undefined });
    try {
      const { db } = database;
      const asked = await db
        .select()
        .from(feedbackRequests)
        .where(eq(feedbackRequests.tokenHash, await hashToken(feedback!)));
      expect(asked).toHaveLength(1);
      const registered = await db
        .select()
        .from(registrations)
        .where(eq(registrations.manageTokenHash, await hashToken(manage!)));
      expect(registered).toHaveLength(1);
    } finally {
      await database.close();
    }

    const again = await cli(['seed:demo'], env());
    expect(again.code).toBe(0);
    expect(again.output).toContain('The database already has data; the demo was not loaded.');
    expect(again.output).not.toContain('Demo participant');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNotNull } from 'drizzle-orm';
import { seedDemo } from '../helpers/demo';
import { createUser } from '@/accounts/users';
import { createFeedToken, feedTokenEmail } from '@/calendar/tokens';
import { rateLimits, registrations, sessions } from '@/platform/db/schema';
import { runPurgeJob } from '@/jobs';
import { createTestContext, type TestContext } from '../helpers/app';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('the daily purge job', () => {
  it('forgets sessions that ended over a day ago and spent rate-limit counters, keeping live ones', async () => {
    const now = ctx.clock.now();
    const hours = (n: number) => new Date(now.getTime() + n * 60 * 60 * 1000);
    const user = await createUser(
      ctx.deps.db,
      {
        email: 'purge@koda.test',
        name: 'Purge',
        password: 'a long enough password',
        role: 'admin',
      },
      1_000,
    );
    await ctx.deps.db.insert(sessions).values([
      {
        tokenHash: 'expired-long-ago',
        userId: user.id,
        createdAt: hours(-60),
        expiresAt: hours(-48),
      },
      {
        tokenHash: 'revoked-long-ago',
        userId: user.id,
        createdAt: hours(-40),
        expiresAt: hours(8),
        revokedAt: hours(-30),
      },
      {
        tokenHash: 'expired-recently',
        userId: user.id,
        createdAt: hours(-13),
        expiresAt: hours(-1),
      },
      { tokenHash: 'live', userId: user.id, createdAt: hours(-1), expiresAt: hours(11) },
    ]);
    await ctx.deps.db.insert(rateLimits).values([
      { key: 'login:ip:old', windowStartsAt: hours(-30), count: 3 },
      { key: 'login:ip:blocked', windowStartsAt: hours(-30), count: 11, blockedUntil: hours(1) },
      { key: 'login:ip:fresh', windowStartsAt: hours(-0.1), count: 1 },
    ]);
    await runPurgeJob(ctx.deps);
    const left = await ctx.deps.db.select({ hash: sessions.tokenHash }).from(sessions);
    expect(left.map((row) => row.hash).sort()).toEqual(['expired-recently', 'live']);
    const keys = await ctx.deps.db.select({ key: rateLimits.key }).from(rateLimits);
    expect(keys.map((row) => row.key).sort()).toEqual(['login:ip:blocked', 'login:ip:fresh']);
  });

  it('deletes feed tokens whose address no registration holds any more', async () => {
    await seedDemo(ctx.deps.db, ctx.clock.now());
    const [person] = await ctx.deps.db
      .select({ email: registrations.email })
      .from(registrations)
      .where(isNotNull(registrations.email))
      .limit(1);
    const kept = await createFeedToken(ctx.deps.db, person?.email ?? '');
    const orphan = await createFeedToken(ctx.deps.db, 'gone@example.ee');
    await runPurgeJob(ctx.deps);
    expect(await feedTokenEmail(ctx.deps.db, kept)).toBe(person?.email?.toLowerCase());
    expect(await feedTokenEmail(ctx.deps.db, orphan)).toBeNull();
    const feed = await ctx.app.request(`/feeds/${orphan}/calendar.ics`);
    expect(feed.status).toBe(410);
  });
});

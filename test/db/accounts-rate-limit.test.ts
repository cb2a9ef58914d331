import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '@/platform/deps';
import { rateLimits } from '@/platform/db/schema';
import { clientAddress } from '@/platform/http/client-address';
import { provideDeps } from '@/platform/http/middleware';
import {
  clearRateLimit,
  hitRateLimit,
  pruneRateLimits,
  refundRateLimit,
  type RateLimitRule,
} from '@/platform/http/rate-limit';
import { createTestContext, testConfig, type TestContext } from '../helpers/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const rule: RateLimitRule = { limit: 3, windowSeconds: 60, blockSeconds: 300 };
const at = (seconds: number) => new Date(Date.parse('2026-11-26T12:00:00Z') + seconds * 1000);

describe('hitRateLimit', () => {
  it('allows `limit` hits in a window and blocks the next for blockSeconds', async () => {
    const db = ctx.deps.db;
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit(db, 't:block', rule, at(i)));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]?.retryAfterSeconds).toBe(300);
    // Still blocked later, and hits while blocked do not extend the block.
    const later = await hitRateLimit(db, 't:block', rule, at(103));
    expect(later).toEqual({ allowed: false, retryAfterSeconds: 200 });
    // After the block the counting starts afresh.
    const after = await hitRateLimit(db, 't:block', rule, at(303));
    expect(after).toEqual({ allowed: true, retryAfterSeconds: 0 });
    const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, 't:block'));
    expect(row?.count).toBe(1);
    expect(row?.blockedUntil).toBeNull();
  });

  it('starts a new window once the old one is over', async () => {
    const db = ctx.deps.db;
    for (let i = 0; i < 3; i++) {
      expect((await hitRateLimit(db, 't:window', rule, at(i))).allowed).toBe(true);
    }
    expect((await hitRateLimit(db, 't:window', rule, at(61))).allowed).toBe(true);
    const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, 't:window'));
    expect(row?.count).toBe(1);
    expect(row?.windowStartsAt.toISOString()).toBe(at(61).toISOString());
  });

  it('counts every one of many concurrent hits', async () => {
    const db = ctx.deps.db;
    const wide: RateLimitRule = { limit: 10, windowSeconds: 60, blockSeconds: 60 };
    const results = await Promise.all(
      Array.from({ length: 25 }, () => hitRateLimit(db, 't:concurrent', wide, at(0))),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, 't:concurrent'));
    expect(row?.count).toBe(25);
  });

  it('keeps keys apart, and clear, refund and prune work', async () => {
    const db = ctx.deps.db;
    for (let i = 0; i < 4; i++) await hitRateLimit(db, 't:a', rule, at(0));
    expect((await hitRateLimit(db, 't:b', rule, at(0))).allowed).toBe(true);
    expect((await hitRateLimit(db, 't:a', rule, at(1))).allowed).toBe(false);
    await clearRateLimit(db, 't:a');
    expect((await hitRateLimit(db, 't:a', rule, at(2))).allowed).toBe(true);

    await hitRateLimit(db, 't:refund', rule, at(0));
    await hitRateLimit(db, 't:refund', rule, at(0));
    await refundRateLimit(db, 't:refund', at(0));
    const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, 't:refund'));
    expect(row?.count).toBe(1);

    await pruneRateLimits(db, at(10_000));
    const left = await db.select().from(rateLimits);
    expect(left).toEqual([]);
  });
});

describe('clientAddress', () => {
  async function addressFor(trust: string, headers: Record<string, string>) {
    const app = new Hono<AppEnv>();
    app.use(provideDeps({ ...ctx.deps, config: testConfig({ TRUST_PROXY: trust }) }));
    app.get('/', (c) => c.text(clientAddress(c)));
    return (await app.request('/', { headers })).text();
  }

  it('ignores forwarding headers unless a proxy is trusted', async () => {
    const headers = { 'x-forwarded-for': '1.1.1.1, 2.2.2.2', 'cf-connecting-ip': '3.3.3.3' };
    expect(await addressFor('false', headers)).toBe('unknown');
    expect(await addressFor('true', headers)).toBe('2.2.2.2');
    expect(await addressFor('cloudflare', headers)).toBe('3.3.3.3');
    expect(await addressFor('true', {})).toBe('unknown');
  });

  it('counts an IPv6 client by its /64, so rotating through the network does not escape a limit', async () => {
    const rule = { limit: 3, windowSeconds: 60, blockSeconds: 60 };
    const app = new Hono<AppEnv>();
    app.use(provideDeps({ ...ctx.deps, config: testConfig({ TRUST_PROXY: 'true' }) }));
    app.get('/', async (c) => {
      const result = await hitRateLimit(ctx.deps.db, `t:v6:${clientAddress(c)}`, rule, at(0));
      return c.text(result.allowed ? 'ok' : 'limited');
    });
    const answers: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const headers = { 'x-forwarded-for': `2001:db8:aa:bb:${i.toString(16)}::${i}` };
      answers.push(await (await app.request('/', { headers })).text());
    }
    expect(answers).toEqual(['ok', 'ok', 'ok', 'limited', 'limited']);
    const elsewhere = { 'x-forwarded-for': '2001:db8:aa:bc::1' };
    expect(await (await app.request('/', { headers: elsewhere })).text()).toBe('ok');
  });
});

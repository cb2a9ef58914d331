import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { processResetRequests } from '@/accounts';
import { accountDelaySeconds } from '@/platform/auth/login';
import { outbox } from '@/platform/db/schema';
import { createTestContext, TEST_NOW, type TestContext } from '../helpers/app';
import { makeUser, postForm } from '../helpers/session';

/**
 * Issue 21, finding 6: wrong passwords must not let a stranger lock an account. They slow the
 * account for browsers that never logged in to it (a delay that doubles, 429 with Retry-After),
 * while the owner's own browser and the emailed reset link still get in; addresses (IPv4, and
 * IPv6 by /64) are limited on their own.
 */

let ctx: TestContext;
let seq = 0;
const from = () => ({ 'x-forwarded-for': `10.6.${Math.floor(++seq / 250)}.${seq % 250}` });
const at = (seconds: number) => new Date(Date.parse(TEST_NOW) + seconds * 1000);

beforeAll(async () => {
  ctx = await createTestContext({ config: { TRUST_PROXY: 'true' } });
});
afterAll(() => ctx.close());
afterEach(() => ctx.clock.set(TEST_NOW));

function login(email: string, password: string, headers: Record<string, string> = from()) {
  return postForm(ctx, '/admin/login', { email, password }, headers);
}

/** Logs in once as the owner does and returns that browser's `koda_device=…` cookie. */
async function ownersBrowser(email: string, password: string): Promise<string> {
  const res = await login(email, password);
  expect(res.status).toBe(303);
  const setCookie = res.headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(
    /koda_device=[\w-]{43}; Max-Age=15552000; Path=\/admin\/login; HttpOnly; Secure; SameSite=Strict/,
  );
  return /koda_device=[\w-]{43}/.exec(setCookie)![0];
}

describe('a stranger guessing passwords', () => {
  it('cannot keep the owner out: the owner’s browser and the emailed link still get in', async () => {
    const owner = await makeUser(ctx, { role: 'organizer' });
    const device = await ownersBrowser(owner.email, owner.password);

    // A stranger tries 40 passwords from 40 addresses: after 5 the account makes them wait.
    const answers: number[] = [];
    for (let i = 0; i < 40; i++) answers.push((await login(owner.email, `guess ${i}`)).status);
    expect(answers.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(answers.slice(5))).toEqual(new Set([429]));

    // The owner's browser is not slowed by the stranger's failures.
    const own = await login(owner.email, owner.password, { ...from(), cookie: device });
    expect(own.status).toBe(303);
    expect(own.headers.get('set-cookie')).toMatch(/koda_session=/);

    // A new browser of the owner's must wait like the stranger...
    const fresh = await login(owner.email, owner.password);
    expect(fresh.status).toBe(429);
    expect(Number(fresh.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await fresh.text()).toContain('parooli lähtestamise link');

    // ...or use the emailed link, which always works and forgets the failures.
    const reset = await postForm(ctx, '/admin/password-reset', { email: owner.email }, from());
    expect(reset.status).toBe(303);
    await processResetRequests(ctx.deps.db, ctx.deps.config.publicUrl, ctx.clock.now());
    const [mail] = await ctx.deps.db.select().from(outbox).where(eq(outbox.recipient, owner.email));
    const link = /\/admin\/password-reset\/[\w-]{43}/.exec(mail?.text ?? '')![0];
    const chosen = 'a new password after the attack';
    const set = await postForm(ctx, link, { password: chosen, repeat: chosen });
    expect(set.status).toBe(303);
    expect((await login(owner.email, chosen)).status).toBe(303);
  });

  it('counts wrong passwords from the owner’s browser on that browser, not on the account', async () => {
    const owner = await makeUser(ctx, { role: 'organizer' });
    const device = await ownersBrowser(owner.email, owner.password);
    const headers = { ...from(), cookie: device };
    for (let i = 0; i < 5; i++)
      expect((await login(owner.email, `typo ${i}`, headers)).status).toBe(401);
    // That browser now waits; strangers' tries on the account were never counted.
    expect((await login(owner.email, owner.password, headers)).status).toBe(429);
    expect((await login(owner.email, owner.password)).status).toBe(303);
  });

  it('makes each further try wait longer: 15 s, 30 s, 60 s … up to 15 minutes', async () => {
    expect([4, 5, 6, 7, 8, 9, 10, 11, 12, 30].map(accountDelaySeconds)).toEqual([
      0, 15, 30, 60, 120, 240, 480, 900, 900, 900,
    ]);
    const user = await makeUser(ctx, { role: 'organizer' });
    for (let i = 0; i < 5; i++) expect((await login(user.email, `wrong ${i}`)).status).toBe(401);
    const first = await login(user.email, 'wrong again');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('15');
    ctx.clock.set(at(15));
    expect((await login(user.email, 'wrong 6')).status).toBe(401);
    expect((await login(user.email, 'wrong 7')).headers.get('retry-after')).toBe('30');
    // A try refused during the delay neither counts nor extends it.
    ctx.clock.set(at(44));
    expect((await login(user.email, user.password)).headers.get('retry-after')).toBe('1');
    ctx.clock.set(at(45));
    expect((await login(user.email, user.password)).status).toBe(303);
    // Success forgets the failures: five free tries again.
    for (let i = 0; i < 5; i++) expect((await login(user.email, `later ${i}`)).status).toBe(401);
  });
});

describe('one address guessing', () => {
  it('is limited on its own after 10 tries, across accounts', async () => {
    const headers = from();
    for (let i = 0; i < 10; i++) {
      expect((await login(`someone-${i}@koda.test`, 'wrong', headers)).status).toBe(401);
    }
    const user = await makeUser(ctx, { role: 'organizer' });
    const limited = await login(user.email, user.password, headers);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe(String(15 * 60));
    // The account itself is not slowed: from elsewhere its owner gets in.
    expect((await login(user.email, user.password)).status).toBe(303);
  });

  it('is limited by its /64 when it rotates IPv6 addresses', async () => {
    const answers: number[] = [];
    for (let i = 1; i <= 11; i++) {
      const headers = { 'x-forwarded-for': `2001:db8:6:64:${i.toString(16)}::${i}` };
      answers.push((await login(`v6-${i}@koda.test`, 'wrong', headers)).status);
    }
    expect(answers).toEqual([...Array<number>(10).fill(401), 429]);
    const neighbour = { 'x-forwarded-for': '2001:db8:6:65::1' };
    expect((await login('v6-x@koda.test', 'wrong', neighbour)).status).toBe(401);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@/app';
import { SESSION_TTL_SECONDS } from '@/platform/auth/sessions';
import { sessions } from '@/platform/db/schema';
import { createTestContext, TEST_NOW, type TestContext } from '../helpers/app';
import { loginCookie, makeUser, postForm } from '../helpers/session';

let ctx: TestContext;
let seq = 0;
/** A distinct client address per test, so the per-address counters stay apart. */
const from = () => ({ 'x-forwarded-for': `10.0.0.${++seq}` });

beforeAll(async () => {
  ctx = await createTestContext({ config: { TRUST_PROXY: 'true' } });
});
afterAll(() => ctx.close());

describe('login and sessions', () => {
  it('shows the login form, in both languages', async () => {
    const et = await ctx.app.request('/admin/login');
    expect(et.status).toBe(200);
    const html = await et.text();
    expect(html).toContain('<html lang="et">');
    expect(html).toContain('Korraldaja sisselogimine');
    expect(html).toMatch(/<form[^>]*method="post"[^>]*action="\/admin\/login"/);
    const en = await (await ctx.app.request('/admin/login?lang=en')).text();
    expect(en).toContain('Organizer login');
  });

  it('redirects anonymous visitors of admin pages to the login with next=', async () => {
    const res = await ctx.app.request('/admin/users?x=1');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Fusers%3Fx%3D1');
  });

  it('logs in with an HttpOnly, SameSite=Lax, Secure cookie and goes to next', async () => {
    const user = await makeUser(ctx, { role: 'organizer', municipalities: [] });
    const res = await postForm(
      ctx,
      '/admin/login',
      { email: user.email.toUpperCase(), password: user.password, next: '/admin/tokens' },
      from(),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/tokens');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^koda_session=[\w-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toContain(`Max-Age=${SESSION_TTL_SECONDS}`);
    const pair = cookie.split(';')[0] ?? '';
    const dashboard = await ctx.app.request('/admin', { headers: { cookie: pair } });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain(user.name);
    // The session table keeps only a hash of the cookie's token.
    const token = pair.split('=')[1] ?? '';
    const rows = await ctx.deps.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('never redirects to another site after login', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    for (const next of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
      const res = await postForm(
        ctx,
        '/admin/login',
        { email: user.email, password: user.password, next },
        from(),
      );
      expect(res.headers.get('location')).toBe('/admin');
    }
  });

  it('omits Secure on a plain-http installation', async () => {
    const local = await createTestContext({ config: { PUBLIC_URL: 'http://localhost:3000' } });
    try {
      const user = await makeUser(local, { role: 'organizer' });
      const res = await local.app.request('/admin/login', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'http://localhost:3000',
        },
        body: new URLSearchParams({ email: user.email, password: user.password }).toString(),
      });
      expect(res.status).toBe(303);
      expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/i);
      expect(res.headers.get('set-cookie')).not.toMatch(/Secure/i);
    } finally {
      await local.close();
    }
  });

  it('expires a session after 12 hours', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    const cookie = await loginCookie(ctx, user.email, user.password, from());
    try {
      ctx.clock.set(new Date(Date.parse(TEST_NOW) + (SESSION_TTL_SECONDS - 60) * 1000));
      expect((await ctx.app.request('/admin', { headers: { cookie } })).status).toBe(200);
      ctx.clock.set(new Date(Date.parse(TEST_NOW) + (SESSION_TTL_SECONDS + 1) * 1000));
      expect((await ctx.app.request('/admin', { headers: { cookie } })).status).toBe(303);
    } finally {
      ctx.clock.set(TEST_NOW);
    }
  });

  it('logout revokes the session in the database and clears the cookie', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    const cookie = await loginCookie(ctx, user.email, user.password, from());
    const res = await postForm(ctx, '/admin/logout', {}, { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/login?loggedOut');
    expect(res.headers.get('set-cookie')).toMatch(/^koda_session=;.*Max-Age=0/);
    // The old cookie, replayed, no longer works: the session is revoked, not just forgotten.
    expect((await ctx.app.request('/admin', { headers: { cookie } })).status).toBe(303);
    const [row] = await ctx.deps.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(row?.revokedAt).toBeInstanceOf(Date);
  });

  it('refuses a cross-site logout (CSRF)', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    const cookie = await loginCookie(ctx, user.email, user.password, from());
    const res = await postForm(
      ctx,
      '/admin/logout',
      {},
      { cookie, origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect((await ctx.app.request('/admin', { headers: { cookie } })).status).toBe(200);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    const headers = from();
    const wrong = await postForm(
      ctx,
      '/admin/login',
      { email: user.email, password: 'not the password at all' },
      headers,
    );
    const unknown = await postForm(
      ctx,
      '/admin/login',
      { email: `nobody-${user.email}`, password: 'not the password at all' },
      headers,
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get('set-cookie') ?? '').not.toContain('koda_session');
    const strip = (html: string) => html.replace(/value="[^"]*@[^"]*"/g, 'value=""');
    expect(strip(await wrong.text())).toBe(strip(await unknown.text()));
  });

  it('does not let a disabled account log in, with the same answer', async () => {
    const admin = await makeUser(ctx, { role: 'admin' });
    const user = await makeUser(ctx, { role: 'organizer' });
    const adminCookie = await loginCookie(ctx, admin.email, admin.password, from());
    const userCookie = await loginCookie(ctx, user.email, user.password, from());
    const res = await postForm(
      ctx,
      `/admin/users/${user.id}/disable`,
      { confirm: 'yes' },
      { cookie: adminCookie },
    );
    expect(res.status).toBe(303);
    // Disabling revokes the live session at once...
    expect((await ctx.app.request('/admin', { headers: { cookie: userCookie } })).status).toBe(303);
    // ...and the right password now gets the same answer as a wrong one.
    const again = await postForm(
      ctx,
      '/admin/login',
      { email: user.email, password: user.password },
      from(),
    );
    expect(again.status).toBe(401);
  });
});

describe('login rate limiting', () => {
  it('slows an account after 5 quick failures, even from many addresses, for a browser it never used', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    for (let i = 0; i < 5; i++) {
      const res = await postForm(
        ctx,
        '/admin/login',
        { email: user.email, password: `wrong ${i}` },
        from(),
      );
      expect(res.status).toBe(401);
    }
    const locked = await postForm(
      ctx,
      '/admin/login',
      { email: user.email, password: user.password },
      from(),
    );
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('15');
    expect(locked.headers.get('set-cookie') ?? '').not.toContain('koda_session');
    expect(await locked.text()).toContain('Liiga palju ebaõnnestunud katseid');
    // After the delay the right password works again.
    ctx.clock.set(new Date(Date.parse(TEST_NOW) + 16 * 1000));
    try {
      await expect(loginCookie(ctx, user.email, user.password, from())).resolves.toMatch(
        /^koda_session=/,
      );
    } finally {
      ctx.clock.set(TEST_NOW);
    }
  });

  it('locks an address after 10 failures across accounts, shared by two app instances', async () => {
    // Two app instances on the same database stand for two processes.
    const first = createApp(ctx.deps);
    const second = createApp(ctx.deps);
    const headers = from();
    for (let i = 0; i < 10; i++) {
      const res = await postForm(
        ctx,
        '/admin/login',
        { email: `someone-${i}@koda.test`, password: 'wrong password' },
        headers,
        i % 2 === 0 ? first : second,
      );
      expect(res.status).toBe(401);
    }
    const user = await makeUser(ctx, { role: 'organizer' });
    for (const app of [first, second]) {
      const res = await postForm(
        ctx,
        '/admin/login',
        { email: user.email, password: user.password },
        headers,
        app,
      );
      expect(res.status).toBe(429);
    }
    // Another address is not affected.
    await expect(loginCookie(ctx, user.email, user.password, from())).resolves.toMatch(
      /^koda_session=/,
    );
  });

  it('does not count successful logins against the address', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    const headers = from();
    for (let i = 0; i < 12; i++) await loginCookie(ctx, user.email, user.password, headers);
  });
});
